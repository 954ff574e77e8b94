import { EVENT_TYPE_NAMES, PRECISIONS, ROLES } from "../../../server/src/model/vocabulary.ts";
import { h } from "../app/dom.ts";
import type { EventItem } from "../data/bundle.ts";
import type { BundleEditorState } from "./bundle-editor-state.ts";
import { actionButton, optionsOf, selectField, textField } from "./controls.ts";
import { edtfOf, normaliseDates } from "./event-dates.ts";

/**
 * Start, end and precision, with the EDTF string shown live as the editor
 * types; the dates are committed (made whole for MONTH/YEAR) on Enter, on
 * leaving a field, or when the precision changes.
 */
function dateFields(state: BundleEditorState, e: EventItem): HTMLElement {
  const start = h("input", { type: "text", "data-key": `${e.id}/start`, placeholder: "YYYY-MM-DD", size: "11" });
  const end = h("input", { type: "text", "data-key": `${e.id}/end`, placeholder: "YYYY-MM-DD", size: "11" });
  start.defaultValue = e.start ?? "";
  end.defaultValue = e.end ?? "";
  const precision = h("select", { "data-key": `${e.id}/precision` });
  for (const [v, text] of optionsOf(PRECISIONS)) precision.append(h("option", { value: v }, text));
  precision.value = e.precision;
  const edtf = h("output", { class: "review-edtf", "data-key": `${e.id}/edtf` });
  const live = () => {
    const d = normaliseDates({ start: start.value, end: end.value, precision: precision.value });
    edtf.textContent = edtfOf(d.start, d.end, d.precision) ?? "(none)";
  };
  const commit = () => {
    if (start.value === (e.start ?? "") && end.value === (e.end ?? "") && precision.value === e.precision) return;
    state.setEventDates(e.id, { start: start.value, end: end.value, precision: precision.value });
  };
  for (const input of [start, end]) {
    input.addEventListener("input", live);
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      commit();
    });
  }
  precision.addEventListener("change", commit);
  live();
  const group = h("div", { class: "review-row review-dates", role: "group", "aria-label": `Dates of “${e.title}”` });
  // Start and end are one edit: they are committed together once the focus leaves both.
  group.addEventListener("focusout", (event) => {
    if (!group.contains(event.relatedTarget as Node | null)) commit();
  });
  group.append(
    h("label", { class: "field" }, "Start ", start),
    h("label", { class: "field" }, "End ", end),
    h("label", { class: "field" }, "Precision ", precision),
    h("span", { class: "field" }, "EDTF ", edtf),
  );
  return group;
}

/** Who took part and as what; the last row adds a participant. */
function participants(state: BundleEditorState, e: EventItem): HTMLElement {
  const actors: [string, string][] = state.bundle.actors.map((a) => [a.id, a.name]);
  const ul = h("ul", { class: "review-participants", "aria-label": `Participants of “${e.title}”` });
  e.participants.forEach((p, i) => {
    const name = state.bundle.actors.find((a) => a.id === p.actor)?.name ?? p.actor;
    ul.append(
      h(
        "li",
        { "data-path": `/events/${state.bundle.events.indexOf(e)}/participants/${i}` },
        selectField("Actor", actors, p.actor, `${e.id}/p${i}/actor`, (v) => state.setParticipant(e.id, i, v, p.role)),
        selectField("Role", optionsOf(ROLES), p.role, `${e.id}/p${i}/role`, (v) =>
          state.setParticipant(e.id, i, p.actor, v),
        ),
        actionButton("Remove", `Remove ${name} from “${e.title}”`, `${e.id}/p${i}/remove`, () =>
          state.removeParticipant(e.id, i),
        ),
      ),
    );
  });
  if (actors.length) {
    const actor = h("select", { "data-key": `${e.id}/new/actor`, "aria-label": "New participant" });
    for (const [v, text] of actors) actor.append(h("option", { value: v }, text));
    const role = h("select", { "data-key": `${e.id}/new/role`, "aria-label": "New participant's role" });
    for (const [v, text] of optionsOf(ROLES)) role.append(h("option", { value: v }, text));
    role.value = "PARTICIPANT";
    const add = actionButton("Add participant", `Add a participant to “${e.title}”`, `${e.id}/new/add`, () =>
      state.setParticipant(e.id, e.participants.length, actor.value, role.value),
    );
    ul.append(h("li", { class: "review-add" }, actor, role, add));
  }
  return ul;
}

/** Where it happened: one checkbox per place of the bundle. */
function places(state: BundleEditorState, e: EventItem): HTMLElement {
  const box = h("fieldset", { class: "review-places" }, h("legend", {}, "Places"));
  for (const l of state.bundle.locations) {
    const check = h("input", { type: "checkbox", "data-key": `${e.id}/place/${l.id}` });
    check.checked = e.locations.includes(l.id);
    check.addEventListener("change", () => state.setEventPlace(e.id, l.id, check.checked));
    box.append(h("label", { class: "check" }, check, ` ${l.name}`));
  }
  if (!state.bundle.locations.length) box.append(h("span", { class: "hint" }, "No places in this bundle."));
  return box;
}

/** One event of the bundle: type, title, dates, roles and places, and remove. */
export function eventEditor(state: BundleEditorState, index: number): HTMLLIElement {
  const e = state.bundle.events[index];
  const li = h("li", { class: "review-item", "data-path": `/events/${index}`, "data-id": e.id });
  li.append(
    h(
      "div",
      { class: "review-row" },
      selectField("Type", optionsOf(EVENT_TYPE_NAMES), e.type, `${e.id}/type`, (v) => state.setEventType(e.id, v)),
      textField("Title", e.title, `${e.id}/title`, (v) => state.setEventTitle(e.id, v), { size: "40" }),
      actionButton("Remove", `Remove event “${e.title}”`, `${e.id}/remove`, () => state.removeEvent(e.id)),
    ),
    dateFields(state, e),
    participants(state, e),
    places(state, e),
  );
  return li;
}
