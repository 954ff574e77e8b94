import * as d3 from "d3";
import type { TimelineGeometry } from "./timeline-geometry.ts";

/** What a brush gesture means to the timeline. */
export interface BrushHandlers {
  /** A click (a press and release within 4 px, no brush); true when it picked something, which keeps the window. */
  click(e: MouseEvent): boolean;
  /** A brushed window in plot pixels, or null when the brush was cleared. */
  brushed(selection: [number, number] | null): void;
}

/**
 * The window brush over the rows, which also tells clicks from brushes:
 * d3's brush swallows the click, so the press is remembered and compared
 * with the release. Shift-drag is left to the zoom. `move` places the brush
 * without reporting (it follows the zoom).
 */
export function timelineBrush(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  g: TimelineGeometry,
  on: BrushHandlers,
) {
  let pointerDown: [number, number] | null = null;
  const brush = d3
    .brushX()
    .extent([
      [g.left, g.margin.top],
      [g.right, g.plotBottom],
    ])
    .filter((e) => !e.shiftKey && !e.button)
    .on("end", (e: d3.D3BrushEvent<unknown>) => {
      if (!e.sourceEvent) return;
      const start = pointerDown;
      pointerDown = null;
      const src = e.sourceEvent as MouseEvent;
      const click = !e.selection && start && Math.hypot(src.clientX - start[0], src.clientY - start[1]) < 4;
      if (click && on.click(src)) return;
      on.brushed((e.selection as [number, number] | null) ?? null);
    });
  // Under the marks, as before the split: the shaded window does not cover them.
  const layer = svg.insert("g", ".marks").attr("class", "brush").call(brush);
  svg.on("mousedown.brush-click", (e: MouseEvent) => {
    pointerDown = [e.clientX, e.clientY];
  });
  return {
    /** Shows the pixel range [a, b] (clipped to the plot), or no brush. */
    move(range: [number, number] | null) {
      const a = range && Math.max(g.left, range[0]);
      const b = range && Math.min(g.right, range[1]);
      layer.call(brush.move, a != null && b != null && b > a ? [a, b] : null);
    },
  };
}
