import * as d3 from "d3";
import type { Bucket } from "../data/load.ts";
import type { Event } from "../data/model.ts";
import { typeColour } from "../data/palette.ts";

export interface WeekStripOptions {
  width: number;
  /** Small multiples shown (the busiest types); the rest are summed into "other". */
  maxTypes?: number;
  rowHeight?: number;
}

/**
 * Small multiples under the timeline: one row per event type, a bar per week
 * (events counted in the week they start), all rows on one count scale so the
 * rows compare. Counts come from the events when the timeline has them, else
 * from the server's buckets, each counted in the week its bucket starts.
 */
export function weekStrip(events: Event[], buckets: Bucket[], options: WeekStripOptions): SVGSVGElement {
  const { width, maxTypes = 6, rowHeight = 16 } = options;
  if (!(width > 200)) throw new Error(`invalid width: ${width}`);
  const counts: { week: number; type: string; n: number }[] = events.length
    ? events.map((e) => ({ week: +d3.utcWeek.floor(e.start), type: e.type, n: 1 }))
    : buckets.flatMap((b) => b.byType.map((t) => ({ week: +d3.utcWeek.floor(b.start), type: t.type, n: t.count })));
  const byType = d3.rollup(
    counts,
    (v) =>
      d3.rollup(
        v,
        (w) => d3.sum(w, (c) => c.n),
        (c) => c.week,
      ),
    (c) => c.type,
  );
  const types = [...byType.keys()]
    .sort((a, b) => d3.sum(byType.get(b)?.values() ?? []) - d3.sum(byType.get(a)?.values() ?? []))
    .slice(0, maxTypes);
  const margin = { left: 160, right: 16, top: 14 };
  const height = margin.top + Math.max(1, types.length) * rowHeight + 2;
  const svg = d3
    .create("svg")
    .attr("class", "week-strip")
    .attr("width", width)
    .attr("height", height)
    .attr("role", "img")
    .attr("aria-label", `Events per week by type${types.length ? `: ${types.join(", ").toLowerCase()}` : ": none"}`);
  const weeks = counts.map((c) => c.week);
  if (!types.length) {
    svg
      .append("text")
      .attr("class", "strip-empty")
      .attr("x", margin.left)
      .attr("y", margin.top + 10)
      .text("No events to count per week here — zoom out or clear the filters.");
    return svg.node() as SVGSVGElement;
  }
  const [w0, w1] = d3.extent(weeks) as [number, number];
  const x = d3
    .scaleUtc()
    .domain([w0, +d3.utcWeek.offset(new Date(w1), 1)])
    .range([margin.left, width - margin.right]);
  const max = d3.max(types, (t) => d3.max(byType.get(t)?.values() ?? [])) ?? 1;
  const y = d3
    .scaleLinear()
    .domain([0, max])
    .range([0, rowHeight - 3]);
  const barWidth = Math.max(1, x(+d3.utcWeek.offset(new Date(w0), 1)) - x(w0) - 0.5);
  svg
    .append("text")
    .attr("class", "strip-title")
    .attr("x", margin.left - 8)
    .attr("y", 10)
    .attr("text-anchor", "end")
    .text(`events per week (max ${max})`);
  const fmt = d3.utcFormat("%-d %b %Y");
  svg
    .append("text")
    .attr("class", "strip-title")
    .attr("x", margin.left)
    .attr("y", 10)
    .text(`${fmt(new Date(w0))} – ${fmt(d3.utcWeek.offset(new Date(w1), 1))}`);
  const rows = svg
    .selectAll("g.strip-row")
    .data(types)
    .join("g")
    .attr("class", "strip-row")
    .attr("transform", (_, i) => `translate(0,${margin.top + i * rowHeight})`);
  rows
    .append("text")
    .attr("class", "strip-label")
    .attr("x", margin.left - 8)
    .attr("y", rowHeight - 4)
    .attr("text-anchor", "end")
    .text((t) => t.replaceAll("_", " ").toLowerCase());
  rows
    .selectAll("rect")
    .data((t) => [...(byType.get(t) ?? [])].map(([week, n]) => ({ t, week, n })))
    .join("rect")
    .attr("x", (d) => x(d.week))
    .attr("width", barWidth)
    .attr("y", (d) => rowHeight - 1 - y(d.n))
    .attr("height", (d) => Math.max(1, y(d.n)))
    .attr("fill", (d) => typeColour(d.t))
    .append("title")
    .text((d) => `${d.t.toLowerCase()}: ${d.n} in the week of ${fmt(new Date(d.week))}`);
  return svg.node() as SVGSVGElement;
}
