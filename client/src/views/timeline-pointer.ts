import * as d3 from "d3";
import type { TimelineGeometry } from "./timeline-geometry.ts";
import { itemAt } from "./timeline-lanes.ts";
import type { Row, RowItem } from "./timeline-rows.ts";
import { describeItem } from "./timeline-svg.ts";

/**
 * Hit-testing and the hover tooltip. Marks (SVG or canvas) take no pointer
 * events: the item under the pointer is found from the rows and the current
 * scale, so the same code serves both renderings.
 */
export function timelinePointer(
  root: HTMLElement,
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  rows: Row[],
  g: TimelineGeometry,
  scale: () => d3.ScaleTime<number, number>,
) {
  const tooltip = d3
    .select(root)
    .append("div")
    .attr("class", "tooltip")
    .attr("role", "tooltip")
    .style("display", "none");

  function hit(e: MouseEvent): RowItem | null {
    const [px, py] = d3.pointer(e, svg.node());
    return itemAt(px, py, rows, { ...g, x: scale() });
  }

  function hover(e: MouseEvent) {
    const item = hit(e);
    if (!item) {
      tooltip.style("display", "none");
      return;
    }
    const [px, py] = d3.pointer(e, root);
    tooltip
      .style("display", "block")
      .style("left", `${Math.min(px + 12, g.width - 280)}px`)
      .style("top", `${py + 14}px`)
      .text(describeItem(item));
    if (item.event?.summary) tooltip.append("div").attr("class", "tooltip-summary").text(item.event.summary);
  }

  svg.on("mousemove.hit", hover);
  svg.on("mouseleave.hit", () => tooltip.style("display", "none"));

  return {
    /** The id of the item under a click: its mark, or its label (labels sit beside bars, outside hit-testing's reach). */
    pick(e: MouseEvent): string | null {
      const item = hit(e);
      if (item) return item.id;
      for (const el of document.elementsFromPoint(e.clientX, e.clientY)) {
        const id = el.closest<SVGGElement>(".timeline g.mark")?.dataset.id;
        if (id) return id;
      }
      return null;
    },
  };
}
