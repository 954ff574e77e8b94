import { type SpanStats, spanStats } from "../cypher/event-filter.ts";
import type { Database } from "../db/database.ts";
import type { Read } from "./loaders.ts";

/**
 * The longest stored event span, cached per database: window queries use it
 * to bound their index range. Reading it scans every event (seconds at a
 * million events on a loaded machine), so once it is older than TTL_MS it is
 * re-read in the background while requests keep the previous value (stale
 * while revalidating): no request waits for the scan. Every write committed
 * through the Database drops it at once (Database.onWrite), so the next read
 * after one of our own writes waits for a fresh value — a new event may span
 * longer. Writes from another process (the CLI) are seen within TTL_MS plus
 * one scan.
 */
const TTL_MS = 30_000;
interface Entry {
  at: number;
  value: Promise<SpanStats>;
  refreshing?: boolean;
}
const cache = new WeakMap<Database, Entry>();
const watched = new WeakSet<Database>();

function read(ctx: { read: Read }): Promise<SpanStats> {
  return ctx.read(spanStats()).then((r) => ({
    maxSpanMs: Number(r.records[0]?.get("maxSpanMs") ?? 0),
    undatedStarts: Number(r.records[0]?.get("undatedStarts") ?? 0),
    endless: Number(r.records[0]?.get("endless") ?? 0),
  }));
}

export function eventSpanStats(ctx: { db: Database; read: Read }): Promise<SpanStats> {
  if (!watched.has(ctx.db)) {
    watched.add(ctx.db);
    ctx.db.onWrite(() => cache.delete(ctx.db));
  }
  const hit = cache.get(ctx.db);
  if (hit && Date.now() - hit.at >= TTL_MS && !hit.refreshing) {
    hit.refreshing = true;
    const fresh = read(ctx);
    fresh.then(
      () => {
        // Only if no write dropped this entry meanwhile (then the next request reads afresh).
        if (cache.get(ctx.db) === hit) cache.set(ctx.db, { at: Date.now(), value: fresh });
      },
      () => {
        hit.refreshing = false;
      },
    );
  }
  if (hit) return hit.value;
  const value = read(ctx);
  cache.set(ctx.db, { at: Date.now(), value });
  value.catch(() => cache.delete(ctx.db));
  return value;
}
