import type { Statement } from "../db/database.ts";
import { TIMELINE_CARRY, TIMELINE_YEAR, YEAR_SLOTS } from "../model/vocabulary.ts";

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
 * Events that run across midnights are kept the same way, for a window to
 * know without reading them how many began before it and run into it:
 * `(:TimelineCarry {year, ATTACK: [...]})` holds running sums of +1 on each
 * event's start day and −1 on its end day, so the sum over all days before D
 * is the number of events that started on a day before D and end on D or
 * later. An event within one day adds nothing.
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

/** [start day, end day] of an event that runs past the midnight after its start day, else null (TimelineCarry). */
export const openOf = (e: string) => {
  const day = (t: string) => `toInteger(floor(${e}.${t}.epochMillis / ${DAY_MS}.0))`;
  return `CASE WHEN ${e}.start IS NULL OR ${e}.end IS NULL OR ${day("end")} <= ${day("start")} THEN null ELSE [${day("start")}, ${day("end")}] END`;
};

/** A count change for one event, as a Cypher map; `sign` is +1 or -1. */
export const countKey = (e: string, sign: 1 | -1) =>
  `{day: ${dayOf(e)}, type: ${e}.type, span: ${spanOf(e)}, open: ${openOf(e)}, n: ${sign}}`;

/**
 * A unit subquery applying a list of `{day, type, n}` changes (`keys`, a Cypher
 * expression over the imported variables `vars`). Changes are summed per key
 * first and applied level by level — years, days, the undated node, then
 * the carried events and the span node — each level in key order, so concurrent writers
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
${applyYearLists("changes", TIMELINE_YEAR)}
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
${applyCarryCounts(vars, keys)}
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
 * counts of `label`: per (year, type) the changes are applied to the list in one rewrite, in (year, type) order.
 */
function applyYearLists(changes: string, label: string): string {
  // The new list is the old one in segments between the changed days (sorted), each segment raised by
  // the sum of the changes before it: one addition per entry, where testing every change against every
  // entry cost about 3× as much in a bulk load (200 articles per transaction).
  return `  CALL (${changes}) {
    UNWIND ${changes} AS c
    WITH c WHERE c.day IS NOT NULL
    WITH date('1970-01-01') + duration({days: c.day}) AS date, c
    WITH date.year AS year, c.type AS type, date.ordinalDay - 1 AS doy, sum(c.n) AS n
    WITH year, type, doy, n ORDER BY year, type, doy
    WITH year, type, collect({doy: doy, n: n}) AS cs
    WITH year, type, cs ORDER BY year, type
    MERGE (y:${label} {year: year})
    WITH y, type, cs, coalesce(y[type], [i IN range(1, ${YEAR_SLOTS}) | 0]) AS old,
      [0] + [c IN cs | c.doy + 1] + [${YEAR_SLOTS}] AS bounds, reduce(a = [0], c IN cs | a + [a[-1] + c.n]) AS raise
    SET y[type] = reduce(l = [], k IN range(0, size(cs)) | l + [x IN old[bounds[k]..bounds[k + 1]] | x + raise[k]])
  }`;
}

/** A unit subquery adding the `open` ranges of the keys to TimelineCarry: +n on the start day, −n on the end day. */
function applyCarryCounts(vars: string, keys: string): string {
  return `CALL (${vars}) {
  UNWIND ${keys} AS k
  WITH k WHERE k.open IS NOT NULL
  UNWIND [[k.open[0], k.n], [k.open[1], -k.n]] AS d
  WITH d[0] AS day, k.type AS type, sum(d[1]) AS n
  WHERE n <> 0
  WITH collect({day: day, type: type, n: n}) AS carry
  WHERE size(carry) > 0
${applyYearLists("carry", TIMELINE_CARRY)}
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
    { cypher: `MATCH (c:${TIMELINE_CARRY}) DELETE c` },
    { cypher: "MERGE (:SchemaMark {key: 'timeline-years'})" },
    { cypher: "MERGE (:SchemaMark {key: 'timeline-carry'})" },
    { cypher: "MATCH (u:TimelineUndated) DELETE u" },
    { cypher: "CREATE (:TimelineUndated {key: 'events'})" },
    {
      cypher: `MATCH (e:Event)
WITH ${dayOf("e")} AS day, e.type AS type, ${openOf("e")} AS open, count(*) AS n
WITH collect({day: day, type: type, open: open, n: n}) AS keys
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
${applyYearLists("changes", TIMELINE_YEAR)}`,
    },
    { cypher: "MERGE (:SchemaMark {key: 'timeline-years'})" },
  ];
}

/** Counts the TimelineCarry sums from the events (a graph whose other aggregates predate them), and marks them kept. */
export function rebuildCarryCounts(): Statement[] {
  return [
    { cypher: `MATCH (c:${TIMELINE_CARRY}) DELETE c` },
    {
      cypher: `MATCH (e:Event) WHERE e.start IS NOT NULL AND e.end IS NOT NULL
WITH e.type AS type, ${openOf("e")} AS open, count(*) AS n
WHERE open IS NOT NULL
WITH collect({type: type, open: open, n: n}) AS keys
${applyCarryCounts("keys", "keys")}`,
    },
    { cypher: "MERGE (:SchemaMark {key: 'timeline-carry'})" },
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
OPTIONAL MATCH (c:SchemaMark {key: 'timeline-carry'})
RETURN u IS NOT NULL AS kept, s IS NOT NULL AS spansKept, y IS NOT NULL AS yearsKept, c IS NOT NULL AS carryKept`,
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
