import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import { EVENT_TYPE_NAMES, TIMELINE_YEAR, YEAR_SLOTS } from "../model/vocabulary.ts";
import { dayMs } from "./timeline-counts.ts";

/**
 * Reads of the timeline aggregates (kept by cypher/timeline-counts.ts): a
 * window's counts per bucket and type from the year nodes' running counts,
 * and totals per type, without reading events.
 */

/** The UTC year an epoch day falls in, and the day's index in that year (0 = 1 January). */
export function yearDay(day: number): { year: number; doy: number } {
  const year = new Date(day * dayMs).getUTCFullYear();
  return { year, doy: day - Date.UTC(year, 0, 1) / dayMs };
}

/** Running counts as read: per year, per type (EVENT_TYPE_NAMES order), the events on that year's days before a given index. */
export type YearRunningCounts = Map<number, Map<number, number[]>>;

/**
 * Counts per bucket and type for buckets of whole days ([a, b) epoch days
 * each), from running counts: the events on days before day D, counted from
 * the first year, are the totals of the years before D's plus D's year's
 * running count at D — so a bucket is one subtraction per type, whatever
 * its width. `running` must hold, for each year from the first bucket's to
 * the last's, index YEAR_SLOTS − 1 (the year's total) and every bucket
 * edge's index; a year it does not hold had no events.
 */
export function bucketCounts(
  bucketDays: [number, number][],
  running: YearRunningCounts,
): { bucket: number; type: string; n: number }[] {
  if (!bucketDays.length) return [];
  const first = yearDay(bucketDays[0][0]).year;
  const at = (year: number, doy: number, t: number) => running.get(year)?.get(doy)?.[t] ?? 0;
  // Events on days before D, from 1 January of the first year, per type.
  const before = (day: number) => {
    const { year, doy } = yearDay(day);
    return EVENT_TYPE_NAMES.map((_, t) => {
      let s = at(year, doy, t);
      for (let y = first; y < year; y++) s += at(y, YEAR_SLOTS - 1, t);
      return s;
    });
  };
  const out: { bucket: number; type: string; n: number }[] = [];
  for (const [i, [a, b]] of bucketDays.entries()) {
    if (b <= a) continue;
    const lo = before(a);
    const hi = before(b);
    for (const [t, type] of EVENT_TYPE_NAMES.entries())
      if (hi[t] !== lo[t]) out.push({ bucket: i, type, n: hi[t] - lo[t] });
  }
  return out;
}

/** Which running counts bucketCounts needs for these buckets: per year, the indices to read. */
export function runningCountsWanted(bucketDays: [number, number][]): { year: number; idx: number[] }[] {
  if (!bucketDays.length) return [];
  const wanted = new Map<number, Set<number>>();
  const want = (year: number, doy: number) => {
    const s = wanted.get(year) ?? new Set([YEAR_SLOTS - 1]);
    s.add(doy);
    wanted.set(year, s);
  };
  const first = yearDay(bucketDays[0][0]).year;
  const last = yearDay(bucketDays[bucketDays.length - 1][1]).year;
  for (let y = first; y < last; y++) want(y, YEAR_SLOTS - 1);
  for (const [a, b] of bucketDays) {
    for (const d of [a, b]) {
      const { year, doy } = yearDay(d);
      if (doy > 0) want(year, doy); // index 0 is always 0: no read
    }
  }
  return [...wanted].sort((x, y) => x[0] - y[0]).map(([year, s]) => ({ year, idx: [...s].sort((x, y) => x - y) }));
}

/** A unit subquery for a statement to run beside its own work: its Cypher, parameters and the column it adds. */
export interface Subquery {
  cypher: string;
  params: Record<string, unknown>;
  column: string;
}

/**
 * Counts per bucket and type over the whole days [fromDay, toDay). `edges`
 * are the bucket edges in ms (inner ones at UTC midnights), so each bucket
 * holds the days whose midnight lies in [edges[i], edges[i + 1]). Reads one
 * year node per year of the window (its running counts at the bucket edges
 * only), so ten years in 200 buckets is 10 nodes. A subquery, so the
 * statement that reads the window's edge events (cypher/timeline.ts) reads
 * these too, in the same round trip; `counts` turns its column into
 * (bucket, type, count).
 */
export function timelineDays(
  fromDay: number,
  toDay: number,
  edges: number[],
): { subquery: Subquery; counts(column: unknown): { bucket: number; type: string; n: number }[] } {
  const clip = (d: number) => Math.min(toDay, Math.max(fromDay, d));
  const bucketDays = Array.from({ length: edges.length - 1 }, (_, i): [number, number] => [
    clip(Math.ceil(edges[i] / dayMs)),
    clip(Math.ceil(edges[i + 1] / dayMs)),
  ]);
  const years = runningCountsWanted(bucketDays).map((y) => ({
    year: neo4j.int(y.year),
    idx: y.idx.map((i) => neo4j.int(i)),
  }));
  return {
    // Each type's list is read once into `lists` (indexing y[t] per index would decode the list each time).
    subquery: {
      cypher: `CALL () {
  UNWIND $years AS r
  MATCH (y:${TIMELINE_YEAR} {year: r.year})
  WITH r, [t IN $yearTypes | y[t]] AS lists
  RETURN collect([r.year, r.idx, [l IN lists | [i IN r.idx | coalesce(l[i], 0)]]]) AS yearRows
}`,
      params: { years, yearTypes: EVENT_TYPE_NAMES },
      column: "yearRows",
    },
    counts(column) {
      const running: YearRunningCounts = new Map();
      for (const [year, idx, lists] of column as [unknown, unknown[], unknown[][]][]) {
        const perType = lists.map((l) => l.map(Number));
        running.set(Number(year), new Map(idx.map((doy, k) => [Number(doy), perType.map((l) => l[k])])));
      }
      return bucketCounts(bucketDays, running);
    },
  };
}

/** Events of the given types (null: all) counted by the aggregates: every year's total plus the undated ones. */
export function countByTypes(types: string[] | null): Statement {
  return {
    cypher: `CALL () {
  MATCH (y:${TIMELINE_YEAR}) WHERE y.year IS NOT NULL
  RETURN sum(reduce(s = 0, t IN coalesce($types, [k IN keys(y) WHERE k <> 'year']) | s + coalesce(y[t][$total], 0))) AS dated
}
CALL () {
  MATCH (u:TimelineUndated {key: 'events'})
  RETURN sum(reduce(s = 0, t IN coalesce($types, [k IN keys(u) WHERE k <> 'key']) | s + coalesce(u[t], 0))) AS undated
}
RETURN dated + undated AS total`,
    params: { types, total: neo4j.int(YEAR_SLOTS - 1) },
  };
}
