import type * as d3 from "d3";
import { hitItem, type Row, type RowItem } from "./timeline-rows.ts";

/** Where the lanes are: the plot's edges and each row's top and height. */
export interface LaneGeometry {
  left: number;
  right: number;
  rowY: (row: Row) => number;
  rowH: (row: Row) => number;
}

/** The lanes' alternating bands and their labels (cut at 24 characters; the full name, Arabic too, on hover). */
export function drawLanes(g: d3.Selection<SVGGElement, unknown, null, undefined>, rows: Row[], f: LaneGeometry) {
  g.selectAll("g")
    .data(rows, (d) => (d as Row).key)
    .join("g")
    .attr("class", (d) => `row row-${d.kind}`)
    .call((row) =>
      row
        .append("rect")
        .attr("x", f.left)
        .attr("width", f.right - f.left)
        .attr("y", (d) => f.rowY(d))
        .attr("height", (d) => f.rowH(d))
        .attr("class", (_, i) => (i % 2 ? "row-band odd" : "row-band")),
    )
    .call((row) =>
      row
        .append("text")
        .attr("class", "row-label")
        .attr("x", f.left - 8)
        .attr("y", (d) => f.rowY(d) + f.rowH(d) / 2)
        .attr("dy", "0.35em")
        .attr("text-anchor", "end")
        .text((d) => (d.label.length > 24 ? `${d.label.slice(0, 23)}…` : d.label))
        .append("title")
        .text((d) => `${d.label}${d.labelAr ? ` — ${d.labelAr}` : ""} (${d.total ?? d.items.length})`),
    );
}

/**
 * Hit-testing: the item under the point (px, py) of the plot, with five
 * pixels of slack in time; in its sub-row first, else anywhere in the lane.
 */
export function itemAt(
  px: number,
  py: number,
  rows: Row[],
  f: LaneGeometry & { x: d3.ScaleTime<number, number>; slotH: (row: Row) => number },
): RowItem | null {
  if (px < f.left || px > f.right) return null;
  const row = rows.find((r) => py >= f.rowY(r) && py < f.rowY(r) + f.rowH(r));
  if (!row) return null;
  const t = f.x.invert(px).getTime();
  const slack = Math.abs(f.x.invert(px + 5).getTime() - t);
  const slot = Math.min(row.slots - 1, Math.floor((py - f.rowY(row)) / f.slotH(row)));
  return hitItem(row, t, slack, slot) ?? hitItem(row, t, slack);
}
