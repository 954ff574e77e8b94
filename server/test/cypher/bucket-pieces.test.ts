import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mulberry32 } from "../../../seeds/synthetic/random.ts";
import { bucketPieces } from "../../src/cypher/timeline-day-reads.ts";
import { TIMELINE_BLOCKS } from "../../src/model/vocabulary.ts";

/** The days a bucket's pieces cover, each block expanded to its days. */
function coveredDays(pieces: ReturnType<typeof bucketPieces>, bucket: number): number[] {
  const days: number[] = [];
  for (const [lo, hi, b] of pieces.days) if (b === bucket) for (let d = lo; d < hi; d++) days.push(d);
  for (const { days: size } of TIMELINE_BLOCKS)
    for (const [lo, hi, b] of pieces.blocks.get(size) ?? [])
      if (b === bucket) for (let d = lo * size; d < hi * size; d++) days.push(d);
  return days.sort((a, b) => a - b);
}

describe("timeline bucket pieces", () => {
  it("cover each bucket's days exactly once, negative days (before 1970) included", () => {
    const rng = mulberry32(5);
    for (let round = 0; round < 300; round++) {
      const a = Math.floor(rng() * 40000) - 20000;
      const b = a + Math.floor(rng() * (round % 3 === 0 ? 3000 : 200));
      const mid = a + Math.floor(rng() * (b - a + 1));
      const pieces = bucketPieces([
        [a, mid],
        [mid, b],
      ]);
      const want = (lo: number, hi: number) => Array.from({ length: hi - lo }, (_, i) => lo + i);
      assert.deepEqual(coveredDays(pieces, 0), want(a, mid), `[${a}, ${mid})`);
      assert.deepEqual(coveredDays(pieces, 1), want(mid, b), `[${mid}, ${b})`);
    }
  });

  it("read ten years in 200 buckets as about 1,700 nodes, and ten years in one bucket as under 80", () => {
    const reads = (p: ReturnType<typeof bucketPieces>) =>
      [p.days, ...p.blocks.values()].flat().reduce((s, [lo, hi]) => s + hi - lo, 0);
    const from = 16436; // 2015-01-01
    const width = 3653 / 200;
    const buckets = Array.from({ length: 200 }, (_, i): [number, number] => [
      from + Math.ceil(i * width),
      from + Math.ceil((i + 1) * width),
    ]);
    assert.ok(reads(bucketPieces(buckets)) < 1800, `${reads(bucketPieces(buckets))} nodes`);
    assert.ok(reads(bucketPieces([[from, from + 3653]])) < 80);
  });
});
