import { createSimulation, type LayoutInput } from "./graph-forces.ts";

/** How long a main-thread layout may run before the first picture (ms). */
const upFront = 250;

/** A running layout: positions update in place, `onTick` is told after each batch. */
export interface Layout {
  positions: Float32Array;
  pin(index: number, x: number | null, y: number | null): void;
  stop(): void;
  readonly running: boolean;
  readonly inWorker: boolean;
}

/**
 * Starts the force layout: in a Web Worker for large graphs, so dragging and
 * zooming stay smooth while it settles; on the main thread for small ones,
 * where a worker's start-up costs more than the layout.
 */
export function startLayout(input: LayoutInput, onTick: () => void, { worker }: { worker: boolean }): Layout {
  const positions = new Float32Array(input.positions);
  let running = true;
  if (worker && typeof Worker !== "undefined") {
    const w = new Worker(new URL("./graph-layout-worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<{ positions: Float32Array; done: boolean }>) => {
      positions.set(e.data.positions);
      running = !e.data.done;
      onTick();
    };
    w.postMessage({ type: "start", input });
    return {
      positions,
      pin: (index, x, y) => w.postMessage({ type: "pin", index, x, y }),
      stop: () => {
        running = false;
        w.terminate();
      },
      get running() {
        return running;
      },
      inWorker: true,
    };
  }
  const { simulation, nodes } = createSimulation(input);
  // A small graph is laid out up front (within a bounded time) so its first picture is still, not a
  // settling swirl; whatever is left runs on the animation timer.
  const t0 = performance.now();
  while (simulation.alpha() > simulation.alphaMin() && performance.now() - t0 < upFront) simulation.tick();
  const copy = () => {
    for (const d of nodes) {
      positions[2 * d.index] = d.x ?? 0;
      positions[2 * d.index + 1] = d.y ?? 0;
    }
  };
  copy();
  simulation.on("tick", () => {
    copy();
    onTick();
  });
  simulation.on("end", () => {
    running = false;
    onTick();
  });
  if (simulation.alpha() > simulation.alphaMin()) simulation.restart();
  else running = false;
  return {
    positions,
    pin: (index, x, y) => {
      const d = nodes[index];
      d.fx = x;
      d.fy = y;
      if (x != null && y != null) [d.x, d.y] = [x, y];
      copy();
      running = true;
      simulation.alpha(Math.max(simulation.alpha(), 0.1)).restart();
    },
    stop: () => {
      running = false;
      simulation.stop();
    },
    get running() {
      return running;
    },
    inWorker: false,
  };
}
