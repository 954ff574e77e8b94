import { type SpanStats, spanStats } from "../cypher/event-filter.ts";
import { dayMs } from "../cypher/timeline-counts.ts";
import type { Database } from "../db/database.ts";
import type { Read } from "./loaders.ts";

/**
 * The longest stored event span, the undated counts and the first and last
 * day any event counts in, which window queries use to bound their index
 * ranges. The write paths keep them as aggregates in their own transactions
 * (cypher/timeline-counts.ts), so reading them is two node lookups and the
 * two ends of an index: no cache, no expiry, always what the graph holds.
 * Read once per request (the context object), however many fields ask.
 */
const perRequest = new WeakMap<object, Promise<SpanStats>>();

export function eventSpanStats(ctx: { db: Database; read: Read }): Promise<SpanStats> {
  let value = perRequest.get(ctx);
  if (!value) {
    value = ctx.read(spanStats()).then((r) => spanStatsOf(r.records[0]));
    perRequest.set(ctx, value);
  }
  return value;
}

/**
 * This request's span statistics as read by a statement that also did other
 * work (cypher/timeline.ts timelineEdges reads them with a window's edges):
 * later asks get them without reading them again. No effect once read.
 */
export function useSpanStats(ctx: object, value: () => Promise<SpanStats>): void {
  if (perRequest.has(ctx)) return;
  const stats = value();
  stats.catch(() => {}); // a failed read is reported by the statement's own caller; an unasked copy must not crash
  perRequest.set(ctx, stats);
}

/** The span statistics from a row holding SPAN_STATS_COLUMNS (cypher/event-filter.ts). */
export function spanStatsOf(row: { get(key: string): unknown } | undefined): SpanStats {
  const value = (key: string) => row?.get(key);
  const day = (key: string) => {
    const d = value(key);
    return d == null ? null : Number(d) * dayMs;
  };
  return {
    maxSpanMs: Number(value("maxSpanMs") ?? 0),
    undatedStarts: Number(value("undatedStarts") ?? 0),
    endless: Number(value("endless") ?? 0),
    events: Number(value("events") ?? 0),
    firstDayMs: day("firstDay"),
    lastDayMs: day("lastDay"),
  };
}
