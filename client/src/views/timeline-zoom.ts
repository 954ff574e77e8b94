import * as d3 from "d3";
import type { TimelineGeometry } from "./timeline-geometry.ts";

const hour = 3600 * 1000;
const century = 100 * 365.25 * 24 * hour;

/**
 * The timeline's zoom, from a century down to an hour across the plot:
 * the wheel and double-click anywhere, a drag only with shift or on the axis
 * strip (a plain drag on the plot brushes a window). `onZoom` gets the
 * rescaled time scale; it should only record it, as zoom events come faster
 * than frames.
 */
export function timelineZoom(g: TimelineGeometry, onZoom: (x: d3.ScaleTime<number, number>) => void) {
  return d3
    .zoom<HTMLDivElement, unknown>()
    .scaleExtent([Math.min(1, g.span / century), Math.max(1, g.span / hour)])
    .extent([
      [g.left, 0],
      [g.right, g.height],
    ])
    .filter((e) => {
      if (e.type === "wheel" || e.type === "dblclick" || e.type.startsWith("touch")) return true;
      return !e.button && (e.shiftKey || (e.target as Element).classList?.contains("axis-grip"));
    })
    .on("zoom", (e) => onZoom(e.transform.rescaleX(g.x0)));
}

/** The zoom transform that shows `domain` across the plot (identity when there is none). */
export function transformFor(domain: [Date, Date] | undefined | null, g: TimelineGeometry): d3.ZoomTransform {
  if (!domain) return d3.zoomIdentity;
  const { x0 } = g;
  const k = (x0.range()[1] - x0.range()[0]) / (x0(domain[1]) - x0(domain[0]));
  return d3.zoomIdentity.translate(g.left - k * x0(domain[0]), 0).scale(k);
}
