import { ACTOR_KINDS, CERTAINTIES, LOCATION_KINDS, PRECISIONS, ROLES } from "../../../server/src/model/vocabulary.ts";
import {
  type Choices,
  type Editable,
  type EditableClaim,
  type EditableEvent,
  type EditableNamed,
  type EditRequest,
  provenanceText,
} from "../data/edits.ts";
import { el } from "./element.ts";

/**
 * The evidence panel's editing section for the selected event, claim, actor
 * or place: who asserted each fact, and forms for the typed edits (roles,
 * participants, places, the date, a claim's speaker/certainty/event, names,
 * identifiers, merge and split). It fetches nothing: every form reports an
 * `edit` CustomEvent (bubbling) whose detail is the EditRequest, and the
 * "Undo" button one for `undo`. Text goes in as text, never as markup.
 */
export interface EditPanelData {
  node: Editable;
  choices: Choices;
  /** The last edit made from this panel, offered for undo. */
  lastEdit: { auditId: string; label: string } | null;
  status: { text: string; error: boolean } | null;
}

function select(name: string, options: readonly (string | { id: string; name: string })[], value?: string | null) {
  const s = el("select");
  s.name = name;
  s.setAttribute("aria-label", name);
  for (const o of options) {
    const opt = el("option", undefined, typeof o === "string" ? o.toLowerCase().replaceAll("_", " ") : o.name);
    opt.value = typeof o === "string" ? o : o.id;
    if (opt.value === value) opt.selected = true;
    s.append(opt);
  }
  return s;
}

function input(name: string, value: string | null | undefined, placeholder = "") {
  const i = el("input");
  i.name = name;
  i.value = value ?? "";
  i.placeholder = placeholder;
  i.setAttribute("aria-label", name);
  return i;
}

function button(label: string, className: string) {
  const b = el("button", className, label);
  b.type = "button";
  return b;
}

const provenanceLine = (p: Parameters<typeof provenanceText>[0]) => {
  const span = el("span", `provenance by-${(p?.assertedBy ?? "none").toLowerCase()}`, provenanceText(p));
  span.title = "who asserted this, and when";
  return span;
};

export function editPanel(data: EditPanelData): HTMLElement {
  const root = el("section", "evidence-section edit-panel");
  root.dataset.id = data.node.id;
  const emit = (detail: EditRequest) => root.dispatchEvent(new CustomEvent("edit", { detail, bubbles: true }));
  const head = el("h4", undefined, "Edit ");
  head.append(provenanceLine(data.node.provenance));
  root.append(head);
  if (data.status) {
    const p = el("p", data.status.error ? "edit-status error" : "edit-status", data.status.text);
    p.setAttribute("role", data.status.error ? "alert" : "status");
    root.append(p);
  }
  if (data.lastEdit) {
    const undo = button(`Undo: ${data.lastEdit.label}`, "undo-edit");
    const id = data.lastEdit.auditId;
    undo.addEventListener("click", () => emit({ op: "undo", auditId: id }));
    root.append(undo);
  }
  const n = data.node;
  if (n.__typename === "Event") root.append(...eventForms(n, data.choices, emit));
  else if (n.__typename === "Claim") root.append(...claimForms(n, data.choices, emit));
  else root.append(...namedForms(n, data.choices, emit));
  return root;
}

type Emit = (r: EditRequest) => void;

function eventForms(e: EditableEvent, choices: Choices, emit: Emit): HTMLElement[] {
  const who = el("ul", "edit-participants");
  for (const a of e.actors) {
    const li = el("li");
    li.dataset.actor = a.id;
    const role = select("role", ROLES, a.role);
    role.className = "role-select";
    role.addEventListener("change", () => emit({ op: "setRole", event: e.id, actor: a.id, role: role.value }));
    const remove = button("remove", "remove-participant small");
    remove.addEventListener("click", () => emit({ op: "removeParticipant", event: e.id, actor: a.id }));
    li.append(el("span", "name", a.name), " ", role, " ", provenanceLine(a.provenance), " ", remove);
    who.append(li);
  }
  const addActor = select("actor", choices.actors);
  const addRole = select("new role", ROLES, "PARTICIPANT");
  const add = button("add participant", "add-participant");
  add.addEventListener("click", () =>
    emit({ op: "addParticipant", event: e.id, actor: addActor.value, role: addRole.value }),
  );
  const addRow = el("div", "edit-row");
  addRow.append(addActor, addRole, add);

  const where = el("ul", "edit-places");
  for (const { location: l, provenance } of e.places) {
    const li = el("li");
    li.dataset.location = l.id;
    const remove = button("remove", "remove-place small");
    remove.addEventListener("click", () => emit({ op: "removeEventPlace", event: e.id, location: l.id }));
    li.append(el("span", "name", l.name), " ", provenanceLine(provenance), " ", remove);
    where.append(li);
  }
  const place = select("place", choices.locations);
  const addPlace = button("add place", "add-place");
  addPlace.addEventListener("click", () => emit({ op: "addEventPlace", event: e.id, location: place.value }));
  const placeRow = el("div", "edit-row");
  placeRow.append(place, addPlace);

  const edtf = input("edtf", e.edtf, "EDTF, e.g. 2024-08-18 or 2024-08-15/2024-08-21");
  const precision = select("precision", PRECISIONS, e.precision);
  const move = button("move date", "move-date");
  move.addEventListener("click", () =>
    emit({ op: "setEventDate", id: e.id, date: { precision: precision.value, edtf: edtf.value.trim() || null } }),
  );
  const dateRow = el("div", "edit-row edit-date");
  dateRow.append(edtf, precision, move);
  return [
    el("h5", undefined, "Who"),
    who,
    addRow,
    el("h5", undefined, "Where"),
    where,
    placeRow,
    el("h5", undefined, "When"),
    dateRow,
  ];
}

function claimForms(c: EditableClaim, choices: Choices, emit: Emit): HTMLElement[] {
  const speaker = select("speaker", choices.actors, c.claimant?.id);
  const certainty = select("certainty", CERTAINTIES, c.certainty);
  const save = button("save claim", "save-claim");
  save.addEventListener("click", () => {
    const input: { claimant?: string; certainty?: string } = {};
    if (speaker.value !== c.claimant?.id) input.claimant = speaker.value;
    if (certainty.value !== c.certainty) input.certainty = certainty.value;
    emit({ op: "updateClaim", id: c.id, input });
  });
  const row = el("div", "edit-row");
  row.append(el("label", undefined, "said by "), speaker, certainty, save);
  return [row];
}

function namedForms(n: EditableNamed, choices: Choices, emit: Emit): HTMLElement[] {
  const isActor = n.__typename === "Actor";
  const name = input("name", n.name);
  const nameAr = input("Arabic name", n.nameAr);
  nameAr.dir = "rtl";
  const kind = select("kind", isActor ? ACTOR_KINDS : LOCATION_KINDS, n.kind);
  const qid = input("Wikidata id", n.wikidataId, "Q…");
  const geonames = input("GeoNames id", n.geonamesId == null ? "" : String(n.geonamesId), "GeoNames id");
  const save = button("save", "save-entity");
  save.addEventListener("click", () => {
    const input: Record<string, string | number | null> = {};
    if (name.value.trim() !== n.name) input.name = name.value.trim();
    if ((nameAr.value.trim() || null) !== n.nameAr) input.nameAr = nameAr.value.trim() || null;
    if (kind.value !== n.kind) input.kind = kind.value;
    if ((qid.value.trim() || null) !== n.wikidataId) input.wikidataId = qid.value.trim() || null;
    if (!isActor && (geonames.value.trim() || null) !== (n.geonamesId == null ? null : String(n.geonamesId)))
      input.geonamesId = geonames.value.trim() ? Number(geonames.value.trim()) : null;
    emit({ op: "updateEntity", id: n.id, input });
  });
  const names = el("div", "edit-row");
  names.append(name, nameAr, kind);
  const ids = el("div", "edit-row");
  ids.append(qid, ...(isActor ? [] : [geonames]), save);

  const others = (isActor ? choices.actors : choices.locations).filter((o) => o.id !== n.id);
  const other = select("merge with", others);
  const merge = button("merge into this", "merge-entity");
  merge.addEventListener("click", () => emit({ op: "mergeEntities", keep: n.id, merge: [other.value] }));
  const mergeRow = el("div", "edit-row");
  mergeRow.append(other, merge);
  const out: HTMLElement[] = [names, ids, el("h5", undefined, "Duplicates"), mergeRow];
  if (n.mergedIds.length) {
    const splits = el("div", "edit-row");
    for (const id of n.mergedIds) {
      const b = button(`split off ${id}`, "split-entity");
      b.dataset.restore = id;
      b.addEventListener("click", () => emit({ op: "splitEntity", id: n.id, input: { restore: id } }));
      splits.append(b);
    }
    out.push(splits);
  }
  return out;
}

/** Without an editor key: who asserted the node and each of its ties, read only. */
export function provenancePanel(node: Editable): HTMLElement {
  const root = el("section", "evidence-section provenance-panel");
  const head = el("h4", undefined, "Asserted by ");
  head.append(provenanceLine(node.provenance));
  root.append(head);
  const rows: [string, EditableEvent["actors"][number]["provenance"]][] =
    node.__typename === "Event"
      ? [
          ...node.actors.map((a): [string, typeof a.provenance] => [
            `${a.name} (${a.role.toLowerCase()})`,
            a.provenance,
          ]),
          ...node.places.map((p): [string, typeof p.provenance] => [`in ${p.location.name}`, p.provenance]),
        ]
      : [];
  if (rows.length) {
    const list = el("ul");
    for (const [label, p] of rows) {
      const li = el("li", undefined, `${label} `);
      li.append(provenanceLine(p));
      list.append(li);
    }
    root.append(list);
  }
  return root;
}
