import type * as d3 from "d3";
import type { Bucket } from "../data/load.ts";
import { drawBuckets } from "./timeline-buckets.ts";
import { type CanvasFrame, drawRows, LevelOfDetail } from "./timeline-canvas.ts";
import type { TimelineGeometry } from "./timeline-geometry.ts";
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
 * The marks' painter: bucket counts or items on the canvas (keeping the
 * frame budget through the level of detail), or keyed SVG marks. Call it
 * with the state of a frame; it draws nothing (and returns false) when nothing
 * it draws changed.
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
  let drawn = "";
  return (s: TimelineFrameState): boolean => {
    const [t0, t1] = s.x.domain().map(Number);
    const key = `${t0}|${t1}|${s.selection}|${s.focus}`;
    if (key === drawn) return false;
    drawn = key;
    const frame: CanvasFrame = {
      x: (t: number) => s.x(t),
      t0,
      t1,
      left: g.left,
      right: g.right,
      rowY: g.rowY,
      rowH: g.rowH,
      slotH: g.slotH,
      selection: s.selection,
      focus: s.focus,
      highlight: s.highlight,
      density: lod.threshold,
    };
    const { canvas, buckets } = target;
    if (!canvas) {
      joinMarks(target.marks, rows, frame);
      return true;
    }
    const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    const started = performance.now();
    ctx.clearRect(0, 0, g.width, g.height);
    if (buckets) drawBuckets(ctx, rows, buckets, frame);
    else drawRows(ctx, rows, frame);
    lod.observe(performance.now() - started);
    return true;
  };
}
