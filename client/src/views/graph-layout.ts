import type { GraphNode } from "../data/model.ts";
import type { WorkerScene } from "./graph-canvas.ts";
import { createSimulation, type LayoutInput } from "./graph-forces.ts";
import type { SceneSetup } from "./graph-layout-worker.ts";
import type { View } from "./graph-scene.ts";
import type { IndexedLink } from "./graph-svg.ts";

/** How long a main-thread layout may run before the first picture (ms). */
const upFront = 250;

/** A running layout: positions update in place, `onTick` is told after each batch. */
export interface Layout {
  positions: Float32Array;
  pin(index: number, x: number | null, y: number | null): void;
  stop(): void;
  readonly running: boolean;
  readonly inWorker: boolean;
  /** The scene drawn by the worker (when it was given the scene's style), else null. */
  readonly scene: WorkerScene | null;
}

/**
 * Starts the force layout: in a Web Worker for large graphs, so dragging and
 * zooming stay smooth while it settles; on the main thread for small ones,
 * where a worker's start-up costs more than the layout.
 */
export function startLayout(
  input: LayoutInput,
  onTick: () => void,
  { worker, scene }: { worker: boolean; scene?: SceneSetup },
): Layout {
  const positions = new Float32Array(input.positions);
  let running = true;
  if (worker && typeof Worker !== "undefined") {
    const w = new Worker(new URL("./graph-layout-worker.ts", import.meta.url), { type: "module" });
    let latest: { bitmap: ImageBitmap; view: View } | null = null;
    let told: View | null = null;
    w.onmessage = (e: MessageEvent<{ positions: Float32Array; done: boolean; scene?: typeof latest }>) => {
      positions.set(e.data.positions);
      running = !e.data.done;
      if (e.data.scene) {
        latest?.bitmap.close();
        latest = e.data.scene;
      }
      onTick();
    };
    w.postMessage({ type: "start", input, scene: scene && typeof OffscreenCanvas !== "undefined" ? scene : undefined });
    const workerScene: WorkerScene | null =
      scene && typeof OffscreenCanvas !== "undefined"
        ? {
            latest: () => latest,
            view(v) {
              if (told && told.x === v.x && told.y === v.y && told.k === v.k) return;
              told = v;
              w.postMessage({ type: "view", view: v });
            },
          }
        : null;
    return {
      scene: workerScene,
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
    scene: null,
  };
}

/** The layout's input: earlier positions kept, a new node placed beside a neighbour that has one. */
export function startingPositions(
  nodes: GraphNode[],
  links: IndexedLink[],
  pinned: Set<string>,
  groups: Int32Array,
  previous: Map<string, [number, number]> | undefined,
  width: number,
  height: number,
) {
  const positions = new Float32Array(nodes.length * 2).fill(Number.NaN);
  nodes.forEach((n, i) => {
    const p = previous?.get(n.id);
    if (p) [positions[2 * i], positions[2 * i + 1]] = p;
  });
  for (const l of links)
    for (const [a, b] of [
      [l.s, l.t],
      [l.t, l.s],
    ])
      if (!Number.isFinite(positions[2 * a]) && Number.isFinite(positions[2 * b])) {
        positions[2 * a] = positions[2 * b] + ((a * 37) % 21) - 10;
        positions[2 * a + 1] = positions[2 * b + 1] + ((a * 53) % 21) - 10;
      }
  const pins = new Uint8Array(nodes.map((n) => (pinned.has(n.id) ? 1 : 0)));
  const pairs = new Uint32Array(links.flatMap((l) => [l.s, l.t]));
  const weights = new Float32Array(links.map((l) => l.link.weight));
  return { positions, pinned: pins, links: pairs, weights, groups, width, height };
}
