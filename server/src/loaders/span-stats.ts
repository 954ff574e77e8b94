import { type SpanStats, spanStats } from "../cypher/event-filter.ts";
import type { Database } from "../db/database.ts";
import type { Read } from "./loaders.ts";

/**
 * The longest stored event span and the undated counts, which window queries
 * use to bound their index range. The write paths keep them as aggregates in
 * their own transactions (cypher/timeline-counts.ts), so reading them is two
 * node lookups: no cache, no expiry, always what the graph holds. Read once
 * per request (the context object), however many fields ask.
 */
const perRequest = new WeakMap<object, Promise<SpanStats>>();

export function eventSpanStats(ctx: { db: Database; read: Read }): Promise<SpanStats> {
  let value = perRequest.get(ctx);
  if (!value) {
    value = ctx.read(spanStats()).then((r) => ({
      maxSpanMs: Number(r.records[0]?.get("maxSpanMs") ?? 0),
      undatedStarts: Number(r.records[0]?.get("undatedStarts") ?? 0),
      endless: Number(r.records[0]?.get("endless") ?? 0),
    }));
    perRequest.set(ctx, value);
  }
  return value;
}
