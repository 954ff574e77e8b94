import type { Statement } from "../db/database.ts";
import { familyIncidentTypes } from "../model/vocabulary.ts";

/**
 * Candidate keys on an event's ties: each OCCURRED_IN and PARTICIPATED_IN tie
 * carries a copy of its event's incident key (vocabulary incidentKeyOf: the
 * types that can be one incident share it), span class, start, end and type,
 * and the id of the place or actor at its other end, indexed together
 * (schema/migrations/014-tie-candidate-keys.cypher). The candidate search on
 * ingest (cypher/candidate-search.ts) then seeks, for each place or actor an incoming
 * event is related to and each span class, the ties of events of a compatible type in its date
 * window, and reads only those events: the events that share nothing with it
 * are never read. Seeking the events' own date index instead read every event
 * of a compatible type in the window (650–870 at 1M events, from pages not in
 * the cache) to test its ties.
 *
 * The keys are derived data, kept by the writes that change them:
 * - ingest sets them on the ties it writes (cypher/ingest.ts), and every
 *   recomputation of an event's dates (refreshEvents: resolution, merges,
 *   splits) re-keys the event's ties in the same statement;
 * - every audited edit (edit/audit.ts: event fields, roles and places, entity
 *   merges and splits) and every undo re-keys the ties of the nodes it touched;
 * - snapshots leave them out (edit/snapshot.ts), so an undo's "has it changed
 *   since?" check never trips on them, and an import or an older graph gets
 *   them rebuilt (db/migrations.ts ensureTieKeys).
 * The search still tests the event's own type and dates, so a stale key could
 * only hide a candidate, never make a wrong one.
 */

/** The properties this module writes on a tie; snapshots leave them out. */
export const TIE_KEY_PROPERTIES = [
  "entityId",
  "eventIncident",
  "eventSpanClass",
  "eventStart",
  "eventEnd",
  "eventType",
] as const;

/** Cypher for the incident key of a type (an expression), as vocabulary incidentKeyOf gives it. */
export function incidentKeyCypher(type: string): string {
  const family = familyIncidentTypes();
  // The vocabulary's own type names and key, never input: literals are safe here.
  const list = family.types.map((x) => JSON.stringify(x)).join(", ");
  return `CASE WHEN ${type} IN [${list}] THEN ${JSON.stringify(family.key)} ELSE ${type} END`;
}

/** A SET clause giving tie `t` the keys of event `e` and the place or actor `entity`. */
export const setTieKeys = (t: string, e: string, entity: string) =>
  `SET ${t}.entityId = ${entity}.id, ${t}.eventIncident = ${incidentKeyCypher(`${e}.type`)}, ${t}.eventSpanClass = ${e}.spanClass, ${t}.eventStart = ${e}.start, ${t}.eventEnd = ${e}.end, ${t}.eventType = ${e}.type`;

/**
 * Unit subqueries re-keying every OCCURRED_IN and PARTICIPATED_IN tie of event
 * `e` (after its type or dates changed). Setting a property to the value it
 * has writes nothing, so an unchanged event costs only the reads.
 */
export const keepTieKeys = (e: string) => `CALL (${e}) {
  MATCH (${e})-[t:OCCURRED_IN]->(l:Location)
  ${setTieKeys("t", e, "l")}
}
CALL (${e}) {
  MATCH (x:Actor)-[t:PARTICIPATED_IN]->(${e})
  ${setTieKeys("t", e, "x")}
}`;

/**
 * Re-keys the ties of these nodes, by label: an event's ties, or an actor's
 * PARTICIPATED_IN ties, or a place's OCCURRED_IN ties (after an edit moved,
 * created or restored them). Ids of other labels are ignored.
 */
export function syncTieKeys(ids: { events: string[]; actors: string[]; locations: string[] }): Statement {
  return {
    cypher: `CALL () {
  UNWIND $events AS id
  MATCH (e:Event {id: id})
  ${keepTieKeys("e").replaceAll("\n", "\n  ")}
}
CALL () {
  UNWIND $actors AS id
  MATCH (x:Actor {id: id})-[t:PARTICIPATED_IN]->(e:Event)
  ${setTieKeys("t", "e", "x")}
}
CALL () {
  UNWIND $locations AS id
  MATCH (e:Event)-[t:OCCURRED_IN]->(l:Location {id: id})
  ${setTieKeys("t", "e", "l")}
}`,
    params: { ...ids },
  };
}

/**
 * The keys of every event's ties, in batches: once for a graph that predates
 * them (db/migrations.ts) and after an import, which writes ties past the
 * write paths. Idempotent.
 */
export function rebuildTieKeys(): Statement {
  return {
    cypher: `MATCH (e:Event)
CALL (e) {
  ${keepTieKeys("e").replaceAll("\n", "\n  ")}
} IN TRANSACTIONS OF 5000 ROWS`,
  };
}
