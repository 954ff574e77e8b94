import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mulberry32 } from "../../seeds/synthetic/random.ts";
import { densityColumns, rowsAsMarks } from "../src/views/timeline-canvas.ts";
import type { Row, RowItem } from "../src/views/timeline-rows.ts";

const day = 864e5;

function randomRow(seed: number, n: number): Row {
  const r = mulberry32(seed);
  const items: RowItem[] = Array.from({ length: n }, (_, i) => {
    const start = Math.floor(r() * 3650) * day;
    const end = start + (r() < 0.5 ? 0 : Math.floor(r() * 90) * day);
    return { id: `e${i}`, slot: 0, start, end, colour: "#000", event: null, mark: null };
  }).sort((a, b) => a.start - b.start);
  return {
    key: "x",
    kind: "events",
    label: "x",
    labelAr: null,
    colour: "#000",
    items,
    maxDuration: 90 * day,
    slots: 1,
  };
}

describe("the timeline's density strip", () => {
  it("counts, per two-pixel column, exactly the items that overlap it, at any zoom", () => {
    const row = randomRow(3, 5000);
    const r = mulberry32(9);
    for (let k = 0; k < 20; k++) {
      const t0 = Math.floor(r() * 3000) * day + Math.floor(r() * day);
      const t1 = t0 + (1 + r() * 2000) * day * (k % 2 ? 1 : 0.01);
      const f = { t0, t1, left: 160, right: 1384 };
      const counts = densityColumns(row, f);
      const msPerPx = (t1 - t0) / (f.right - f.left);
      assert.equal(counts.length, Math.ceil((f.right - f.left) / 2));
      for (let c = 0; c < counts.length; c += 37) {
        const a = t0 + 2 * c * msPerPx;
        const b = a + 2 * msPerPx;
        const brute = row.items.filter((it) => it.start < b && it.end >= a).length;
        assert.equal(counts[c], brute, `column ${c} of window ${k}`);
      }
    }
  });
});

describe("the timeline's level of detail", () => {
  it("draws every row's marks when they fit the budget", () => {
    assert.deepEqual(rowsAsMarks([100, 2000, 50], 4000), [true, true, true]);
  });

  it("turns the busiest rows into density strips until the rest fit", () => {
    const counts = [3000, 100, 2500, 900, 12000];
    const marks = rowsAsMarks(counts, 4000);
    assert.deepEqual(marks, [false, true, true, true, false]);
    assert.ok(counts.reduce((sum, c, i) => sum + (marks[i] ? c : 0), 0) <= 4000);
  });
});
