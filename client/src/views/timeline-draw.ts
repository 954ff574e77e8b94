import type * as d3 from "d3";
import type { Bucket } from "../data/load.ts";
import { drawBuckets } from "./timeline-buckets.ts";
import { type CanvasFrame, drawRows, LevelOfDetail } from "./timeline-canvas.ts";
import type { TimelineGeometry } from "./timeline-geometry.ts";
import { timelineInterim } from "./timeline-interim.ts";
import type { Row } from "./timeline-rows.ts";
import { joinMarks } from "./timeline-svg.ts";

/** What one frame shows: the view's scale and what is selected, focused and lit. */
export interface TimelineFrameState {
  x: d3.ScaleTime<number, number>;
  selection: string | null;
  focus: string | null;
  highlight: Set<string> | null;
}

/**
 * A UTC time scale as a plain linear function of milliseconds: the same
 * positions as calling the d3 scale, without its per-call conversions
 * (two calls per mark, thousands of marks per drawing).
 */
function linear(x: d3.ScaleTime<number, number>): (t: number) => number {
  const [d0, d1] = x.domain().map(Number);
  const [r0, r1] = x.range();
  const k = (r1 - r0) / (d1 - d0);
  return (t: number) => r0 + (t - d0) * k;
}

/** How long the view must rest before the canvas is drawn exactly again (a wheel's ticks come ~20–100 ms apart). */
export const SETTLE_MS = 150;

/**
 * The marks' painter: bucket counts or items on the canvas, or keyed SVG
 * marks. Call it with the state of a frame; it draws nothing (and returns
 * false) when nothing it draws changed. On the canvas, a frame that only
 * moved the view (pan or zoom) moves the last exact drawing to the new domain
 * by a CSS transform (timeline-interim.ts), which costs nothing whatever the events; the
 * exact drawing (kept within the frame budget by the level of detail) follows
 * once the view has rested SETTLE_MS, and at once for any other change.
 */
export function marksPainter(
  rows: Row[],
  g: TimelineGeometry,
  target: {
    canvas: HTMLCanvasElement | null;
    marks: d3.Selection<SVGGElement, unknown, null, undefined>;
    buckets: Bucket[] | null;
  },
) {
  const lod = new LevelOfDetail();
  const { canvas, buckets } = target;
  const [e0, e1] = g.x0.domain().map(Number);
  const interim = canvas?.parentElement
    ? timelineInterim({
        clip: canvas.parentElement,
        canvas,
        height: g.height,
        left: g.left,
        right: g.right,
        extent: [e0, e1],
        overview: (ctx, left, right, t0, t1) => {
          const x = (t: number) => left + ((t - t0) / (t1 - t0)) * (right - left);
          const frame: CanvasFrame = { ...frameOf(x, t0, t1, null), left, right, density: 0 };
          if (buckets) drawBuckets(ctx, rows, buckets, frame);
          else drawRows(ctx, rows, frame);
        },
      })
    : null;
  let drawn = "";
  /** What the kept exact drawing shows besides the domain: a change to it needs an exact drawing at once. */
  let exactLook: { key: string; highlight: Set<string> | null } | null = null;
  let latest: TimelineFrameState | null = null;
  let settle: ReturnType<typeof setTimeout> | undefined;

  function frameOf(x: (t: number) => number, t0: number, t1: number, s: TimelineFrameState | null): CanvasFrame {
    return {
      x,
      t0,
      t1,
      left: g.left,
      right: g.right,
      rowY: g.rowY,
      rowH: g.rowH,
      slotH: g.slotH,
      selection: s?.selection ?? null,
      focus: s?.focus ?? null,
      highlight: s?.highlight ?? null,
      density: lod.threshold,
    };
  }

  function drawExact(s: TimelineFrameState, ctx: CanvasRenderingContext2D) {
    const [t0, t1] = s.x.domain().map(Number);
    const started = performance.now();
    ctx.clearRect(0, 0, g.width, g.height);
    const frame = frameOf(linear(s.x), t0, t1, s);
    if (buckets) drawBuckets(ctx, rows, buckets, frame);
    else drawRows(ctx, rows, frame);
    lod.observe(performance.now() - started);
    interim?.keep(t0, t1);
    exactLook = { key: `${s.selection}|${s.focus}`, highlight: s.highlight };
  }

  return (s: TimelineFrameState): boolean => {
    const [t0, t1] = s.x.domain().map(Number);
    const key = `${t0}|${t1}|${s.selection}|${s.focus}`;
    if (key === drawn) return false;
    drawn = key;
    if (!canvas) {
      joinMarks(
        target.marks,
        rows,
        frameOf((t: number) => s.x(t), t0, t1, s),
      );
      return true;
    }
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    latest = s;
    clearTimeout(settle);
    const onlyMoved = exactLook?.key === `${s.selection}|${s.focus}` && exactLook.highlight === s.highlight;
    if (onlyMoved && interim?.move((t: number) => s.x(t))) {
      settle = setTimeout(
        () =>
          requestAnimationFrame(() => {
            if (latest === s && canvas.isConnected) drawExact(s, ctx);
          }),
        SETTLE_MS,
      );
      return true;
    }
    drawExact(s, ctx);
    return true;
  };
}
