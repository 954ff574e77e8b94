/// <reference lib="webworker" />
import { createSimulation, type LayoutInput } from "./graph-forces.ts";
import { drawSceneArrays, type SceneStyle, type View } from "./graph-scene.ts";

/**
 * Lays out a large graph off the main thread: ticks the simulation and posts
 * the positions (a transferable Float32Array) every few ticks until it cools.
 * Given the scene's style, it also draws the scene on an OffscreenCanvas for
 * the view the main thread last reported and posts it as an ImageBitmap, so
 * the main thread never spends a frame drawing thousands of nodes.
 */
export interface SceneSetup {
  style: SceneStyle;
  width: number;
  height: number;
  ratio: number;
}

type Message =
  | { type: "start"; input: LayoutInput; scene?: SceneSetup }
  | { type: "pin"; index: number; x: number | null; y: number | null }
  | { type: "view"; view: View };

let state: ReturnType<typeof createSimulation> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let scene: (SceneSetup & { ctx: OffscreenCanvasRenderingContext2D }) | null = null;
let view: View = { x: 0, y: 0, k: 1 };
let drawn: View | null = null;
let drawnAt = 0;
let viewTimer: ReturnType<typeof setTimeout> | undefined;
/** While the layout moves, the scene is redrawn at most this often (each drawing pauses the layout). */
const sceneEvery = 120;

function positionsNow(): Float32Array {
  const nodes = state?.nodes ?? [];
  const positions = new Float32Array(nodes.length * 2);
  for (const d of nodes) {
    positions[2 * d.index] = d.x ?? 0;
    positions[2 * d.index + 1] = d.y ?? 0;
  }
  return positions;
}

const done = () => !state || state.simulation.alpha() < state.simulation.alphaMin();

function post(withScene: boolean) {
  if (!state) return;
  const positions = positionsNow();
  const message: { positions: Float32Array; done: boolean; scene?: { bitmap: ImageBitmap; view: View } } = {
    positions,
    done: done(),
  };
  const transfer: Transferable[] = [positions.buffer];
  if (withScene && scene) {
    // Each transfer leaves a fresh bitmap behind; the device-pixel scale is set again for it.
    scene.ctx.setTransform(scene.ratio, 0, 0, scene.ratio, 0, 0);
    drawSceneArrays(scene.ctx, scene.style, positions, view, scene.width, scene.height);
    const bitmap = (scene.ctx.canvas as OffscreenCanvas).transferToImageBitmap();
    message.scene = { bitmap, view };
    transfer.push(bitmap);
    drawn = view;
    drawnAt = performance.now();
  }
  (self as unknown as Worker).postMessage(message, transfer);
}

function run() {
  if (!state) return;
  const { simulation } = state;
  const t0 = performance.now();
  while (performance.now() - t0 < 12 && simulation.alpha() >= simulation.alphaMin()) simulation.tick();
  post(!!scene && (done() || performance.now() - drawnAt >= sceneEvery || drawn !== view));
  if (!done()) timer = setTimeout(run, 0);
}

self.onmessage = (e: MessageEvent<Message>) => {
  const m = e.data;
  if (m.type === "start") {
    clearTimeout(timer);
    state = createSimulation(m.input);
    if (m.scene && typeof OffscreenCanvas !== "undefined") {
      const canvas = new OffscreenCanvas(m.scene.width * m.scene.ratio, m.scene.height * m.scene.ratio);
      scene = { ...m.scene, ctx: canvas.getContext("2d") as OffscreenCanvasRenderingContext2D };
    }
    run();
  } else if (m.type === "pin" && state) {
    const d = state.nodes[m.index];
    d.fx = m.x;
    d.fy = m.y;
    if (m.x != null && m.y != null) [d.x, d.y] = [m.x, m.y];
    state.simulation.alpha(Math.max(state.simulation.alpha(), 0.1));
    clearTimeout(timer);
    run();
  } else if (m.type === "view") {
    view = m.view;
    // A still layout draws for the newest view once the queued views are read, but at most once per
    // `sceneEvery` while the views keep coming (a pan or zoom): the main thread moves the last bitmap
    // meanwhile, and a redraw per frame would take a core from it on a machine with few. A moving
    // layout draws at its next post.
    if (done() && scene) {
      clearTimeout(viewTimer);
      viewTimer = setTimeout(
        () => {
          if (drawn !== view) post(true);
        },
        Math.max(0, sceneEvery - (performance.now() - drawnAt)),
      );
    }
  }
};
