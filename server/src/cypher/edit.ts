import type { Statement } from "../db/database.ts";
import { CLAIM_LINKS, type ClaimLink } from "../model/vocabulary.ts";
import { keepReportedHull } from "./as-of.ts";
import { eventProjection } from "./projections.ts";
import type { EventRow } from "./rows.ts";
import { keepSpanClass } from "./span-class.ts";
import { applyCounts, countKey } from "./timeline-counts.ts";

/**
 * The full new state of an edited event (the service merges the edit onto the
 * stored values and validates), the fields the analyst set (locked against
 * re-ingest and resolution) and who set them.
 */
export type EventEdit = Omit<EventRow, "label"> & { searchText: string; fields: string[]; who: string };

/** The event leaves its old day/type in the timeline aggregates and joins its new one, in the same statement. */
export function updateEvent(edit: EventEdit): Statement {
  return {
    cypher: `MATCH (e:Event {id: $id})
${applyCounts("e", `[${countKey("e", -1)}]`)}
SET e.type = $type, e.title = $title, e.summary = $summary,
    e.start = CASE WHEN $start IS NULL THEN null ELSE datetime($start) END,
    e.end = CASE WHEN $end IS NULL THEN null ELSE datetime($end) END,
    e.precision = $precision, e.edtf = $edtf, e.confidence = $confidence, e.searchText = $searchText,
    e.editedAt = datetime(), e.correctedBy = $who, e.correctedAt = datetime(),
    e.lockedFields = coalesce(e.lockedFields, []) + [k IN $fields WHERE NOT k IN coalesce(e.lockedFields, [])]
${keepSpanClass("e")}
WITH e
${keepReportedHull("e")}
${applyCounts("e", `[${countKey("e", 1)}]`)}
RETURN ${eventProjection("e")} AS node`,
    params: { ...edit },
  };
}

/** An editor's SUPPORTS/DISPUTES link; it has no article evidence, so deleting articles never removes it. */
export function linkClaims(from: string, to: string, type: ClaimLink): Statement {
  if (!CLAIM_LINKS.includes(type)) throw new Error(`invalid claim link: ${type}`);
  return {
    cypher: `MATCH (a:Claim {id: $from}), (b:Claim {id: $to})
MERGE (a)-[r:${type}]->(b)
ON CREATE SET r.evidence = [], r.linkedBy = 'editor', r.linkedAt = datetime()
RETURN a.id AS from, b.id AS to`,
    params: { from, to },
  };
}
