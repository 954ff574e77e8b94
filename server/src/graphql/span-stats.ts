import { type SpanStats, spanStats } from "../cypher/event-filter.ts";
import type { Database } from "../db/database.ts";
import type { GraphContext } from "./context.ts";

/**
 * The longest stored event span, cached briefly per database: window queries
 * use it to bound their index range. Writes through this API clear it at
 * once; writes from elsewhere (the CLI) are seen within TTL_MS.
 */
const TTL_MS = 30_000;
const cache = new WeakMap<Database, { at: number; value: Promise<SpanStats> }>();

export function eventSpanStats(ctx: GraphContext): Promise<SpanStats> {
  const hit = cache.get(ctx.db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = ctx.read(spanStats()).then((r) => ({
    maxSpanMs: Number(r.records[0]?.get("maxSpanMs") ?? 0),
    undatedStarts: Number(r.records[0]?.get("undatedStarts") ?? 0),
    endless: Number(r.records[0]?.get("endless") ?? 0),
  }));
  cache.set(ctx.db, { at: Date.now(), value });
  value.catch(() => cache.delete(ctx.db));
  return value;
}

export function forgetSpanStats(db: Database): void {
  cache.delete(db);
}
