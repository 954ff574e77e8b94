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
    value = ctx.read(spanStats()).then((r) => {
      const day = (key: string) => {
        const d = r.records[0]?.get(key);
        return d == null ? null : Number(d) * dayMs;
      };
      return {
        maxSpanMs: Number(r.records[0]?.get("maxSpanMs") ?? 0),
        undatedStarts: Number(r.records[0]?.get("undatedStarts") ?? 0),
        endless: Number(r.records[0]?.get("endless") ?? 0),
        events: Number(r.records[0]?.get("events") ?? 0),
        firstDayMs: day("firstDay"),
        lastDayMs: day("lastDay"),
      };
    });
    perRequest.set(ctx, value);
  }
  return value;
}
