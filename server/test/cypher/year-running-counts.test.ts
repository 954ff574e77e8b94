import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mulberry32 } from "../../../seeds/synthetic/random.ts";
import {
  bucketCounts,
  runningCountsWanted,
  type YearRunningCounts,
  yearDay,
} from "../../src/cypher/timeline-day-reads.ts";
import { EVENT_TYPE_NAMES, YEAR_SLOTS } from "../../src/model/vocabulary.ts";

const dayMs = 86_400_000;

/**
 * The running counts the year nodes hold for these per-day counts (as the
 * write path keeps them: entry i = events on the year's first i days), but
 * only at the indices runningCountsWanted asks for, as the database returns them.
 */
function runningFor(daily: Map<number, number[]>, bucketDays: [number, number][]): YearRunningCounts {
  const out: YearRunningCounts = new Map();
  for (const { year, idx } of runningCountsWanted(bucketDays)) {
    const start = Date.UTC(year, 0, 1) / dayMs;
    const end = Date.UTC(year + 1, 0, 1) / dayMs; // a year of 365 days holds its total at 365 and 366
    const lists = new Map<number, number[]>();
    for (const i of idx) {
      const sums = EVENT_TYPE_NAMES.map(() => 0);
      for (let d = start; d < Math.min(start + i, end); d++)
        daily.get(d)?.forEach((n, t) => {
          sums[t] += n;
        });
      lists.set(i, sums);
    }
    out.set(year, lists);
  }
  return out;
}

describe("timeline year running counts", () => {
  it("place an epoch day in its UTC year, before 1970 and on 29 February included", () => {
    assert.deepEqual(yearDay(0), { year: 1970, doy: 0 });
    assert.deepEqual(yearDay(-1), { year: 1969, doy: 364 });
    assert.deepEqual(yearDay(Date.UTC(2024, 1, 29) / dayMs), { year: 2024, doy: 59 });
    assert.deepEqual(yearDay(Date.UTC(2024, 11, 31) / dayMs), { year: 2024, doy: 365 });
    assert.ok(YEAR_SLOTS - 1 >= 366, "a leap year's 366 days fit");
  });

  it("give each bucket exactly the events on its days, from two entries per year and type", () => {
    const rng = mulberry32(7);
    for (let round = 0; round < 60; round++) {
      const start = Math.floor(rng() * 30000) - 15000;
      const length = 1 + Math.floor(rng() * (round % 3 === 0 ? 4000 : 400));
      const daily = new Map<number, number[]>();
      for (let k = 0; k < 300; k++) {
        const d = start - 50 + Math.floor(rng() * (length + 100)); // some outside the window too
        const counts = daily.get(d) ?? EVENT_TYPE_NAMES.map(() => 0);
        counts[Math.floor(rng() * EVENT_TYPE_NAMES.length)] += 1 + Math.floor(rng() * 3);
        daily.set(d, counts);
      }
      const cuts = [start, start + length];
      for (let k = 0; k < 1 + Math.floor(rng() * 30); k++) cuts.push(start + Math.floor(rng() * (length + 1)));
      cuts.sort((a, b) => a - b);
      const bucketDays = cuts.slice(1).map((b, i): [number, number] => [cuts[i], b]);
      const got = bucketCounts(bucketDays, runningFor(daily, bucketDays));
      const want: { bucket: number; type: string; n: number }[] = [];
      for (const [i, [a, b]] of bucketDays.entries()) {
        const sums = EVENT_TYPE_NAMES.map(() => 0);
        for (let d = a; d < b; d++)
          daily.get(d)?.forEach((n, t) => {
            sums[t] += n;
          });
        for (const [t, n] of sums.entries()) if (n) want.push({ bucket: i, type: EVENT_TYPE_NAMES[t], n });
      }
      assert.deepEqual(got, want, `round ${round}: days [${start}, ${start + length})`);
    }
  });

  it("read ten years in 200 buckets from 10 year nodes, about 20 entries each", () => {
    const from = Date.UTC(2015, 0, 1) / dayMs;
    const width = 3653 / 200;
    const buckets = Array.from({ length: 200 }, (_, i): [number, number] => [
      from + Math.ceil(i * width),
      from + Math.ceil((i + 1) * width),
    ]);
    const wanted = runningCountsWanted(buckets);
    assert.equal(wanted.length, 10); // the 11th year's entry 0 (2025-01-01) is always 0: not read
    assert.ok(wanted.reduce((s, y) => s + y.idx.length, 0) < 230);
  });
});
