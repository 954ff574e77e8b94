import * as d3 from "d3";
import type { TimelineEvent } from "../data/events.ts";

export interface TimelineOptions {
  width: number;
  /** Height of one lane (one event type). */
  laneHeight?: number;
}

/**
 * A timeline: one lane per event type; an event with an uncertain date is a
 * bar spanning its possible range, an exact day a dot. Returns an SVG node.
 */
export function timeline(events: TimelineEvent[], { width, laneHeight = 28 }: TimelineOptions): SVGSVGElement {
  const margin = { top: 10, right: 20, bottom: 30, left: 130 };
  const types = [...new Set(events.map((e) => e.type))].sort();
  const height = margin.top + margin.bottom + Math.max(1, types.length) * laneHeight;
  const [min, max] = [d3.min(events, (e) => e.start), d3.max(events, (e) => e.end)];
  const x = d3
    .scaleUtc()
    .domain(min && max ? [d3.utcDay.offset(min, -7), d3.utcDay.offset(max, 7)] : [new Date(), new Date()])
    .range([margin.left, width - margin.right]);
  const y = d3.scaleBand(types, [margin.top, height - margin.bottom]).padding(0.2);
  const color = d3.scaleOrdinal(types, d3.schemeTableau10);

  const svg = d3.create("svg").attr("class", "timeline").attr("width", width).attr("height", height);
  svg.attr("role", "img").attr("aria-label", `Timeline of ${events.length} events`);
  svg
    .append("g")
    .attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(width / 90));
  svg
    .append("g")
    .attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).tickSize(0))
    .call((g) => g.select(".domain").remove());

  const marks = svg
    .append("g")
    .selectAll("g.event")
    .data(events, (d) => (d as TimelineEvent).id)
    .join("g")
    .attr("class", "event")
    .attr("data-id", (d) => d.id)
    .attr("tabindex", 0);
  marks.append("title").text((d) => `${d.title}\n${d.edtf ?? ""} (${d.precision})`);
  const isPoint = (d: TimelineEvent) => x(d.end) - x(d.start) < 6;
  marks
    .filter((d) => !isPoint(d))
    .append("rect")
    .attr("class", "event-range")
    .attr("x", (d) => x(d.start))
    .attr("width", (d) => Math.max(2, x(d.end) - x(d.start)))
    .attr("y", (d) => y(d.type) ?? 0)
    .attr("height", y.bandwidth())
    .attr("rx", 3)
    .attr("fill", (d) => color(d.type));
  marks
    .append("circle")
    .attr("class", "event-point")
    .attr("cx", (d) => x(new Date((d.start.getTime() + d.end.getTime()) / 2)))
    .attr("cy", (d) => (y(d.type) ?? 0) + y.bandwidth() / 2)
    .attr("r", 5)
    .attr("fill", (d) => color(d.type));
  return svg.node() as SVGSVGElement;
}
