import * as d3 from "d3";

export interface LayoutInput {
  /** Interleaved x, y starting positions (NaN where unknown). */
  positions: Float32Array;
  /** Pinned flags per node (1 = fixed at its position). */
  pinned: Uint8Array;
  /** Interleaved source, target node indices. */
  links: Uint32Array;
  weights: Float32Array;
  /** Community per node (-1 none): members are drawn together, so groups read as groups. */
  groups?: Int32Array;
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
    .force("community", input.groups ? communityForce(input.groups, large ? 0.02 : 0.06) : null)
    .alphaDecay(0.035)
    .stop();
  // A graph re-rendered with its earlier layout is only nudged where it grew, not re-laid out.
  let known = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(input.positions[2 * i])) known++;
  if (n && known === n) simulation.alpha(0);
  else if (known > n / 2) simulation.alpha(0.3);
  return { simulation, nodes };
}

/** Pulls each node towards the centre of its community (recomputed every tick). */
function communityForce(groups: Int32Array, strength: number): d3.Force<SimNode, undefined> {
  let nodes: SimNode[] = [];
  const force = (alpha: number) => {
    const sums = new Map<number, [number, number, number]>();
    for (const d of nodes) {
      const g = groups[d.index];
      if (g < 0) continue;
      const s = sums.get(g) ?? [0, 0, 0];
      s[0] += d.x ?? 0;
      s[1] += d.y ?? 0;
      s[2]++;
      sums.set(g, s);
    }
    for (const d of nodes) {
      const s = sums.get(groups[d.index]);
      if (!s || s[2] < 2) continue;
      d.vx = (d.vx ?? 0) + (s[0] / s[2] - (d.x ?? 0)) * strength * alpha;
      d.vy = (d.vy ?? 0) + (s[1] / s[2] - (d.y ?? 0)) * strength * alpha;
    }
  };
  force.initialize = (n: SimNode[]) => {
    nodes = n;
  };
  return force;
}
