import {
  type DuplicateGroup,
  type DuplicateKind,
  type DuplicateMember,
  dismissDuplicates,
  loadDuplicates,
  mergeDuplicates,
} from "../data/duplicates.ts";
import { h } from "./dom.ts";

const keyStorage = "rasd.editorKey";

/** The member kept by a merge unless the editor picks another: the one articles mention most. */
const keepOf = (g: DuplicateGroup) =>
  [...g.members].sort((a, b) => b.mentionCount - a.mentionCount || a.id.localeCompare(b.id))[0]?.id;

/** One member: names in both scripts, aliases, how much evidence, a quoted mention. */
function member(m: DuplicateMember, groupId: string, keep: boolean): HTMLElement {
  const radio = h("input", { type: "radio", name: `keep-${groupId}`, value: m.id, "aria-label": `Keep ${m.name}` });
  radio.checked = keep;
  const names: (Node | string)[] = [h("strong", { dir: "auto" }, m.name)];
  if (m.nameAr && m.nameAr !== m.name) names.push(" — ", h("span", { lang: "ar", dir: "rtl" }, m.nameAr));
  const aliases = m.aliases.filter((a) => a !== m.name && a !== m.nameAr);
  const sample = m.evidence[0];
  return h(
    "div",
    { class: "duplicate-member", "data-id": m.id },
    h("label", {}, radio, " keep "),
    ...names,
    h(
      "span",
      { class: "candidate-score" },
      ` · ${m.kind.replaceAll("_", " ").toLowerCase()} · ${m.mentionCount} mention${m.mentionCount === 1 ? "" : "s"} in ${m.articleCount} article${m.articleCount === 1 ? "" : "s"} · ${m.eventCount} event${m.eventCount === 1 ? "" : "s"} · ${m.id}`,
    ),
    aliases.length ? h("div", { class: "candidate-score" }, `also: ${aliases.join(", ")}`) : "",
    sample
      ? h("div", { class: "candidate-score" }, h("q", { dir: "auto" }, sample.quote), ` — ${sample.articleTitle}`)
      : "",
  );
}

/**
 * "Possible duplicates": actors or places with the same or similar names in
 * either script and different ids, each group with its evidence; Merge keeps
 * the chosen member (mergeEntities: names become aliases, evidence is kept),
 * Dismiss records that they are different (never suggested again). Keyboard:
 * ↑/↓ (or k/j) move between groups, M merges, D dismisses, Esc closes.
 */
export function openDuplicateReview(opts: { onChanged: () => void }): void {
  const key = h("input", {
    type: "password",
    id: "duplicates-key",
    autocomplete: "off",
    placeholder: "editor API key",
  });
  key.value = sessionStorage.getItem(keyStorage) ?? "";
  const kind = h(
    "select",
    { id: "duplicates-kind" },
    h("option", { value: "ACTOR" }, "actors"),
    h("option", { value: "LOCATION" }, "places"),
  );
  const status = h("p", { class: "hint", "aria-live": "polite" });
  const list = h("ol", { class: "candidates", "aria-label": "Possible duplicates" });
  const close = h("button", { type: "button", id: "duplicates-close" }, "Close");
  const dialog = h(
    "dialog",
    { class: "review-dialog duplicates-dialog", "aria-labelledby": "duplicates-title" },
    h("h2", { id: "duplicates-title" }, "Possible duplicates"),
    h("p", { class: "hint" }, "↑/↓ move between groups · M merge into the kept one · D dismiss · Esc close"),
    h("label", {}, "Editor key ", key),
    h("label", {}, " Show ", kind),
    status,
    list,
    h("div", { class: "dialog-buttons" }, close),
  );
  document.body.append(dialog);
  let changed = false;
  const done = () => {
    dialog.close();
    dialog.remove();
    if (changed) opts.onChanged();
  };
  close.addEventListener("click", done);
  dialog.addEventListener("close", () => dialog.isConnected && done());

  const items = () => [...list.querySelectorAll<HTMLLIElement>("li.candidate")];
  const focusAt = (i: number) => {
    const all = items();
    all[Math.max(0, Math.min(i, all.length - 1))]?.focus();
  };

  const decide = async (li: HTMLLIElement, g: DuplicateGroup, merge: boolean) => {
    if (!key.value) {
      status.textContent = "An editor key is needed to merge or dismiss.";
      key.focus();
      return;
    }
    const keep = li.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value ?? keepOf(g);
    const ids = g.members.map((m) => m.id);
    const at = items().indexOf(li);
    li.setAttribute("aria-busy", "true");
    try {
      if (merge)
        await mergeDuplicates(
          keep,
          ids.filter((id) => id !== keep),
          key.value,
        );
      else await dismissDuplicates(kind.value as DuplicateKind, ids, key.value);
      sessionStorage.setItem(keyStorage, key.value);
      changed = true;
      const name = g.members.find((m) => m.id === keep)?.name ?? keep;
      status.textContent = merge ? `Merged into “${name}” (${keep}).` : "Dismissed: they stay apart.";
      li.remove();
      focusAt(at);
      if (items().length === 0) list.replaceChildren(h("li", { class: "hint" }, "No duplicates left to review."));
    } catch (error) {
      status.textContent = `Not done: ${(error as Error).message}`;
      li.removeAttribute("aria-busy");
    }
  };

  const row = (g: DuplicateGroup) => {
    const mergeButton = h("button", { type: "button", class: "accept" }, "Merge");
    const dismiss = h("button", { type: "button", class: "reject" }, "Dismiss");
    const keep = keepOf(g);
    const shared = g.pairs.reduce((s, p) => s + p.sharedEventCount, 0);
    const li = h(
      "li",
      {
        class: "candidate",
        tabindex: "0",
        "data-id": g.id,
        "aria-label": `${g.members.length} possible duplicates: ${g.members.map((m) => m.name).join(", ")}`,
      },
      ...g.members.map((m) => member(m, g.id, m.id === keep)),
      h(
        "p",
        { class: "candidate-score" },
        `score ${g.score.toFixed(2)}: ${g.reasons.join("; ")}${shared ? ` · ${shared} shared event${shared === 1 ? "" : "s"}` : ""}`,
      ),
      h("div", { class: "dialog-buttons" }, mergeButton, dismiss),
    );
    mergeButton.addEventListener("click", () => decide(li, g, true));
    dismiss.addEventListener("click", () => decide(li, g, false));
    li.addEventListener("keydown", (event) => {
      if (event.target !== li && !(event.target instanceof HTMLButtonElement)) return;
      const at = items().indexOf(li);
      const k = event.key.toLowerCase();
      if (k === "arrowdown" || k === "j") focusAt(at + 1);
      else if (k === "arrowup" || k === "k") focusAt(at - 1);
      else if (k === "m") decide(li, g, true);
      else if (k === "d") decide(li, g, false);
      else return;
      event.preventDefault();
    });
    return li;
  };

  const load = () => {
    status.textContent = "Loading…";
    list.replaceChildren();
    loadDuplicates(kind.value as DuplicateKind)
      .then(({ total, groups }) => {
        status.textContent = `${total} group${total === 1 ? "" : "s"} to review, strongest first.`;
        list.replaceChildren(
          ...(groups.length ? groups.map(row) : [h("li", { class: "hint" }, "No possible duplicates.")]),
        );
        focusAt(0);
      })
      .catch((error: Error) => {
        status.textContent = `Could not load the suggestions: ${error.message}`;
      });
  };
  kind.addEventListener("change", load);
  dialog.showModal();
  load();
}
