import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import { type EventFilter, eventMatch, type SpanStats } from "./event-filter.ts";
import { eventProjection } from "./projections.ts";

/**
 * Counts per time bucket and event type over [from, to), in one pass: an
 * event counts in the bucket of its earliest instant, clamped into the
 * window (an event that began before the window still shows at its start).
 * The client draws a million events from a few hundred rows.
 */
export function timelineBuckets(
  f: EventFilter,
  span: SpanStats,
  window: { fromMs: number; widthMs: number; buckets: number },
): Statement {
  const m = eventMatch(f, span);
  return {
    cypher: `${m.cypher}
WITH e, toInteger(floor((coalesce(e.start, e.end).epochMillis - $fromMs) / $widthMs)) AS b
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
