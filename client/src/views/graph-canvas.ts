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
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  nodes: GraphNode[],
  links: { s: number; t: number; link: GraphLink }[],
  f: CanvasGraphFrame,
): void {
  drawSceneArrays(ctx, sceneStyle(nodes, links, f.radius), f.positions, f.transform, f.width, f.height);
}

/**
 * The view's two canvases in a clipping box: the scene (the latest picture
 * of nodes and links, moved and scaled by a CSS transform while the view
 * moves, which the compositor does without the main thread) and the overlay
 * over it (selection ring, labels); plus the main thread's own scene bitmap
 * for when no worker draws it. The scene canvas takes each picture as an
 * ImageBitmap (`bitmaprenderer`): handing it over is not a copy, where
 * drawing a 1400×900 bitmap into a 2D canvas cost the commit 8–26 ms of
 * main-thread raster in software rendering, the settled graph's longest frames.
 */
export function canvasLayers(root: HTMLElement, width: number, height: number) {
  const ratio = globalThis.devicePixelRatio || 1;
  const make = () => {
    const c = document.createElement("canvas");
    c.width = width * ratio;
    c.height = height * ratio;
    c.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px;transform-origin:0 0`;
    return c;
  };
  const box = document.createElement("div");
  box.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px;overflow:hidden;pointer-events:none;contain:strict`;
  const scene = make();
  scene.style.willChange = "transform";
  const overlay = make();
  const overlayCtx = overlay.getContext("2d") as CanvasRenderingContext2D;
  overlayCtx.scale(ratio, ratio);
  box.append(scene, overlay);
  root.prepend(box);
  const off = new OffscreenCanvas(width * ratio, height * ratio);
  return {
    scene: {
      canvas: scene,
      renderer: scene.getContext("bitmaprenderer") as ImageBitmapRenderingContext,
      stamp: null as unknown,
      drawnFor: { x: 0, y: 0, k: 1 } as View,
      css: "",
    },
    overlay: { ctx: overlayCtx, dirty: null as null | "all" | [number, number, number, number] },
    cache: {
      ctx: off.getContext("2d") as OffscreenCanvasRenderingContext2D,
      ratio,
      transform: d3.zoomIdentity,
      version: -1,
      time: 0,
      /** The main thread's latest picture, until the scene canvas takes it. */
      latest: null as { bitmap: ImageBitmap; view: View } | null,
    },
  };
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
 * told. A new picture is copied into the scene canvas once; after that a
 * frame only sets the canvas's CSS transform from the view it was drawn for
 * to the current one, so no frame draws or copies the whole scene. The
 * overlay (selection ring, labels; no labels while moving) is cleared and
 * drawn only where it had or has something. Returns which thread drew the
 * scene shown and whether it was drawn for the current view (not stretched).
 */
export function drawCanvasFrame(
  layers: CanvasLayers,
  nodes: GraphNode[],
  links: { s: number; t: number; link: GraphLink }[],
  f: CanvasGraphFrame,
  o: { version: number; moving: boolean; labels: () => PlacedLabel[]; worker?: WorkerScene | null },
): { scene: "worker" | "main"; exact: boolean } {
  const { transform } = f;
  const cache = layers.cache;
  const fromWorker = o.worker?.latest();
  if (o.worker) o.worker.view({ x: transform.x, y: transform.y, k: transform.k });
  if (!fromWorker) {
    // The first picture (before the worker's first bitmap), or no worker: drawn here.
    const now = performance.now();
    const behind = o.worker
      ? cache.version < 0
      : o.moving
        ? cache.version < 0 || (cache.version !== o.version && now - cache.time > refreshWhileMoving)
        : cache.version !== o.version || cache.transform !== transform;
    if (behind) {
      // Each transfer leaves a fresh bitmap behind; the device-pixel scale is set again for it.
      cache.ctx.setTransform(cache.ratio, 0, 0, cache.ratio, 0, 0);
      drawScene(cache.ctx, nodes, links, f);
      cache.latest?.bitmap.close();
      cache.latest = {
        bitmap: (cache.ctx.canvas as OffscreenCanvas).transferToImageBitmap(),
        view: { x: transform.x, y: transform.y, k: transform.k },
      };
      Object.assign(cache, { transform, version: o.version, time: now });
    }
  }
  const scene = layers.scene;
  const picture = fromWorker ?? cache.latest;
  if (picture && scene.stamp !== picture) {
    scene.stamp = picture;
    // The bitmap moves into the canvas (and is gone from here): shown once, never copied.
    scene.renderer.transferFromImageBitmap(picture.bitmap);
    if (picture === cache.latest) cache.latest = null;
    scene.drawnFor = { ...picture.view };
  }
  const d = scene.drawnFor;
  const k = transform.k / d.k;
  const [tx, ty] = [transform.x - d.x * k, transform.y - d.y * k];
  const exact = k === 1 && tx === 0 && ty === 0;
  const css = exact ? "" : `translate(${tx}px,${ty}px) scale(${k})`;
  if (scene.css !== css) {
    scene.canvas.style.transform = css;
    scene.css = css;
  }
  drawOverlay(layers.overlay, nodes, f, o.moving ? [] : o.labels());
  return { scene: fromWorker ? "worker" : "main", exact };
}

/**
 * Draws what follows the pointer over the scene: the selection ring and the
 * placed labels (screen space). Clears only what it drew last time, and does
 * nothing while there was and is nothing to draw (a pan with no selection).
 */
function drawOverlay(overlay: CanvasLayers["overlay"], nodes: GraphNode[], f: CanvasGraphFrame, labels: PlacedLabel[]) {
  const { ctx } = overlay;
  const { transform: t, positions: p } = f;
  const sel = f.selection ? nodes.findIndex((n) => n.id === f.selection) : -1;
  if (overlay.dirty === "all") ctx.clearRect(0, 0, f.width, f.height);
  else if (overlay.dirty) ctx.clearRect(...overlay.dirty);
  overlay.dirty = labels.length ? "all" : null;
  if (sel >= 0) {
    const [x, y] = t.apply([p[2 * sel], p[2 * sel + 1]]);
    ctx.beginPath();
    ctx.arc(x, y, 10, 0, 2 * Math.PI);
    ctx.strokeStyle = "#000";
    ctx.lineWidth = 2.5;
    ctx.stroke();
    if (!overlay.dirty) overlay.dirty = [x - 14, y - 14, 28, 28];
  }
  if (!labels.length) return;
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
