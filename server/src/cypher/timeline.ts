import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import { EVENT_TYPE_NAMES, TIMELINE_CARRY, YEAR_SLOTS } from "../model/vocabulary.ts";
import {
  type EventFilter,
  eventMatch,
  SPAN_STATS_COLUMNS,
  type SpanStats,
  spanStatsHead,
  windowAsOf,
} from "./event-filter.ts";
import { eventProjection } from "./projections.ts";
import { dayMs } from "./timeline-counts.ts";
import { type Subquery, yearDay } from "./timeline-day-reads.ts";

/**
 * Counts per time bucket and event type over [from, to), in one pass: an
 * event counts in the bucket of its earliest instant, clamped into the
 * window (an event that began before the window still shows at its start).
 * For filters the day aggregates cannot answer (see timeline-counts.ts).
 */
export function timelineBuckets(
  f: EventFilter,
  span: SpanStats,
  window: { fromMs: number; widthMs: number; buckets: number },
): Statement {
  const m = eventMatch(f, span);
  // As of a date an event counts where its dates then put it (eventMatch binds them).
  const at = windowAsOf(f) ? "coalesce(asOfStart, asOfEnd)" : "coalesce(e.start, e.end)";
  return {
    cypher: `${m.cypher}
WITH e, toInteger(floor((${at}.epochMillis - $fromMs) / $widthMs)) AS b
WITH CASE WHEN b < 0 THEN 0 WHEN b >= $buckets THEN $buckets - 1 ELSE b END AS bucket, e.type AS type, count(*) AS n
RETURN bucket, type, n ORDER BY bucket, type`,
    params: {
      ...m.params,
      fromMs: window.fromMs,
      widthMs: window.widthMs,
      buckets: neo4j.int(window.buckets),
    },
  };
}

/**
 * The events of an OVERLAPS window that the day aggregates cannot place,
 * by the instant they count at: those that began before the window and run
 * into it, those in the partial first day [from, d0) and the partial last
 * day [d1, to], and events known only by their end outside the whole days.
 * Each part is a range on the start (or end) index, bounded by the longest
 * stored span and by the first and last day any event counts in, so its cost
 * is the edges' events, not the window's — and a window that begins before
 * the first event and ends after the last (the whole graph, as the timeline
 * opens) reads no event at all. With `carry` (a window with whole days, read
 * with the days' aggregates) the events that began before d0 and run into it
 * are not read but counted from the carried-event sums, and only those that
 * end in [from, d0) are read; all of them count in the first bucket.
 *
 * The bounds come from the span statistics, read by the same statement
 * (spanStatsHead) rather than a statement before it, and `also` (the whole
 * days' counts) runs in it too: one round trip, not three. One row:
 * SPAN_STATS_COLUMNS, `edges` (a list of [instant ms, type, count]) and
 * `also`'s column.
 */
export function timelineEdges(
  types: string[] | null,
  w: { fromMs: number; toMs: number; d0Ms: number; d1Ms: number },
  { also, carry = false }: { also?: Subquery; carry?: boolean } = {},
): Statement {
  const type = types?.length ? " AND e.type IN $types" : "";
  // The two start ranges seek the (type, start, end) index once per type: type, start and end are all in
  // the index, so an event that ended before the window is dropped without reading it. On the start index
  // alone, every event of the longest span before the window was read (a month of events at 1M: 18,700).
  const byType = (where: string) =>
    `UNWIND $edgeTypes AS type MATCH (e:Event) USING INDEX e:Event(type, start, end) WHERE e.type = type AND ${where} RETURN e.type AS type, e.start.epochMillis AS t, 1 AS n`;
  // Each branch reads only when its range can hold an event (the guard before it), its range clipped to
  // [first, last): every event a window can match starts (or, known only by its end, ends) there. Every
  // range has a bound from those variables, so its seek runs after the guard, not beside it.
  const at = (ms: string) => `datetime({epochMillis: ${ms}})`;
  const beforeWindow = carry
    ? [
        // Whole days from d0 on: the events that began on a day before d0 and run into it are counted by the
        // carried-event sums (cypher/timeline-counts.ts) at d0, without reading them; the rest that touch the
        // window before d0 end in [from, d0). All count in the first bucket (at `from`).
        `MATCH (c:${TIMELINE_CARRY}) WHERE c.year <= $carryYear
  WITH c, [t IN $edgeTypes | c[t]] AS lists
  UNWIND range(0, size(lists) - 1) AS k
  WITH $edgeTypes[k] AS type, coalesce(lists[k][CASE WHEN c.year = $carryYear THEN $carryDoy ELSE ${YEAR_SLOTS - 1} END], 0) AS n
  WITH type, sum(n) AS n WHERE n <> 0
  RETURN type, toInteger($fromMs) AS t, n`,
        `WITH CASE WHEN $fromMs > first THEN toInteger($fromMs) ELSE first END AS a
  WITH a WHERE a < $d0Ms
  MATCH (e:Event) WHERE e.end >= ${at("a")} AND e.end < datetime($d0)${type} RETURN e.type AS type, toInteger($fromMs) AS t, 1 AS n`,
      ]
    : [
        `WITH lo WHERE lo < $d0Ms
  ${byType(`e.start >= ${at("lo")} AND e.start < datetime($d0) AND e.end >= datetime($from)`)}`,
        // Events known only by their end, as two ranges on the end index (an OR of the two would be read as
        // one range from `from` on: every event that ends in the window).
        `WITH undatedStarts, CASE WHEN $fromMs > first THEN toInteger($fromMs) ELSE first END AS a, CASE WHEN $d0Ms < last THEN toInteger($d0Ms) ELSE last END AS b
  WITH a, b WHERE undatedStarts > 0 AND a < b
  MATCH (e:Event) WHERE e.end >= ${at("a")} AND e.end < ${at("b")} AND e.start IS NULL${type} RETURN e.type AS type, e.end.epochMillis AS t, 1 AS n`,
      ];
  const branches = [
    ...beforeWindow,
    `WITH last WHERE $d1Ms < last
  ${byType(`e.start >= datetime($d1) AND e.start <= datetime($to) AND e.start < ${at("last")} AND e.end IS NOT NULL`)}`,
    `WITH undatedStarts, CASE WHEN $d1Ms > first THEN toInteger($d1Ms) ELSE first END AS a, last
  WITH a, last WHERE undatedStarts > 0 AND a < last
  MATCH (e:Event) WHERE e.end >= ${at("a")} AND e.end < ${at("last")} AND e.start IS NULL${type} RETURN e.type AS type, e.end.epochMillis AS t, 1 AS n`,
  ];
  const iso = (ms: number) => new Date(ms).toISOString();
  // The branches are disjoint (two start ranges apart, then events with no start), so nothing is counted twice.
  // No event has an end (firstDay null): none lies in any window, and the edges are empty.
  return {
    cypher: `${spanStatsHead()}
CALL (maxSpanMs, undatedStarts, firstDay, lastDay) {
  WITH undatedStarts, firstDay * ${dayMs} AS first, (lastDay + 1) * ${dayMs} AS last, toInteger($fromMs) - maxSpanMs AS back
  WHERE first IS NOT NULL
  WITH undatedStarts, first, last, CASE WHEN back > first THEN back ELSE first END AS lo
  CALL (undatedStarts, first, last, lo) {
  ${branches.join("\n  UNION ALL\n  ")}
  }
  WITH t, type, sum(n) AS n
  RETURN collect([t, type, n]) AS edges
}
${also?.cypher ?? ""}
RETURN ${SPAN_STATS_COLUMNS}, edges${also ? `, ${also.column}` : ""}`,
    params: {
      ...also?.params,
      types,
      edgeTypes: types?.length ? types : EVENT_TYPE_NAMES,
      fromMs: w.fromMs,
      d0Ms: w.d0Ms,
      d1Ms: w.d1Ms,
      from: iso(w.fromMs),
      to: iso(w.toMs),
      d0: iso(w.d0Ms),
      d1: iso(w.d1Ms),
      ...(carry ? carryAt(w.d0Ms) : {}),
    },
  };
}

/** Where the carried-event sums are read for midnight d0: its year, and its index in that year. */
function carryAt(d0Ms: number) {
  const { year, doy } = yearDay(d0Ms / dayMs);
  return { carryYear: neo4j.int(year), carryDoy: neo4j.int(doy) };
}

/** The events themselves, when few enough to draw one by one. */
export function timelineEvents(f: EventFilter, span: SpanStats, limit: number): Statement {
  const m = eventMatch(f, span);
  return {
    cypher: `${m.cypher}
WITH e ORDER BY e.start, e.id LIMIT $limit
RETURN ${eventProjection("e")} AS node`,
    params: { ...m.params, limit: neo4j.int(limit) },
  };
}
