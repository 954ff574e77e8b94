import * as d3 from "d3";
import type { FactGroup } from "../data/fact-groups.ts";

export interface FactChartOptions {
  width: number;
}

const rowH = 24;
const headH = 20;
const axisH = 22;
const labelW = 120;
const right = 44;

/** A publisher's name cut to fit the label column, at a word when it can (an ellipsis after a bracket reads badly in Arabic). */
function shortName(name: string, max = 18): string {
  if (name.length <= max) return name;
  const cut = name.slice(0, max - 1);
  const word = cut.lastIndexOf(" ");
  return `${(word > max / 2 ? cut.slice(0, word) : cut).replace(/[\s([{:،,.-]+$/u, "")}…`;
}

/** The number as stated: "≥25" for a floor. */
const stated = (v: { value: number; atLeast: boolean }) => `${v.atLeast ? "≥" : ""}${v.value}`;

/**
 * The numbers an event's reports give (killed, injured, missiles, drones) as
 * a dot chart: a panel per kind, a row per report labelled with its
 * publisher, a dot per value on a shared scale from zero. When the reports
 * disagree the spread between the lowest and highest value is drawn behind
 * the dots and the heading says so; a floor ("at least 25") has an arrow
 * pointing up the scale. view(groups, {width}) → Element; null when there is
 * nothing to draw.
 */
export function factChart(groups: FactGroup[], options: FactChartOptions): HTMLElement | null {
  const { width } = options;
  if (!(width > labelW + right + 40)) throw new Error(`invalid width: ${width}`);
  if (!groups.length) return null;
  const root = document.createElement("figure");
  root.className = "fact-chart";
  const caption = document.createElement("figcaption");
  caption.textContent = "The numbers each report gives";
  root.append(caption);
  for (const g of groups) root.append(panel(g, width));
  return root;
}

function panel(g: FactGroup, width: number): SVGSVGElement {
  const height = headH + g.rows.length * rowH + axisH;
  const disagree = g.distinct.length > 1;
  const max = g.distinct.at(-1) ?? 1;
  const x = d3
    .scaleLinear()
    .domain([0, max])
    .nice()
    .range([labelW, width - right]);
  const what = `${g.kind.toLowerCase()} (${g.unit})`;
  const verdict = disagree
    ? `reports disagree: ${g.distinct.join(" vs ")}`
    : `${g.rows.length > 1 ? "reports agree" : "one report"}: ${g.distinct[0]}`;
  const svg = d3
    .create("svg")
    .attr("class", `fact-panel${disagree ? " disagree" : ""}`)
    .attr("data-kind", g.kind)
    .attr("width", width)
    .attr("height", height)
    .attr("role", "img")
    .attr(
      "aria-label",
      `${what}, ${verdict}. ${g.rows.map((r) => `${r.publisher}: ${r.values.map(stated).join(", ")}`).join("; ")}`,
    );
  svg
    .append("text")
    .attr("class", "fact-head")
    .attr("x", 0)
    .attr("y", 14)
    .call((t) => t.append("tspan").attr("class", "fact-what").text(what))
    .call((t) => t.append("tspan").attr("class", "fact-verdict").attr("dx", 8).text(verdict));
  const body = svg.append("g").attr("transform", `translate(0,${headH})`);
  if (disagree)
    body
      .append("rect")
      .attr("class", "fact-spread")
      .attr("x", x(g.distinct[0]))
      .attr("width", x(max) - x(g.distinct[0]))
      .attr("y", 2)
      .attr("height", g.rows.length * rowH - 4);
  const row = body
    .selectAll("g.fact-row")
    .data(g.rows, (d) => (d as FactGroup["rows"][number]).articleId)
    .join("g")
    .attr("class", "fact-row")
    .attr("data-article", (d) => d.articleId)
    .attr("transform", (_, i) => `translate(0,${i * rowH + rowH / 2})`);
  row
    .append("line")
    .attr("class", "fact-guide")
    .attr("x1", labelW)
    .attr("x2", width - right);
  row
    .append("text")
    .attr("class", "fact-source")
    .attr("x", labelW - 6)
    .attr("dy", "0.35em")
    .attr("text-anchor", "end")
    .attr("lang", (d) => d.language)
    .text((d) => shortName(d.publisher))
    .append("title")
    .text((d) => d.publisher);
  const dot = row
    .selectAll("g.fact-value")
    .data((d) => d.values)
    .join("g")
    .attr("class", (v) => `fact-value${v.atLeast ? " at-least" : ""}`)
    .attr("transform", (v) => `translate(${x(v.value)},0)`);
  dot
    .filter((v) => v.atLeast)
    .append("path")
    .attr("class", "fact-floor")
    .attr("d", "M4,0H14M10,-3L14,0L10,3");
  dot.append("circle").attr("r", 4.5);
  dot.append("text").attr("class", "fact-label").attr("dy", "-0.55em").attr("text-anchor", "middle").text(stated);
  dot.append("title").text((v) => v.quote);
  svg
    .append("g")
    .attr("class", "fact-axis")
    .attr("transform", `translate(0,${headH + g.rows.length * rowH + 2})`)
    .call(
      d3
        .axisBottom(x)
        .ticks(Math.max(2, Math.floor((width - labelW - right) / 60)), "~s")
        .tickSizeOuter(0),
    );
  return svg.node() as SVGSVGElement;
}
