import * as d3 from "d3";

export interface LayoutInput {
  /** Interleaved x, y starting positions (NaN where unknown). */
  positions: Float32Array;
  /** Pinned flags per node (1 = fixed at its position). */
  pinned: Uint8Array;
  /** Interleaved source, target node indices. */
  links: Uint32Array;
  weights: Float32Array;
  width: number;
  height: number;
}

interface SimNode extends d3.SimulationNodeDatum {
  index: number;
}

/**
 * The force simulation both the main thread (small graphs) and the layout
 * worker (large ones) run, so a graph lays out the same wherever it runs.
 * Forces weaken with size so 5,000 nodes settle in a few hundred ticks.
 */
export function createSimulation(input: LayoutInput): {
  simulation: d3.Simulation<SimNode, undefined>;
  nodes: SimNode[];
} {
  const n = input.positions.length / 2;
  const rand = d3.randomLcg(42);
  const nodes: SimNode[] = Array.from({ length: n }, (_, i) => {
    const x = input.positions[2 * i];
    const y = input.positions[2 * i + 1];
    const known = Number.isFinite(x) && Number.isFinite(y);
    const node: SimNode = {
      index: i,
      x: known ? x : input.width / 2 + (rand() - 0.5) * input.width * 0.6,
      y: known ? y : input.height / 2 + (rand() - 0.5) * input.height * 0.6,
    };
    if (input.pinned[i] && known) [node.fx, node.fy] = [x, y];
    return node;
  });
  const links = Array.from({ length: input.links.length / 2 }, (_, i) => ({
    source: input.links[2 * i],
    target: input.links[2 * i + 1],
    weight: input.weights[i],
  }));
  const large = n > 500;
  const simulation = d3
    .forceSimulation(nodes)
    .randomSource(rand)
    .force(
      "link",
      d3
        .forceLink(links)
        .distance(large ? 20 : 55)
        .strength((l) => Math.min(1, 0.3 + 0.1 * (l as { weight: number }).weight)),
    )
    .force(
      "charge",
      d3
        .forceManyBody()
        .strength(large ? -12 : -170)
        .theta(large ? 1.2 : 0.9)
        .distanceMax(large ? 250 : 400),
    )
    .force("x", d3.forceX(input.width / 2).strength(large ? 0.03 : 0.05))
    .force("y", d3.forceY(input.height / 2).strength(large ? 0.03 : 0.07))
    .force("collide", large ? null : d3.forceCollide(16))
    .alphaDecay(large ? 0.035 : 0.0228)
    .stop();
  // A graph re-rendered with its earlier layout is only nudged where it grew, not re-laid out.
  let known = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(input.positions[2 * i])) known++;
  if (n && known === n) simulation.alpha(0);
  else if (known > n / 2) simulation.alpha(0.3);
  return { simulation, nodes };
}
