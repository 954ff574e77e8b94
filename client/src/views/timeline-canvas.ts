import { singleSource } from "./corroboration.ts";
import type { Row } from "./timeline-rows.ts";
import { visibleRange } from "./timeline-rows.ts";

export interface CanvasFrame {
  x: (t: number) => number;
  t0: number;
  t1: number;
  left: number;
  right: number;
  rowY: (row: Row) => number;
  rowH: (row: Row) => number;
  slotH: (row: Row) => number;
  selection: string | null;
  focus: string | null;
  /** The selection's events, lit; the rest dimmed. */
  highlight?: Set<string> | null;
  /** Above this many items in view, a row is drawn as a density strip instead of marks. */
  density?: number;
}

/** The frame budget (60 fps) the canvas drawing keeps to, with room left for the browser's own work. */
const budget = 10;

/**
 * The level of detail that keeps a frame in budget: the number of marks a row
 * may draw before it becomes a density strip, halved after a frame that took
 * too long, raised again slowly after quick ones. A density strip costs the
 * same whatever the count, so the threshold bounds the frame.
 */
export class LevelOfDetail {
  threshold = 2500;
  observe(ms: number) {
    if (ms > budget) this.threshold = Math.max(200, Math.floor(this.threshold / 2));
    else if (ms < budget / 3) this.threshold = Math.min(20_000, Math.ceil(this.threshold * 1.25));
  }
}

/**
 * Draws the rows on a canvas. Each row draws only what overlaps the view
 * (bisection on sorted starts), and a crowded row becomes a density strip:
 * counts per two-pixel column, so the cost per frame stays bounded by width.
 */
export function drawRows(ctx: CanvasRenderingContext2D, rows: Row[], f: CanvasFrame): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.left, 0, f.right - f.left, ctx.canvas.height);
  ctx.clip();
  for (const row of rows) {
    const [i0, i1] = visibleRange(row, f.t0, f.t1);
    const y = f.rowY(row);
    if (i1 - i0 > (f.density ?? 2500)) drawDensity(ctx, row, i0, i1, y, f);
    else drawMarks(ctx, row, i0, i1, y, f);
  }
  ctx.restore();
}

function drawDensity(ctx: CanvasRenderingContext2D, row: Row, i0: number, i1: number, y: number, f: CanvasFrame) {
  const columns = Math.ceil((f.right - f.left) / 2) + 2;
  const diff = new Float32Array(columns + 1);
  for (let i = i0; i < i1; i++) {
    const it = row.items[i];
    const c0 = Math.max(0, Math.floor((f.x(it.start) - f.left) / 2));
    const c1 = Math.min(columns - 1, Math.floor((f.x(it.end) - f.left) / 2));
    if (c1 < 0 || c0 > columns - 1) continue;
    diff[c0] += 1;
    diff[c1 + 1] -= 1;
  }
  let run = 0;
  let max = 0;
  const counts = new Float32Array(columns);
  for (let c = 0; c < columns; c++) {
    run += diff[c];
    counts[c] = run;
    if (run > max) max = run;
  }
  ctx.fillStyle = row.colour;
  for (let c = 0; c < columns; c++) {
    if (!counts[c]) continue;
    const h = f.rowH(row) * (0.15 + 0.85 * Math.sqrt(counts[c] / max));
    ctx.globalAlpha = 0.35 + 0.55 * (counts[c] / max);
    ctx.fillRect(f.left + c * 2, y + f.rowH(row) - h, 2, h);
  }
  ctx.globalAlpha = 1;
}

function drawMarks(ctx: CanvasRenderingContext2D, row: Row, i0: number, i1: number, rowTop: number, f: CanvasFrame) {
  let y = rowTop;
  const h = f.slotH(row);
  const top = rowTop;
  for (let i = i0; i < i1; i++) {
    const it = row.items[i];
    if (it.end < f.t0 || it.start > f.t1) continue;
    y = top + it.slot * h;
    const x0 = f.x(it.start);
    const x1 = f.x(it.end);
    ctx.fillStyle = it.colour;
    const dim = f.highlight && !f.highlight.has(it.id) ? 0.25 : 1;
    const single = singleSource(it);
    if (x1 - x0 < 5) {
      ctx.globalAlpha = 0.9 * dim;
      ctx.beginPath();
      ctx.arc((x0 + x1) / 2, y + h / 2, Math.min(5, h / 3), 0, 2 * Math.PI);
      if (single) {
        // Hollow: one independent source (views/corroboration.ts).
        ctx.strokeStyle = it.colour;
        ctx.lineWidth = 2;
        ctx.stroke();
      } else ctx.fill();
    } else {
      // Fuzzy ends: the core is denser than the outer eighths of the range.
      const fade = (x1 - x0) / 8;
      ctx.globalAlpha = 0.18 * dim;
      ctx.fillRect(x0, y + 2, x1 - x0, h - 4);
      ctx.globalAlpha = 0.32 * dim;
      ctx.fillRect(x0 + fade, y + 2, x1 - x0 - 2 * fade, h - 4);
      if (single) {
        ctx.globalAlpha = 0.7 * dim;
        ctx.strokeStyle = it.colour;
        ctx.lineWidth = 1;
        ctx.setLineDash([3, 2]);
        ctx.strokeRect(x0 + 0.5, y + 2.5, x1 - x0 - 1, h - 5);
        ctx.setLineDash([]);
      }
    }
    if (it.id === f.selection || it.id === f.focus) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = "#000";
      ctx.lineWidth = it.id === f.selection ? 2.5 : 1.5;
      ctx.strokeRect(Math.min(x0, x1 - 5) - 2, y, Math.max(9, x1 - x0 + 4), h);
    }
  }
  ctx.globalAlpha = 1;
}
