import type { GraphContext } from "../context.ts";
import type { EventFilter } from "../cypher/event-filter.ts";
import { timelineEdges } from "../cypher/timeline.ts";
import { dayMs } from "../cypher/timeline-counts.ts";
import { countByTypes, type Subquery, timelineDays } from "../cypher/timeline-day-reads.ts";
import { spanStatsOf, useSpanStats } from "../loaders/span-stats.ts";

/**
 * Answers "how many events, of which types, when" from the day aggregates
 * (cypher/timeline-counts.ts) plus the few events at a window's edges, so the
 * cost follows the number of days, not the number of events.
 */

/** Whether the aggregates can answer this filter: only a window (OVERLAPS) and event types. */
export function aggregatesAnswer(f: EventFilter): boolean {
  return (
    f.match !== "WITHIN" &&
    !f.actors?.length &&
    !f.locations?.length &&
    !f.text?.trim() &&
    f.minConfidence == null &&
    !f.articles?.length &&
    !f.publishers?.length &&
    // The aggregates count today's graph: "as of" a date and source counts need the events themselves.
    !f.asOf &&
    f.minIndependentSources == null
  );
}

/**
 * Bucket edges for [from, to) when buckets are at least a day wide: the inner
 * edges are moved to the nearest UTC midnight, so every whole day falls in one
 * bucket and the day counts place it exactly. Returns null for narrower buckets.
 */
export function dayAlignedEdges(fromMs: number, toMs: number, buckets: number): number[] | null {
  const width = (toMs - fromMs) / buckets;
  if (width < dayMs) return null;
  const edges = [fromMs];
  for (let i = 1; i < buckets; i++) edges.push(Math.round((fromMs + i * width) / dayMs) * dayMs);
  edges.push(toMs);
  return edges;
}

/** The bucket an instant counts in: the last edge at or before it, clamped into the window. */
export function bucketOf(edges: number[], t: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whole UTC days inside [from, to] as [d0, d1) in ms; null when the window holds no midnight-to-midnight day boundary pair. */
function wholeDays(fromMs: number, toMs: number) {
  const d0Ms = Math.ceil(fromMs / dayMs) * dayMs;
  const d1Ms = Math.floor(toMs / dayMs) * dayMs;
  return d1Ms >= d0Ms ? { d0Ms, d1Ms } : null;
}

export interface TypeCount {
  bucket: number;
  type: string;
  n: number;
}

/**
 * Counts per bucket and type over the window from the aggregates; `edges` from
 * dayAlignedEdges. The filter must pass aggregatesAnswer and have from and to.
 * One statement: the years' running counts, and the window's edge events
 * with the span statistics they are bounded by — which the request then has
 * (useSpanStats) without reading them again.
 */
export async function windowCounts(ctx: GraphContext, f: EventFilter, edges: number[]): Promise<TypeCount[]> {
  const fromMs = edges[0];
  const toMs = edges[edges.length - 1];
  const days = wholeDays(fromMs, toMs);
  if (!days) throw new Error("windowCounts needs a window of at least a day");
  const { add, counts } = countsOf(f);
  const years = timelineDays(days.d0Ms / dayMs, days.d1Ms / dayMs, edges);
  const row = await readEdges(ctx, f, { fromMs, toMs, ...days }, years.subquery);
  for (const c of years.counts(row.get(years.subquery.column))) add(c.bucket, c.type, c.n);
  for (const [t, type, n] of edgesOf(row)) add(bucketOf(edges, t), type, n);
  return counts();
}

/**
 * Counts per bucket and type for buckets narrower than a day (a month in 200
 * buckets), for the filters the aggregates answer: the window holds no whole
 * day to read from them, so every event of it is an edge event — read as
 * timelineEdges reads edges, one seek per type on the (type, start, end)
 * index, from index entries alone, never the events themselves.
 */
export async function narrowWindowCounts(
  ctx: GraphContext,
  f: EventFilter,
  w: { fromMs: number; toMs: number; widthMs: number; buckets: number },
): Promise<TypeCount[]> {
  const { add, counts } = countsOf(f);
  // The bucket as the scan (cypher/timeline.ts timelineBuckets) computes it, to the same double arithmetic.
  const bucketAt = (t: number) => Math.min(w.buckets - 1, Math.max(0, Math.floor((t - w.fromMs) / w.widthMs)));
  for (const [t, type, n] of edgesOf(await readEdges(ctx, f, { ...w, d0Ms: w.toMs, d1Ms: w.toMs })))
    add(bucketAt(t), type, n);
  return counts();
}

/** The row of timelineEdges (with `also`'s column); the request keeps the span statistics read with it. */
function readEdges(
  ctx: GraphContext,
  f: EventFilter,
  w: { fromMs: number; toMs: number; d0Ms: number; d1Ms: number },
  also?: Subquery,
): Promise<Row> {
  const row = ctx.read(timelineEdges(f.types ?? null, w, also)).then((r) => r.records[0]);
  useSpanStats(ctx, () => row.then((r) => spanStatsOf(r)));
  return row;
}

type Row = { get(key: string): unknown };

/** The edge events of a timelineEdges row, as [instant ms, type, count]. */
const edgesOf = (row: Row) =>
  (row.get("edges") as unknown[][]).map(([t, type, n]): [number, string, number] => [
    Number(t),
    String(type),
    Number(n),
  ]);

/** Sums (bucket, type) counts, keeping only the filter's types, sorted by bucket then type. */
function countsOf(f: EventFilter) {
  const types = f.types?.length ? new Set(f.types) : null;
  const out = new Map<string, TypeCount>();
  return {
    add(bucket: number, type: string, n: number) {
      if (!n || (types && !types.has(type))) return;
      const key = `${bucket} ${type}`;
      const c = out.get(key);
      if (c) c.n += n;
      else out.set(key, { bucket, type, n });
    },
    counts: () => [...out.values()].sort((a, b) => a.bucket - b.bucket || a.type.localeCompare(b.type)),
  };
}

/**
 * How many events match, from the aggregates, or null when they cannot say
 * (a filter beyond window and types, or a window shorter than a day).
 */
export async function countFromAggregates(ctx: GraphContext, f: EventFilter): Promise<number | null> {
  if (!aggregatesAnswer(f)) return null;
  const types = f.types?.length ? f.types : null;
  if (!f.from && !f.to) return Number((await ctx.read(countByTypes(types))).records[0].get("total"));
  if (!f.from || !f.to) return null;
  const fromMs = Date.parse(f.from);
  const toMs = Date.parse(f.to);
  if (!wholeDays(fromMs, toMs)) return null;
  const counts = await windowCounts(ctx, f, [fromMs, toMs]);
  return counts.reduce((s, c) => s + c.n, 0);
}
