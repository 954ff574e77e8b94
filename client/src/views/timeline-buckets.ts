import type { Bucket } from "../data/load.ts";
import { typeColour, typeName } from "../data/palette.ts";
import type { CanvasFrame } from "./timeline-canvas.ts";
import type { Row } from "./timeline-rows.ts";

/** One lane per event type present in the buckets, in a stable order. */
export function bucketRows(buckets: Bucket[]): Row[] {
  const types = new Map<string, number>();
  for (const b of buckets) for (const t of b.byType) types.set(t.type, (types.get(t.type) ?? 0) + t.count);
  return [...types.keys()].sort().map((type) => ({
    key: type,
    kind: "events",
    label: typeName(type),
    labelAr: null,
    colour: typeColour(type),
    items: [],
    maxDuration: 0,
    slots: 1,
    total: types.get(type),
  }));
}

/**
 * Draws the server's level of detail: a bar per bucket and type, its height
 * and opacity by the count (square root, so one event in a quiet lane still
 * shows beside thousands). The cost is buckets × types, whatever the events.
 */
export function drawBuckets(ctx: CanvasRenderingContext2D, rows: Row[], buckets: Bucket[], f: CanvasFrame): void {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  let max = 0;
  for (const b of buckets) for (const t of b.byType) max = Math.max(max, t.count);
  if (!max) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.left, 0, f.right - f.left, ctx.canvas.height);
  ctx.clip();
  for (const b of buckets) {
    const x0 = f.x(b.start.getTime());
    const x1 = f.x(b.end.getTime());
    if (x1 < f.left || x0 > f.right) continue;
    const w = Math.max(1, x1 - x0 - 0.5);
    for (const t of b.byType) {
      const row = byKey.get(t.type);
      if (!row) continue;
      const share = Math.sqrt(t.count / max);
      const h = f.rowH(row) * (0.15 + 0.8 * share);
      ctx.globalAlpha = 0.35 + 0.6 * share;
      ctx.fillStyle = row.colour;
      ctx.fillRect(x0, f.rowY(row) + f.rowH(row) - h, w, h);
    }
  }
  ctx.restore();
}
