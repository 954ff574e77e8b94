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
 * How many marks one frame may draw before the busiest rows become density
 * strips. Measured with `npm run bench:client` (its "marks drawing cost"
 * line): in headless Chromium's software canvas a batched mark costs about
 * 1 µs, so 4,000 marks stay near 4 ms even on a loaded machine, while the
 * strips cost the same whatever the count.
 */
export const markBudget = 4000;

/**
 * The level of detail that keeps a frame in budget: the marks a frame may
 * draw, starting from the measured {@link markBudget}, halved after a frame
 * whose drawing overran (a slower machine), raised again slowly after quick
 * ones, never above the measured budget.
 */
export class LevelOfDetail {
  threshold = markBudget;
  observe(ms: number) {
    if (ms > budget) this.threshold = Math.max(250, Math.floor(this.threshold / 2));
    else if (ms < budget / 3) this.threshold = Math.min(markBudget, Math.ceil(this.threshold * 1.25));
  }
}

/**
 * Draws the rows on a canvas. Each row draws only what overlaps the view
 * (bisection on sorted starts); when the rows together have more than
 * `f.density` items in view, the busiest rows become density strips until the
 * rest fit, so a frame's cost is bounded by the budget and the width.
 */
export function drawRows(ctx: CanvasRenderingContext2D, rows: Row[], f: CanvasFrame): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(f.left, 0, f.right - f.left, ctx.canvas.height);
  ctx.clip();
  const ranges = rows.map((row) => visibleRange(row, f.t0, f.t1));
  const asMarks = rowsAsMarks(
    ranges.map(([i0, i1]) => i1 - i0),
    f.density ?? markBudget,
  );
  rows.forEach((row, r) => {
    const y = f.rowY(row);
    if (asMarks[r]) drawMarks(ctx, row, ranges[r][0], ranges[r][1], y, f);
    else drawDensity(ctx, row, y, f);
  });
  ctx.restore();
}

/** Which rows draw marks: all when they fit `budget`, else the busiest become strips first. */
export function rowsAsMarks(counts: number[], budget: number): boolean[] {
  const marks = counts.map(() => true);
  let total = counts.reduce((a, b) => a + b, 0);
  const busiest = counts.map((_, i) => i).sort((a, b) => counts[b] - counts[a]);
  for (const i of busiest) {
    if (total <= budget) break;
    marks[i] = false;
    total -= counts[i];
  }
  return marks;
}

/** A row's item starts and ends, each sorted, so the items covering any span are counted by two bisections. */
const spansCache = new WeakMap<Row, { starts: Float64Array; ends: Float64Array }>();

function spansOf(row: Row) {
  let spans = spansCache.get(row);
  if (!spans) {
    const n = row.items.length;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      starts[i] = row.items[i].start;
      ends[i] = row.items[i].end;
    }
    ends.sort();
    spans = { starts, ends };
    spansCache.set(row, spans);
  }
  return spans;
}

/** How many of `sorted` are below `t`. */
function below(sorted: Float64Array, t: number): number {
  return belowFrom(sorted, 0, t);
}

/**
 * How many of `sorted` are below `t`, knowing at least `from` are: a few
 * steps forward (the next column's count is usually near the last), else a
 * bisection of the rest, so a sweep over the columns costs neither the
 * items in view nor a full bisection per column.
 */
function belowFrom(sorted: Float64Array, from: number, t: number): number {
  let lo = from;
  const n = sorted.length;
  const stop = Math.min(n, lo + 8);
  while (lo < stop && sorted[lo] < t) lo++;
  if (lo < stop || lo === n) return lo;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A row as counts per two-pixel column: the items overlapping a column are
 * those starting before its end minus those that ended before its start.
 * Both counts only grow from column to column, so one sweep finds them (a
 * few steps or a bisection each): the cost is the width times at most log n,
 * not the items in view.
 */
export function densityColumns(row: Row, f: Pick<CanvasFrame, "t0" | "t1" | "left" | "right">): Float64Array {
  const { starts, ends } = spansOf(row);
  const columns = Math.ceil((f.right - f.left) / 2);
  const msPerPx = (f.t1 - f.t0) / (f.right - f.left);
  const counts = new Float64Array(columns);
  let started = below(starts, f.t0 + 2 * msPerPx);
  let ended = below(ends, f.t0);
  for (let c = 0; c < columns; c++) {
    const a = f.t0 + 2 * c * msPerPx;
    started = belowFrom(starts, started, a + 2 * msPerPx);
    ended = belowFrom(ends, ended, a);
    counts[c] = started - ended;
  }
  return counts;
}

function drawDensity(ctx: CanvasRenderingContext2D, row: Row, y: number, f: CanvasFrame) {
  const counts = densityColumns(row, f);
  let max = 0;
  for (const c of counts) if (c > max) max = c;
  if (!max) return;
  const rowH = f.rowH(row);
  ctx.fillStyle = row.colour;
  // One fillRect per column: the rasteriser's fast path (a path of rects was slower).
  for (let c = 0; c < counts.length; c++) {
    if (!counts[c]) continue;
    const share = counts[c] / max;
    const h = rowH * (0.15 + 0.85 * Math.sqrt(share));
    ctx.globalAlpha = 0.35 + 0.55 * share;
    ctx.fillRect(f.left + c * 2, y + rowH - h, 2, h);
  }
  ctx.globalAlpha = 1;
}

type Sprite = HTMLCanvasElement;
const sprites = new Map<string, Sprite>();

/**
 * A dot drawn once per colour, opacity and size and then stamped with
 * drawImage: a bitmap copy costs far less than rasterising an arc per mark.
 */
function dotSprite(colour: string, alpha: number, r: number, hollow: boolean): Sprite {
  const key = `${colour}|${alpha}|${r}|${hollow}`;
  let sprite = sprites.get(key);
  if (!sprite) {
    const size = Math.ceil(2 * r + 2);
    const ratio = globalThis.devicePixelRatio || 1;
    const c = document.createElement("canvas");
    [c.width, c.height] = [size * ratio, size * ratio];
    const ctx = c.getContext("2d") as CanvasRenderingContext2D;
    ctx.scale(ratio, ratio);
    ctx.globalAlpha = alpha;
    ctx.beginPath();
    if (hollow) {
      // A ring: the stroke stays inside the sprite.
      ctx.arc(size / 2, size / 2, r - 1, 0, 2 * Math.PI);
      ctx.strokeStyle = colour;
      ctx.lineWidth = 2;
      ctx.stroke();
    } else {
      ctx.arc(size / 2, size / 2, r, 0, 2 * Math.PI);
      ctx.fillStyle = colour;
      ctx.fill();
    }
    sprite = c;
    if (sprites.size > 256) sprites.clear();
    sprites.set(key, sprite);
  }
  return sprite;
}

/**
 * A row's marks: a dot for what is narrower than five pixels, a range with
 * fuzzy ends otherwise. Dots are stamped from a sprite (a single-source one
 * hollow, views/corroboration.ts), ranges are rects (a single-source one with
 * a dashed outline): the canvas's fast paths, about a microsecond a mark.
 */
function drawMarks(ctx: CanvasRenderingContext2D, row: Row, i0: number, i1: number, rowTop: number, f: CanvasFrame) {
  const h = f.slotH(row);
  const r = Math.min(5, h / 3);
  const size = Math.ceil(2 * r + 2);
  const outlined: [number, number, number, string][] = [];
  // This call's sprites by colour, then dimmed and hollow: no sprite key is built per mark.
  const stamps = new Map<string, (Sprite | undefined)[]>();
  for (let i = i0; i < i1; i++) {
    const it = row.items[i];
    if (it.end < f.t0 || it.start > f.t1) continue;
    const y = rowTop + it.slot * h;
    const x0 = f.x(it.start);
    const x1 = f.x(it.end);
    const dim = f.highlight && !f.highlight.has(it.id) ? 0.25 : 1;
    const single = singleSource(it);
    if (x1 - x0 < 5) {
      const cx = (x0 + x1) / 2;
      let byColour = stamps.get(it.colour);
      if (!byColour) {
        byColour = [];
        stamps.set(it.colour, byColour);
      }
      const variant = (dim < 1 ? 2 : 0) + (single ? 1 : 0);
      byColour[variant] ??= dotSprite(it.colour, 0.9 * dim, r, single);
      ctx.drawImage(byColour[variant], cx - size / 2, y + h / 2 - size / 2, size, size);
    } else {
      // Fuzzy ends: the core is denser than the outer eighths of the range.
      const fade = (x1 - x0) / 8;
      ctx.fillStyle = it.colour;
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
      ctx.globalAlpha = 1;
    }
    if (it.id === f.selection || it.id === f.focus) outlined.push([x0, x1, y, it.id]);
  }
  ctx.globalAlpha = 1;
  ctx.strokeStyle = "#000";
  for (const [x0, x1, y, id] of outlined) {
    ctx.lineWidth = id === f.selection ? 2.5 : 1.5;
    ctx.strokeRect(Math.min(x0, x1 - 5) - 2, y, Math.max(9, x1 - x0 + 4), h);
  }
}
