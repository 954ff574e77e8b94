import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import { EVENT_TYPE_NAMES, TIMELINE_BLOCKS } from "../model/vocabulary.ts";
import { dayMs } from "./timeline-counts.ts";

/**
 * Reads of the timeline aggregates (kept by cypher/timeline-counts.ts): a
 * window's counts per bucket and type from the day and block nodes, and
 * totals per type, without reading events.
 */

/**
 * The nodes that sum bucket i's whole days [a, b) with the fewest reads: the
 * 64-day blocks inside it, the 8-day blocks inside what is left at each end,
 * then the loose days — as [lo, hi, bucket] key ranges per level.
 */
export function bucketPieces(bucketDays: [number, number][]): { days: number[][]; blocks: Map<number, number[][]> } {
  const sizes = [...TIMELINE_BLOCKS.map((b) => b.days), 1];
  const blocks = new Map<number, number[][]>(TIMELINE_BLOCKS.map((b) => [b.days, []]));
  const days: number[][] = [];
  const cover = (a: number, b: number, level: number, bucket: number) => {
    if (a >= b) return;
    const size = sizes[level];
    if (size === 1) {
      days.push([a, b, bucket]);
      return;
    }
    const lo = Math.ceil(a / size);
    const hi = Math.floor(b / size);
    if (lo >= hi) {
      cover(a, b, level + 1, bucket);
      return;
    }
    blocks.get(size)?.push([lo, hi, bucket]);
    cover(a, lo * size, level + 1, bucket);
    cover(hi * size, b, level + 1, bucket);
  };
  for (const [i, [a, b]] of bucketDays.entries()) cover(a, b, 0, i);
  return { days, blocks };
}

/**
 * Counts per bucket and type over the whole days [fromDay, toDay), summed in
 * the database so only one row per bucket comes back. `edges` are the bucket
 * edges in ms (inner ones at UTC midnights), so each bucket holds the days
 * whose midnight lies in [edges[i], edges[i + 1]). Each bucket is read as
 * block and day ranges (bucketPieces), each range one seek on its level's
 * unique index. The types are the vocabulary's, one summed column each:
 * cheaper than unwinding every node's property map into rows.
 */
export function timelineDays(fromDay: number, toDay: number, edges: number[]): Statement {
  const buckets = edges.length - 1;
  const clip = (d: number) => Math.min(toDay, Math.max(fromDay, d));
  const bucketDays = Array.from({ length: buckets }, (_, i): [number, number] => [
    clip(Math.ceil(edges[i] / dayMs)),
    clip(Math.ceil(edges[i + 1] / dayMs)),
  ]);
  const { days, blocks } = bucketPieces(bucketDays);
  const int = (ranges: number[][]) => ranges.map((r) => r.map((x) => neo4j.int(x)));
  const levels = [
    `UNWIND $days AS r MATCH (n:TimelineDay) WHERE n.day >= r[0] AND n.day < r[1] RETURN r[2] AS bucket, n`,
    ...TIMELINE_BLOCKS.map(
      ({ days: size, label }) =>
        `UNWIND $b${size} AS r MATCH (n:${label}) WHERE n.block >= r[0] AND n.block < r[1] RETURN r[2] AS bucket, n`,
    ),
  ];
  return {
    cypher: `CALL () {
  ${levels.join("\n  UNION ALL\n  ")}
}
RETURN bucket, ${EVENT_TYPE_NAMES.map((t) => `sum(n.${t}) AS ${t}`).join(", ")}`,
    params: {
      days: int(days),
      ...Object.fromEntries(TIMELINE_BLOCKS.map(({ days: size }) => [`b${size}`, int(blocks.get(size) ?? [])])),
    },
  };
}

/** The rows of timelineDays as bucket, type, count (types with no events left out). */
export function dayRowsCounts(records: { get(key: string): unknown }[]): { bucket: number; type: string; n: number }[] {
  const out: { bucket: number; type: string; n: number }[] = [];
  for (const r of records)
    for (const type of EVENT_TYPE_NAMES) {
      const n = Number(r.get(type) ?? 0);
      if (n) out.push({ bucket: Number(r.get("bucket")), type, n });
    }
  return out;
}

/** Events of the given types (null: all) counted by the aggregates: every 64-day block plus the undated ones. */
export function countByTypes(types: string[] | null): Statement {
  const sum = (v: string) =>
    `reduce(s = 0, t IN coalesce($types, [k IN keys(${v}) WHERE k <> 'day' AND k <> 'key' AND k <> 'block']) | s + coalesce(${v}[t], 0))`;
  return {
    cypher: `CALL () {
  MATCH (d:${TIMELINE_BLOCKS[0].label}) WHERE d.block IS NOT NULL
  RETURN sum(${sum("d")}) AS dated
}
CALL () {
  MATCH (u:TimelineUndated {key: 'events'})
  RETURN sum(${sum("u")}) AS undated
}
RETURN dated + undated AS total`,
    params: { types },
  };
}
