import * as d3 from "d3";
import type { GraphLink, GraphNode } from "../data/model.ts";
import { kindSymbols, linkColour, linkDash, linkWidth, nodeColour, nodeTitle } from "./graph-style.ts";
import type { PlacedLabel } from "./label-placement.ts";

export interface IndexedLink {
  s: number;
  t: number;
  link: GraphLink;
}

/** A link's tie type in words, as its hover title says it. */
export function linkTitle(l: GraphLink): string {
  const kind = l.kind.replaceAll("_", " ").toLowerCase();
  return l.weight > 1 ? `${kind} (${l.weight})` : kind;
}

/**
 * The SVG scene of a small graph: links (each with its tie type as a title,
 * over a wide invisible stroke so it is easy to hover), nodes as shapes sized
 * by `radius`, and a label layer in screen space that `drawLabels` fills.
 */
export function svgScene(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  nodes: GraphNode[],
  links: IndexedLink[],
  radius: (i: number) => number,
  index: Map<string, number>,
) {
  const scene = svg.append("g").attr("class", "scene");
  const linkSel = scene
    .append("g")
    .attr("class", "links")
    .selectAll<SVGGElement, IndexedLink>("g.link-g")
    .data(links, (d) => `${d.link.source}>${d.link.target}>${d.link.kind}`)
    .join("g")
    .attr("class", "link-g")
    .call((g) =>
      g
        .append("line")
        .attr("class", (d) => `link link-${d.link.kind.toLowerCase()}`)
        .attr("stroke", (d) => linkColour(d.link))
        .attr("stroke-width", (d) => linkWidth(d.link))
        .attr("stroke-dasharray", (d) => linkDash(d.link)),
    )
    .call((g) => g.append("line").attr("class", "link-hit"))
    .call((g) => g.append("title").text((d) => linkTitle(d.link)));
  const nodeSel = scene
    .append("g")
    .attr("class", "nodes")
    .selectAll<SVGGElement, GraphNode>("g.node")
    .data(nodes, (d) => d.id)
    .join("g")
    .attr("class", (d) => `node node-${d.kind}`)
    .attr("data-id", (d) => d.id)
    .attr("data-kind", (d) => d.kind)
    .attr("tabindex", 0)
    .attr("role", "button")
    .attr("aria-label", (d) => nodeTitle(d))
    .call((g) => g.append("title").text((d) => nodeTitle(d)))
    .call((g) =>
      g
        .append("path")
        .attr("d", (d) => d3.symbol(kindSymbols[d.kind], Math.PI * radius(index.get(d.id) as number) ** 2)())
        .attr("fill", (d) => nodeColour(d)),
    );
  const labelLayer = svg.append("g").attr("class", "labels");
  return { scene, linkSel, nodeSel, labelLayer };
}

/** Positions links and nodes from the layout (scene coordinates). */
export function placeScene(
  linkSel: d3.Selection<SVGGElement, IndexedLink, SVGGElement, unknown>,
  nodeSel: d3.Selection<SVGGElement, GraphNode, SVGGElement, unknown>,
  p: Float32Array,
  index: Map<string, number>,
) {
  linkSel.selectAll<SVGLineElement, IndexedLink>("line").each(function (d) {
    this.setAttribute("x1", String(p[2 * d.s]));
    this.setAttribute("y1", String(p[2 * d.s + 1]));
    this.setAttribute("x2", String(p[2 * d.t]));
    this.setAttribute("y2", String(p[2 * d.t + 1]));
  });
  nodeSel.attr("transform", (d) => {
    const i = index.get(d.id) as number;
    return `translate(${p[2 * i] || 0},${p[2 * i + 1] || 0})`;
  });
}

/** Keyed join of the placed labels (screen space, never under the panel's edge). */
export function drawLabels(layer: d3.Selection<SVGGElement, unknown, null, undefined>, placed: PlacedLabel[]) {
  layer
    .selectAll<SVGTextElement, PlacedLabel>("text")
    .data(placed, (d) => d.id)
    .join("text")
    .attr("class", "node-label")
    .attr("data-id", (d) => d.id)
    .attr("x", (d) => d.x)
    .attr("y", (d) => d.y)
    .attr("dy", "0.35em")
    .attr("text-anchor", (d) => d.anchor)
    .text((d) => d.text);
}
