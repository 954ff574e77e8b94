import * as d3 from "d3";
import type { TimelineEvent } from "../data/events.ts";

interface GraphNode extends d3.SimulationNodeDatum {
  id: string;
  label: string;
  kind: "event" | "actor" | "location";
}
interface GraphLink extends d3.SimulationLinkDatum<GraphNode> {
  role: string;
}

/** Shapes events into the nodes and links of a who-is-connected-to-what graph. */
export function eventGraphData(events: TimelineEvent[]) {
  const nodes = new Map<string, GraphNode>();
  const links: GraphLink[] = [];
  for (const e of events) {
    nodes.set(e.id, { id: e.id, label: e.title, kind: "event" });
    for (const a of e.actors) {
      if (!nodes.has(a.id)) nodes.set(a.id, { id: a.id, label: a.name, kind: "actor" });
      links.push({ source: a.id, target: e.id, role: a.role ?? "" });
    }
    for (const l of e.locations) {
      if (!nodes.has(l.id)) nodes.set(l.id, { id: l.id, label: l.name, kind: "location" });
      links.push({ source: e.id, target: l.id, role: "OCCURRED_IN" });
    }
  }
  return { nodes: [...nodes.values()], links };
}

const colors = { event: "#4e79a7", actor: "#f28e2b", location: "#59a14f" };

/** A small force-directed graph of events, their actors and locations. */
export function graph(events: TimelineEvent[], { width, height = 420 }: { width: number; height?: number }) {
  const { nodes, links } = eventGraphData(events);
  const svg = d3.create("svg").attr("class", "graph").attr("width", width).attr("height", height);
  const link = svg.append("g").selectAll("line").data(links).join("line").attr("class", "link");
  const node = svg
    .append("g")
    .selectAll("g")
    .data(nodes, (d) => (d as GraphNode).id)
    .join("g")
    .attr("data-id", (d) => d.id)
    .attr("data-kind", (d) => d.kind);
  node
    .append("circle")
    .attr("r", (d) => (d.kind === "event" ? 6 : 8))
    .attr("fill", (d) => colors[d.kind]);
  node
    .append("text")
    .attr("class", "node-label")
    .attr("x", 10)
    .attr("dy", "0.35em")
    .text((d) => d.label);
  d3.forceSimulation(nodes)
    .force(
      "link",
      d3
        .forceLink<GraphNode, GraphLink>(links)
        .id((d) => d.id)
        .distance(60),
    )
    .force("charge", d3.forceManyBody().strength(-160))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .force("collide", d3.forceCollide(14))
    .on("tick", () => {
      link
        .attr("x1", (d) => (d.source as GraphNode).x ?? 0)
        .attr("y1", (d) => (d.source as GraphNode).y ?? 0)
        .attr("x2", (d) => (d.target as GraphNode).x ?? 0)
        .attr("y2", (d) => (d.target as GraphNode).y ?? 0);
      node.attr("transform", (d) => `translate(${d.x ?? 0},${d.y ?? 0})`);
    });
  return svg.node() as SVGSVGElement;
}
