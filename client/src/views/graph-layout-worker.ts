/// <reference lib="webworker" />
import { createSimulation, type LayoutInput } from "./graph-forces.ts";

/**
 * Lays out a large graph off the main thread: ticks the simulation and posts
 * the positions (a transferable Float32Array) every few ticks until it cools.
 */
type Message =
  | { type: "start"; input: LayoutInput }
  | { type: "pin"; index: number; x: number | null; y: number | null };

let state: ReturnType<typeof createSimulation> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function post() {
  if (!state) return;
  const positions = new Float32Array(state.nodes.length * 2);
  for (const d of state.nodes) {
    positions[2 * d.index] = d.x ?? 0;
    positions[2 * d.index + 1] = d.y ?? 0;
  }
  const done = state.simulation.alpha() < state.simulation.alphaMin();
  (self as unknown as Worker).postMessage({ positions, done }, [positions.buffer]);
}

function run() {
  if (!state) return;
  const { simulation } = state;
  const t0 = performance.now();
  while (performance.now() - t0 < 12 && simulation.alpha() >= simulation.alphaMin()) simulation.tick();
  post();
  if (simulation.alpha() >= simulation.alphaMin()) timer = setTimeout(run, 0);
}

self.onmessage = (e: MessageEvent<Message>) => {
  const m = e.data;
  if (m.type === "start") {
    clearTimeout(timer);
    state = createSimulation(m.input);
    run();
  } else if (m.type === "pin" && state) {
    const d = state.nodes[m.index];
    d.fx = m.x;
    d.fy = m.y;
    if (m.x != null && m.y != null) [d.x, d.y] = [m.x, m.y];
    state.simulation.alpha(Math.max(state.simulation.alpha(), 0.1));
    clearTimeout(timer);
    run();
  }
};
