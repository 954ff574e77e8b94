import { type SpanStats, spanStats } from "../cypher/event-filter.ts";
import type { Database } from "../db/database.ts";
import type { Read } from "./loaders.ts";

/**
 * The longest stored event span, cached briefly per database: window queries
 * use it to bound their index range. Every write committed through the
 * Database clears it at once (Database.onWrite); writes from another process
 * (the CLI) are seen within TTL_MS.
 */
const TTL_MS = 30_000;
const cache = new WeakMap<Database, { at: number; value: Promise<SpanStats> }>();
const watched = new WeakSet<Database>();

export function eventSpanStats(ctx: { db: Database; read: Read }): Promise<SpanStats> {
  if (!watched.has(ctx.db)) {
    watched.add(ctx.db);
    ctx.db.onWrite(() => cache.delete(ctx.db));
  }
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
