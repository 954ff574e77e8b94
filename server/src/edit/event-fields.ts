import { edtfBounds } from "../bundle/edtf.ts";
import { updateEvent } from "../cypher/edit.ts";
import { eventProjection } from "../cypher/projections.ts";
import type { EventRow } from "../cypher/rows.ts";
import type { Database } from "../db/database.ts";
import { eventSearchText } from "../model/search-text.ts";
import { type AuditAction, isEventType, PRECISIONS } from "../model/vocabulary.ts";
import { audited } from "./audit.ts";
import { EditError, MissingNode } from "./errors.ts";

/**
 * An analyst's correction of an event's type, title, summary, dates or
 * confidence, checked as a bundle's event is (known type and precision, end
 * not before start, a precision other than UNKNOWN needs a date, EDTF that
 * reads and agrees with start/end). The event leaves its old day/type in the
 * timeline aggregates and joins the new one in the same transaction; the
 * fields set are locked, so re-ingest and resolution leave them alone.
 */
export interface EventInput {
  type?: string | null;
  title?: string | null;
  summary?: string | null;
  start?: string | null;
  end?: string | null;
  precision?: string | null;
  edtf?: string | null;
  confidence?: number | null;
}

const iso = (v: string | null, path: string) => {
  if (v == null) return null;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new EditError(path, `"${v}" is not a date`);
  return new Date(t).toISOString();
};

function merged(current: EventRow, input: EventInput, path: string) {
  const has = (k: keyof EventInput) => Object.hasOwn(input, k);
  const pick = <K extends keyof EventInput & keyof EventRow>(k: K) => (has(k) ? input[k] : current[k]) ?? null;
  const title = String(pick("title") ?? "").trim();
  if (!title) throw new EditError(`${path}.title`, "must not be empty");
  const type = pick("type");
  if (!type) throw new EditError(`${path}.type`, "cannot be cleared");
  if (!isEventType(type)) throw new EditError(`${path}.type`, `"${type}" is not an event type`);
  const precision = pick("precision");
  if (!precision) throw new EditError(`${path}.precision`, "cannot be cleared");
  if (!(PRECISIONS as readonly string[]).includes(precision))
    throw new EditError(`${path}.precision`, `"${precision}" is not a precision (one of ${PRECISIONS.join(", ")})`);
  const edtf = (pick("edtf") as string | null)?.trim() || null;
  let start = iso(pick("start") as string | null, `${path}.start`);
  let end = iso(pick("end") as string | null, `${path}.end`);
  if (edtf && has("edtf")) {
    const bounds = edtfBounds(edtf);
    if ("error" in bounds) throw new EditError(`${path}.edtf`, bounds.error);
    // An EDTF value given without dates sets them; given with dates, it must agree with them.
    if (!has("start")) start = bounds.start;
    if (!has("end")) end = bounds.end;
    if (start && Date.parse(start) < Date.parse(bounds.start))
      throw new EditError(`${path}.start`, `${start} is before what the EDTF "${edtf}" allows (${bounds.start})`);
    if (end && Date.parse(end) > Date.parse(bounds.end))
      throw new EditError(`${path}.end`, `${end} is after what the EDTF "${edtf}" allows (${bounds.end})`);
  }
  if (start && end && Date.parse(start) > Date.parse(end))
    throw new EditError(`${path}.end`, `${end} is before start (${start})`);
  if (precision !== "UNKNOWN" && !start && !end) throw new EditError(`${path}.precision`, `${precision} needs a date`);
  const confidence = pick("confidence") as number | null;
  if (confidence != null && (confidence < 0 || confidence > 1))
    throw new EditError(`${path}.confidence`, "must be between 0 and 1");
  const summary = (pick("summary") as string | null) ?? null;
  const fields = (Object.keys(input) as (keyof EventInput)[]).filter(has);
  // Dates move together: locking one locks how resolution would recompute all of them.
  if (fields.some((f) => ["start", "end", "precision", "edtf"].includes(f)))
    fields.push("start", "end", "precision", "edtf");
  return {
    id: current.id,
    type,
    title,
    summary,
    start,
    end,
    precision: precision as EventRow["precision"],
    edtf,
    confidence,
    searchText: eventSearchText(title, summary),
    fields: [...new Set(fields)],
  };
}

export async function updateEventFields(
  db: Database,
  who: string,
  id: string,
  input: EventInput,
  action: AuditAction = "updateEvent",
): Promise<{ result: EventRow; auditId: string }> {
  if (!id.startsWith("event:")) throw new EditError("id", `"${id}" is not an event id`);
  return audited(db, { who, action, target: id, touches: [{ id, ties: false }] }, async (run) => {
    const found = await run({
      cypher: `MATCH (e:Event {id: $id}) RETURN ${eventProjection("e")} AS node`,
      params: { id },
    });
    const current = found.records[0]?.get("node") as EventRow | undefined;
    if (!current) throw new MissingNode(id);
    const edit = merged(current, input, action === "setEventDate" ? "date" : "input");
    const r = await run(updateEvent({ ...edit, who }));
    return { result: r.records[0].get("node") as EventRow };
  });
}
