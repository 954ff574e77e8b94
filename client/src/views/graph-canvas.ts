import * as d3 from "d3";
import type { GraphLink, GraphNode } from "../data/model.ts";
import { drawSceneArrays, type SceneStyle, type View } from "./graph-scene.ts";
import { nodeColour } from "./graph-style.ts";
import type { PlacedLabel } from "./label-placement.ts";

export interface CanvasGraphFrame {
  transform: d3.ZoomTransform;
  positions: Float32Array;
  selection: string | null;
  hover: number;
  width: number;
  height: number;
  radius: (i: number) => number;
}

/** The scene's arrays for a node list, built once per graph rather than every frame. */
const styles = new WeakMap<GraphNode[], SceneStyle>();

export function sceneStyle(
  nodes: GraphNode[],
  links: { s: number; t: number; link: GraphLink }[],
  radius: (i: number) => number,
): SceneStyle {
  let style = styles.get(nodes);
  if (!style) {
    const groups = d3.group(
      nodes.map((n, i) => ({ n, i })),
      (d) => `${nodeColour(d.n)}|${d.n.kind}`,
    );
    style = {
      links: Uint32Array.from(links.flatMap((l) => [l.s, l.t])),
      groups: [...groups].map(([key, members]) => ({
        colour: key.split("|")[0],
        kind: members[0].n.kind,
        members: Uint32Array.from(members, (m) => m.i),
      })),
      radius: Float32Array.from(nodes, (_, i) => radius(i)),
    };
    styles.set(nodes, style);
  }
  return style;
}

/**
 * Draws what changes only with the layout into `ctx` under the transform:
 * the layer the view keeps as a bitmap and reuses while the analyst pans and zooms.
 */
export function drawScene(
  ctx: CanvasRenderingContext2D,
  nodes: GraphNode[],
  links: { s: number; t: number; link: GraphLink }[],
  f: CanvasGraphFrame,
): void {
  drawSceneArrays(ctx, sceneStyle(nodes, links, f.radius), f.positions, f.transform, f.width, f.height);
}

/**
 * Draws what follows the pointer on top of the scene: the selection ring and
 * the placed labels (screen space; none while moving: text is the costliest draw).
 */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  nodes: GraphNode[],
  f: CanvasGraphFrame,
  labels: PlacedLabel[],
): void {
  const { transform: t, positions: p } = f;
  const sel = f.selection ? nodes.findIndex((n) => n.id === f.selection) : -1;
  if (sel >= 0) {
    const [x, y] = t.apply([p[2 * sel], p[2 * sel + 1]]);
    ctx.beginPath();
    ctx.arc(x, y, 10, 0, 2 * Math.PI);
    ctx.strokeStyle = "#000";
    ctx.lineWidth = 2.5;
    ctx.stroke();
  }
  ctx.font = `10px system-ui, "Noto Sans", "DejaVu Sans", sans-serif`;
  ctx.textBaseline = "middle";
  ctx.lineWidth = 3;
  ctx.strokeStyle = "#fff";
  ctx.fillStyle = "#1b1f24";
  for (const l of labels) {
    ctx.textAlign = l.anchor === "middle" ? "center" : l.anchor === "end" ? "right" : "left";
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillText(l.text, l.x, l.y);
  }
}

/** The visible canvas and the bitmap of the scene it reuses while moving. */
export function canvasLayers(root: HTMLElement, width: number, height: number) {
  const ratio = globalThis.devicePixelRatio || 1;
  const make = () => {
    const c = document.createElement("canvas");
    c.width = width * ratio;
    c.height = height * ratio;
    const ctx = c.getContext("2d") as CanvasRenderingContext2D;
    ctx.scale(ratio, ratio);
    return { c, ctx };
  };
  const visible = make();
  visible.c.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px;pointer-events:none`;
  root.prepend(visible.c);
  const off = make();
  return { ctx: visible.ctx, cache: { ctx: off.ctx, transform: d3.zoomIdentity, version: -1, time: 0 } };
}

export type CanvasLayers = ReturnType<typeof canvasLayers>;

/** Over this long a gesture reuses the scene bitmap before redrawing it for a newer layout or view. */
const refreshWhileMoving = 500;

/** The scene as the layout worker last drew it, and how to ask it for the current view. */
export interface WorkerScene {
  latest(): { bitmap: ImageBitmap; view: View } | null;
  view(v: View): void;
}

/**
 * One canvas frame. The scene bitmap is redrawn when it is behind the layout
 * (`version`) or the view; while panning or zooming it is only moved and
 * scaled, and redrawn for a newer layout now and then. When the layout runs in
 * a worker, the worker draws the scene (OffscreenCanvas) for the view it is
 * told and this frame only places its latest bitmap: no frame waits for a
 * large graph to be drawn. The overlay (selection ring, labels) is drawn on
 * top; no labels while moving. Returns which thread drew the scene shown.
 */
export function drawCanvasFrame(
  layers: CanvasLayers,
  nodes: GraphNode[],
  links: { s: number; t: number; link: GraphLink }[],
  f: CanvasGraphFrame,
  o: { version: number; moving: boolean; labels: () => PlacedLabel[]; worker?: WorkerScene | null },
): "worker" | "main" {
  const { transform, width, height } = f;
  const cache = layers.cache;
  const fromWorker = o.worker?.latest();
  let image: CanvasImageSource = cache.ctx.canvas;
  let drawnFor: View = cache.transform;
  if (o.worker) o.worker.view({ x: transform.x, y: transform.y, k: transform.k });
  if (fromWorker) [image, drawnFor] = [fromWorker.bitmap, fromWorker.view];
  else {
    // The first picture (before the worker's first bitmap), or no worker: drawn here.
    const now = performance.now();
    const behind = o.worker
      ? cache.version < 0
      : o.moving
        ? cache.version < 0 || (cache.version !== o.version && now - cache.time > refreshWhileMoving)
        : cache.version !== o.version || cache.transform !== transform;
    if (behind) {
      drawScene(cache.ctx, nodes, links, f);
      Object.assign(cache, { transform, version: o.version, time: now });
    }
    drawnFor = cache.transform;
  }
  const k = transform.k / drawnFor.k;
  const ctx = layers.ctx;
  ctx.clearRect(0, 0, width, height);
  ctx.save();
  ctx.translate(transform.x - drawnFor.x * k, transform.y - drawnFor.y * k);
  ctx.scale(k, k);
  ctx.drawImage(image, 0, 0, width, height);
  ctx.restore();
  drawOverlay(ctx, nodes, f, o.moving ? [] : o.labels());
  return fromWorker ? "worker" : "main";
}
