import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import { EVENT_TYPE_NAMES } from "../model/vocabulary.ts";
import { type EventFilter, eventMatch, type SpanStats, windowAsOf } from "./event-filter.ts";
import { eventProjection } from "./projections.ts";
import { dayMs } from "./timeline-counts.ts";

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
 * opens) has no edge events at all: null, nothing to read.
 */
export function timelineEdges(
  types: string[] | null,
  span: SpanStats,
  w: { fromMs: number; toMs: number; d0Ms: number; d1Ms: number },
): Statement | null {
  if (span.firstDayMs === null) return null; // no event with an end: none lies in any window
  const iso = (ms: number) => new Date(ms).toISOString();
  const type = types?.length ? " AND e.type IN $types" : "";
  // The two start ranges seek the (type, start, end) index once per type: type, start and end are all in
  // the index, so an event that ended before the window is dropped without reading it. On the start index
  // alone, every event of the longest span before the window was read (a month of events at 1M: 18,700).
  const byType = (where: string) =>
    `UNWIND $edgeTypes AS type MATCH (e:Event) USING INDEX e:Event(type, start, end) WHERE e.type = type AND ${where} RETURN e.type AS type, e.start.epochMillis AS t`;
  // Every event a window can match starts (or, known only by its end, ends) in [first, last).
  const first = span.firstDayMs ?? Number.NEGATIVE_INFINITY;
  const last = span.lastDayMs != null ? span.lastDayMs + dayMs : Number.POSITIVE_INFINITY;
  const lo = Math.max(w.fromMs - span.maxSpanMs, first);
  const branches: string[] = [];
  if (lo < w.d0Ms)
    branches.push(byType("e.start >= datetime($lo) AND e.start < datetime($d0) AND e.end >= datetime($from)"));
  if (w.d1Ms < last)
    branches.push(byType("e.start >= datetime($d1) AND e.start <= datetime($to) AND e.end IS NOT NULL"));
  // Events known only by their end, as two ranges on the end index (an OR of the two would be read as
  // one range from `from` on: every event that ends in the window).
  if (span.undatedStarts > 0 && Math.max(w.fromMs, first) < Math.min(w.d0Ms, last))
    branches.push(
      `MATCH (e:Event) WHERE e.end >= datetime($from) AND e.end < datetime($d0) AND e.start IS NULL${type} RETURN e.type AS type, e.end.epochMillis AS t`,
    );
  if (span.undatedStarts > 0 && Math.max(w.d1Ms, first) < last)
    branches.push(
      `MATCH (e:Event) WHERE e.end >= datetime($d1) AND e.start IS NULL${type} RETURN e.type AS type, e.end.epochMillis AS t`,
    );
  if (!branches.length) return null;
  // The branches are disjoint (two start ranges apart, then events with no start), so nothing is counted twice.
  return {
    cypher: `CALL () {
  ${branches.join("\n  UNION ALL\n  ")}
}
RETURN t, type, count(*) AS n`,
    params: {
      types,
      edgeTypes: types?.length ? types : EVENT_TYPE_NAMES,
      lo: iso(lo),
      from: iso(w.fromMs),
      to: iso(w.toMs),
      d0: iso(w.d0Ms),
      d1: iso(w.d1Ms),
    },
  };
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
