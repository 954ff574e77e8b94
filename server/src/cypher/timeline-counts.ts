import type { Statement } from "../db/database.ts";
import { TIMELINE_YEAR, YEAR_SLOTS } from "../model/vocabulary.ts";

/**
 * Timeline aggregates: how many events of each type count in each UTC day,
 * kept in the graph and changed by the same write transaction that adds,
 * edits, merges or deletes events, so they always equal a recount.
 *
 *   (:TimelineDay {day: <UTC epoch day>, ATTACK: 3, PROTEST: 1, …})
 *   (:TimelineUndated {key: "events", ATTACK: 2, …})   events with no end
 *
 * The day an event counts in is the UTC day of its earliest instant
 * (`coalesce(start, end)`), the instant the timeline buckets it by. Uncertain
 * dates follow from that: a MONTH-precision event starts at the first instant
 * of its month, so it counts on the 1st; a RANGE or APPROXIMATE event counts
 * on the day its range begins; an event known only by its end counts on the
 * day of its end. An event without an end lies in no window (every window
 * test compares `end`), so it counts in TimelineUndated instead of a day —
 * that keeps "all events of a type" answerable from the aggregates too.
 * One node per day with a property per type: a whole-range read is one row
 * per day whatever the number of events. Type names come from the event type
 * enum (validated before any write), never from free text.
 *
 * The same counts are kept as running counts per UTC year, one list per
 * type (`(:TimelineYear {year: 2024, ATTACK: [0, 3, 3, 5, …]})`, YEAR_SLOTS
 * entries): entry i holds the events on the year's first i days, so any run
 * of whole days is two entries apart and a bucket costs one subtraction
 * whatever its width — ten years in 200 buckets reads 11 nodes
 * (timelineDays), a total over ten years 11 entries. A change on day d adds
 * to every entry after d: the year's list is rewritten (YEAR_SLOTS numbers),
 * one node in place of the 8- and 64-day block counts it replaced.
 *
 * Beside them, how long the dated events last, for window queries to bound
 * their start-index range (an event overlapping [from, to] starts after
 * from − the longest span) without scanning every event:
 *
 *   (:TimelineSpans {key: "events", d0: 812, d1: 40, d365: 3, nostart: 2})
 *
 * `d<N>`: events with a start and an end lasting at most N whole days (the
 * span rounded up to a day, so N days is an upper bound of each); `nostart`:
 * events known only by their end. A histogram rather than a maximum, so a
 * delete or an edit that removes the longest event lowers it again.
 */

const DAY_MS = 86_400_000;
export const dayMs = DAY_MS;

/** The UTC epoch day an event counts in, or null for an event in no window (no end). */
export const dayOf = (e: string) =>
  `CASE WHEN ${e}.end IS NULL THEN null ELSE toInteger(floor(coalesce(${e}.start, ${e}.end).epochMillis / ${DAY_MS}.0)) END`;

/** The span key an event counts under in TimelineSpans (see above), or null (no end: in no window). */
export const spanOf = (e: string) =>
  `CASE WHEN ${e}.end IS NULL THEN null WHEN ${e}.start IS NULL THEN 'nostart' ELSE 'd' + toString(CASE WHEN ${e}.end <= ${e}.start THEN 0 ELSE toInteger(ceil((${e}.end.epochMillis - ${e}.start.epochMillis) / ${DAY_MS}.0)) END) END`;

/** A count change for one event, as a Cypher map; `sign` is +1 or -1. */
export const countKey = (e: string, sign: 1 | -1) =>
  `{day: ${dayOf(e)}, type: ${e}.type, span: ${spanOf(e)}, n: ${sign}}`;

/**
 * A unit subquery applying a list of `{day, type, n}` changes (`keys`, a Cypher
 * expression over the imported variables `vars`). Changes are summed per key
 * first and applied level by level — years, days, then
 * the undated and span nodes — each level in key order, so concurrent writers
 * take their locks in one order and cannot deadlock. A count that drops to 0
 * stays as 0: deleting the node would race a concurrent MERGE of the same day.
 */
export function applyCounts(vars: string, keys: string): string {
  return `CALL (${vars}) {
  UNWIND ${keys} AS k
  WITH k.day AS day, k.type AS type, sum(k.n) AS n
  WHERE n <> 0
  WITH collect({day: day, type: type, n: n}) AS changes
  WHERE size(changes) > 0
${applyYearCounts("changes")}
  CALL (changes) {
    UNWIND changes AS c
    WITH c.day AS day, c.type AS type, c.n AS n ORDER BY day, type
    CALL (day, type, n) {
      WITH day, type, n WHERE day IS NOT NULL
      MERGE (d:TimelineDay {day: day})
      SET d[type] = coalesce(d[type], 0) + n
    }
    CALL (day, type, n) {
      WITH day, type, n WHERE day IS NULL
      MERGE (u:TimelineUndated {key: 'events'})
      SET u[type] = coalesce(u[type], 0) + n
    }
  }
}
CALL (${vars}) {
  UNWIND ${keys} AS k
  WITH k.span AS span, sum(k.n) AS n
  WHERE span IS NOT NULL AND n <> 0
  WITH collect({span: span, n: n}) AS changes
  WHERE size(changes) > 0
  MERGE (s:TimelineSpans {key: 'events'})
  FOREACH (c IN changes | SET s[c.span] = coalesce(s[c.span], 0) + c.n)
}`;
}

/**
 * A unit subquery adding a list of `{day, type, n}` changes (the variable `changes`) to the year running
 * counts: per (year, type) the changes are applied to the list in one rewrite, in (year, type) order.
 */
function applyYearCounts(changes: string): string {
  return `  CALL (${changes}) {
    UNWIND ${changes} AS c
    WITH c WHERE c.day IS NOT NULL
    WITH date('1970-01-01') + duration({days: c.day}) AS date, c
    WITH date.year AS year, c.type AS type, collect({doy: date.ordinalDay - 1, n: c.n}) AS cs
    WITH year, type, cs ORDER BY year, type
    MERGE (y:${TIMELINE_YEAR} {year: year})
    WITH y, type, cs, coalesce(y[type], []) AS old
    SET y[type] = [i IN range(0, ${YEAR_SLOTS - 1}) | coalesce(old[i], 0) + reduce(s = 0, c IN cs | s + CASE WHEN i > c.doy THEN c.n ELSE 0 END)]
  }`;
}

/**
 * The tail of a statement that created events (bound to `e`, marked
 * `uncounted` ON CREATE, possibly on several rows each): clears the mark and
 * adds each to the aggregates once. Ends the statement (one row, no columns).
 */
export function countCreated(e: string): string {
  return `WITH DISTINCT ${e} WHERE ${e}.uncounted
REMOVE ${e}.uncounted
WITH collect(${countKey(e, 1)}) AS keys
${applyCounts("keys", "keys")}`;
}

/**
 * Counts the events this transaction created (mergeEvents marks them
 * `uncounted` ON CREATE, so a re-ingest, or a concurrent ingest of the same
 * event that lost the MERGE race, counts nothing) and clears the mark.
 */
export function countCreatedEvents(ids: string[]): Statement {
  return {
    cypher: `UNWIND $ids AS id
MATCH (e:Event {id: id})
${countCreated("e")}`,
    params: { ids },
  };
}

/**
 * Recounts everything from the events (after a bulk import that bypassed the
 * write paths, or on first start of a graph that predates the aggregates).
 * Leaves the TimelineUndated node in place, which marks the aggregates as kept.
 */
export function rebuildTimelineCounts(): Statement[] {
  return [
    ...rebuildSpanCounts(),
    { cypher: "MATCH (d:TimelineDay) DELETE d" },
    ...dropBlockCounts(),
    { cypher: `MATCH (y:${TIMELINE_YEAR}) DELETE y` },
    { cypher: "MERGE (:SchemaMark {key: 'timeline-years'})" },
    { cypher: "MATCH (u:TimelineUndated) DELETE u" },
    { cypher: "CREATE (:TimelineUndated {key: 'events'})" },
    {
      cypher: `MATCH (e:Event)
WITH ${dayOf("e")} AS day, e.type AS type, count(*) AS n
WITH collect({day: day, type: type, n: n}) AS keys
${applyCounts("keys", "keys")}`,
    },
  ];
}

/** Recounts only the span histogram (a graph whose day counts predate it). */
export function rebuildSpanCounts(): Statement[] {
  return [
    { cypher: "MATCH (s:TimelineSpans) DELETE s" },
    { cypher: "CREATE (:TimelineSpans {key: 'events'})" },
    {
      cypher: `MATCH (e:Event) WHERE e.end IS NOT NULL
WITH ${spanOf("e")} AS span, count(*) AS n
MATCH (s:TimelineSpans {key: 'events'})
SET s[span] = n`,
    },
  ];
}

/** Sums the day counts into the year running counts (a graph whose day counts predate them), and marks them kept. */
export function rebuildYearCounts(): Statement[] {
  return [
    ...dropBlockCounts(),
    { cypher: `MATCH (y:${TIMELINE_YEAR}) DELETE y` },
    {
      cypher: `MATCH (d:TimelineDay)
WITH properties(d) AS p
UNWIND keys(p) AS type
WITH p.day AS day, type, p[type] AS n WHERE type <> 'day' AND n <> 0
WITH collect({day: day, type: type, n: n}) AS changes
${applyYearCounts("changes")}`,
    },
    { cypher: "MERGE (:SchemaMark {key: 'timeline-years'})" },
  ];
}

/** The 8- and 64-day block counts the year running counts replaced (an older graph may still hold them). */
function dropBlockCounts(): Statement[] {
  return [
    { cypher: "MATCH (b) WHERE b:TimelineBlock8 OR b:TimelineBlock64 DELETE b" },
    { cypher: "MATCH (m:SchemaMark {key: 'timeline-blocks'}) DELETE m" },
  ];
}

/** Whether the aggregates have been built for this graph (the marker nodes exist). */
export function timelineCountsKept(): Statement {
  return {
    cypher: `OPTIONAL MATCH (u:TimelineUndated {key: 'events'})
OPTIONAL MATCH (s:TimelineSpans {key: 'events'})
OPTIONAL MATCH (y:SchemaMark {key: 'timeline-years'})
RETURN u IS NOT NULL AS kept, s IS NOT NULL AS spansKept, y IS NOT NULL AS yearsKept`,
  };
}

/**
 * The longest span (an upper bound within a day) and how many events have
 * only an end, from TimelineSpans: one node read, whatever the events.
 */
export function spanCounts(): Statement {
  return {
    cypher: `OPTIONAL MATCH (s:TimelineSpans {key: 'events'})
WITH CASE WHEN s IS NULL THEN {} ELSE properties(s) END AS p
WITH p, [k IN keys(p) WHERE k STARTS WITH 'd' AND p[k] > 0 | toInteger(substring(k, 1))] AS days
RETURN reduce(m = 0, d IN days | CASE WHEN d > m THEN d ELSE m END) * ${DAY_MS} AS maxSpanMs,
  coalesce(p.nostart, 0) AS undatedStarts`,
  };
}
