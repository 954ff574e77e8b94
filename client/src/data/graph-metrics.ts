import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import betweennessModule from "graphology-metrics/centrality/betweenness.js";
import pagerankModule from "graphology-metrics/centrality/pagerank.js";
import type { GraphData } from "./model.ts";

/**
 * These packages are CommonJS with `export default` typings: TypeScript
 * (NodeNext) sees the default under `.default`, the bundler hands over
 * `module.exports` itself. Either way this is the function.
 */
function commonJs<T>(m: { default: T } | T): T {
  return ((m as { default?: T }).default ?? m) as T;
}
const louvain = commonJs(louvainModule);
const betweenness = commonJs(betweennessModule);
const pagerank = commonJs(pagerankModule);

export type Metric = "degree" | "pagerank" | "betweenness" | "weight";
export const metrics: Metric[] = ["degree", "pagerank", "betweenness", "weight"];

/** Betweenness is O(nodes × links): above this many nodes it falls back to degree. */
const betweennessLimit = 1500;

export interface GraphMetrics {
  /** The chosen metric per node (data order), scaled to [0, 1] by the largest. */
  importance: Float32Array;
  /** Louvain community per node (data order); -1 for isolated nodes. */
  community: Int32Array;
  communities: number;
  /** The metric actually used (betweenness falls back to degree on large graphs). */
  used: Metric;
}

/**
 * Node importance by the analyst's metric and Louvain communities, with
 * graphology (the library Gephi-style tools in JavaScript build on). Links
 * are undirected and weighted; parallel links add up.
 */
export function graphMetrics(data: GraphData, metric: Metric, seed = 42): GraphMetrics {
  const g = new UndirectedGraph<Record<string, unknown>, { weight: number }>({ allowSelfLoops: false });
  for (const n of data.nodes) g.mergeNode(n.id);
  for (const l of data.links) {
    if (l.source === l.target || !g.hasNode(l.source) || !g.hasNode(l.target)) continue;
    g.updateEdge(l.source, l.target, (a) => ({ weight: (a.weight ?? 0) + (l.weight || 1) }));
  }
  const used: Metric = metric === "betweenness" && g.order > betweennessLimit ? "degree" : metric;
  let values: (id: string, i: number) => number;
  if (used === "pagerank" && g.size) {
    const pr = pagerank(g, { getEdgeWeight: "weight" });
    values = (id) => pr[id] ?? 0;
  } else if (used === "betweenness" && g.size) {
    const b = betweenness(g, { getEdgeWeight: null });
    values = (id) => b[id] ?? 0;
  } else if (used === "weight") values = (_, i) => data.nodes[i].weight;
  else values = (id) => (g.hasNode(id) ? g.degree(id) : 0);
  const importance = new Float32Array(data.nodes.length);
  let max = 0;
  data.nodes.forEach((n, i) => {
    importance[i] = values(n.id, i);
    max = Math.max(max, importance[i]);
  });
  if (max > 0) for (let i = 0; i < importance.length; i++) importance[i] /= max;

  const community = new Int32Array(data.nodes.length).fill(-1);
  let communities = 0;
  if (g.size) {
    let state = seed;
    const rng = () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const result = louvain.detailed(g, { getEdgeWeight: "weight", rng });
    communities = result.count;
    data.nodes.forEach((n, i) => {
      if (g.degree(n.id) > 0) community[i] = result.communities[n.id] ?? -1;
    });
  }
  return { importance, community, communities, used };
}
