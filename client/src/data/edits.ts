import type { TadaDocumentNode } from "gql.tada";
import { ApiError, type Issue, request } from "./api.ts";
import * as op from "./edit-queries.ts";

/**
 * The workspace's editing calls: what an editable node holds (with who
 * asserted each fact), the choices for its selects, and the typed edits.
 * The editor key is the one the Ingest dialog keeps in sessionStorage.
 */
export const editorKeyStorage = "rasd.editorKey";
export const editorKey = (): string | null => sessionStorage.getItem(editorKeyStorage) || null;
export const setEditorKey = (key: string | null) =>
  key ? sessionStorage.setItem(editorKeyStorage, key) : sessionStorage.removeItem(editorKeyStorage);

export interface Provenance {
  assertedBy: "EXTRACTOR" | "ANALYST" | "IMPORT" | null;
  asserter: string | null;
  assertedAt: string | null;
  correctedBy: string | null;
  correctedAt: string | null;
}

export interface Named {
  id: string;
  name: string;
}

export interface EditableEvent {
  __typename: "Event";
  id: string;
  title: string;
  start: string | null;
  end: string | null;
  precision: string;
  edtf: string | null;
  provenance: Provenance;
  actors: (Named & { role: string; provenance: Provenance })[];
  places: { location: Named; provenance: Provenance }[];
}

export interface EditableClaim {
  __typename: "Claim";
  id: string;
  text: string;
  certainty: string;
  provenance: Provenance;
  claimant: Named | null;
  about: { id?: string; title?: string }[];
}

export interface EditableNamed {
  __typename: "Actor" | "Location";
  id: string;
  name: string;
  nameAr: string | null;
  kind: string;
  wikidataId: string | null;
  geonamesId?: number | null;
  aliases: string[];
  mergedIds: string[];
  provenance: Provenance;
  articles: { id: string; title: string }[];
}

export type Editable = EditableEvent | EditableClaim | EditableNamed;

export interface Choices {
  actors: Named[];
  locations: Named[];
}

export async function loadEditable(id: string, signal?: AbortSignal): Promise<Editable | null> {
  const d = await request(op.EDITABLE_NODE, { id }, { key: editorKey() ?? undefined, signal });
  const node = d.node;
  // TODO(typed queries): the panel's Editable types are still written by hand (the edit panel is in flight);
  // they should become ResultOf<typeof op.EDITABLE_NODE> parts so the schema checks them.
  return node && ["Event", "Claim", "Actor", "Location"].includes(node.__typename)
    ? (node as unknown as Editable)
    : null;
}

export async function loadChoices(signal?: AbortSignal): Promise<Choices> {
  const d = await request(op.EDIT_CHOICES, {}, { key: editorKey() ?? undefined, signal });
  return { actors: d.actors.nodes, locations: d.locations.nodes };
}

/** Every edit the panel can ask for: the operation's name and its variables. */
export type EditRequest =
  | { op: "setRole"; event: string; actor: string; role: string }
  | { op: "addParticipant"; event: string; actor: string; role: string }
  | { op: "removeParticipant"; event: string; actor: string }
  | { op: "addEventPlace"; event: string; location: string }
  | { op: "removeEventPlace"; event: string; location: string }
  | {
      op: "setEventDate";
      id: string;
      date: { precision: string; edtf?: string | null; start?: string | null; end?: string | null };
    }
  | { op: "updateClaim"; id: string; input: { claimant?: string; certainty?: string; events?: string[] } }
  | { op: "updateEntity"; id: string; input: Record<string, string | number | null> }
  | { op: "mergeEntities"; keep: string; merge: string[] }
  | { op: "splitEntity"; id: string; input: Record<string, unknown> }
  | { op: "undo"; auditId?: string | null };

/** What every edit mutation answers (aliased `result`): done with an audit id, or refused. */
type EditAnswer = {
  result: { __typename: string; auditId?: string; action?: string; message?: string; issues?: Issue[] };
};

/**
 * The mutation for each edit. Each is typed from the schema in edit-queries.ts;
 * here they are one table sent the same way, so each is seen as answering the
 * shared shape above (which each one's own answer type is checked to fit).
 */
// Variables are typed by EditRequest above, per operation; the table takes any.
const OPERATIONS: Record<EditRequest["op"], TadaDocumentNode<EditAnswer, never>> = {
  setRole: op.SET_ROLE,
  addParticipant: op.ADD_PARTICIPANT,
  removeParticipant: op.REMOVE_PARTICIPANT,
  addEventPlace: op.ADD_EVENT_PLACE,
  removeEventPlace: op.REMOVE_EVENT_PLACE,
  setEventDate: op.SET_EVENT_DATE,
  updateClaim: op.UPDATE_CLAIM,
  updateEntity: op.UPDATE_ENTITY,
  mergeEntities: op.MERGE_ENTITIES,
  splitEntity: op.SPLIT_ENTITY,
  undo: op.UNDO,
};

export interface EditDone {
  auditId: string;
  /** For an undo: what it reversed. */
  action?: string;
}

/** Sends an edit with the editor key; a refusal throws ApiError naming the field(s). */
export async function sendEdit(edit: EditRequest): Promise<EditDone> {
  const key = editorKey();
  if (!key) throw new ApiError("an editor key is needed to edit");
  const { op: name, ...variables } = edit;
  const d = await request(OPERATIONS[name], variables as never, { key });
  const r = d.result;
  if (r.__typename === "ValidationError" || r.__typename === "NotFoundError")
    throw new ApiError(r.message ?? "refused", r.issues ?? []);
  return { auditId: r.auditId as string, action: r.action };
}

/** "extractor rasd-extract 0.4 · 22 Aug 2024", "analyst amira · 29 Nov 2026", "import …": who said so, in one line. */
export function provenanceText(p: Provenance | null | undefined): string {
  if (!p?.assertedBy) return "provenance not recorded";
  const day = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
      : "";
  const who =
    p.assertedBy === "EXTRACTOR"
      ? `extractor ${(p.asserter ?? "").replace(/^rasd-extract\s*/, "v")}`.trim()
      : p.assertedBy === "ANALYST"
        ? `analyst ${p.asserter ?? ""}`.trim()
        : `import ${p.asserter ?? ""}`.trim();
  const corrected = p.correctedBy
    ? ` · corrected by analyst ${p.correctedBy}${p.correctedAt ? ` · ${day(p.correctedAt)}` : ""}`
    : "";
  return `${who}${p.assertedAt ? ` · ${day(p.assertedAt)}` : ""}${corrected}`;
}
