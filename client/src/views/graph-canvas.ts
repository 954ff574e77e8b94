import * as d3 from "d3";
import type { GraphLink, GraphNode, NodeKind } from "../data/model.ts";
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

/**
 * Draws what changes only with the layout (links in one path, nodes batched by
 * colour and shape) into `ctx` under the transform: the layer the view keeps
 * as a bitmap and reuses while the analyst pans and zooms.
 */
export function drawScene(
  ctx: CanvasRenderingContext2D,
  nodes: GraphNode[],
  links: { s: number; t: number; link: GraphLink }[],
  f: CanvasGraphFrame,
): void {
  const { transform: t, positions: p } = f;
  ctx.save();
  ctx.clearRect(0, 0, f.width, f.height);
  ctx.translate(t.x, t.y);
  ctx.scale(t.k, t.k);
  ctx.beginPath();
  for (const l of links) {
    ctx.moveTo(p[2 * l.s], p[2 * l.s + 1]);
    ctx.lineTo(p[2 * l.t], p[2 * l.t + 1]);
  }
  ctx.strokeStyle = "rgba(120,120,120,0.35)";
  ctx.lineWidth = 0.7 / t.k;
  ctx.stroke();

  const groups = groupsOf(nodes);
  const scale = Math.max(0.35, 1 / Math.sqrt(t.k));
  for (const [key, members] of groups) {
    const [colour] = key.split("|");
    ctx.beginPath();
    for (const { n, i } of members) shape(ctx, n.kind, p[2 * i], p[2 * i + 1], f.radius(i) * scale * 0.6);
    ctx.fillStyle = colour;
    ctx.fill();
  }
  ctx.restore();
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

/** The same shapes as the SVG symbols (circle, square, triangle, diamond), drawn straight into the current path. */
function shape(ctx: CanvasRenderingContext2D, kind: NodeKind, x: number, y: number, r: number) {
  if (kind === "actor") {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  } else if (kind === "event") ctx.rect(x - r, y - r, 2 * r, 2 * r);
  else if (kind === "location") {
    ctx.moveTo(x, y - r * 1.2);
    ctx.lineTo(x + r * 1.1, y + r * 0.8);
    ctx.lineTo(x - r * 1.1, y + r * 0.8);
    ctx.closePath();
  } else {
    ctx.moveTo(x, y - r * 1.3);
    ctx.lineTo(x + r, y);
    ctx.lineTo(x, y + r * 1.3);
    ctx.lineTo(x - r, y);
    ctx.closePath();
  }
}

const groupCache = new WeakMap<GraphNode[], Map<string, { n: GraphNode; i: number }[]>>();

/** Nodes batched by colour and shape, computed once per node list rather than every frame. */
function groupsOf(nodes: GraphNode[]) {
  let groups = groupCache.get(nodes);
  if (!groups) {
    groups = d3.group(
      nodes.map((n, i) => ({ n, i })),
      (d) => `${nodeColour(d.n)}|${d.n.kind}`,
    );
    groupCache.set(nodes, groups);
  }
  return groups;
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

/**
 * One canvas frame. The scene bitmap is redrawn when it is behind the layout
 * (`version`) or the view; while panning or zooming it is only moved and
 * scaled, and redrawn for a newer layout now and then. The overlay (selection
 * ring, labels) is drawn on top; no labels while moving.
 */
export function drawCanvasFrame(
  layers: CanvasLayers,
  nodes: GraphNode[],
  links: { s: number; t: number; link: GraphLink }[],
  f: CanvasGraphFrame,
  o: { version: number; moving: boolean; labels: () => PlacedLabel[] },
): void {
  const { transform, width, height } = f;
  const cache = layers.cache;
  const now = performance.now();
  const behind = o.moving
    ? cache.version < 0 || (cache.version !== o.version && now - cache.time > refreshWhileMoving)
    : cache.version !== o.version || cache.transform !== transform;
  if (behind) {
    drawScene(cache.ctx, nodes, links, f);
    Object.assign(cache, { transform, version: o.version, time: now });
  }
  const k = transform.k / cache.transform.k;
  const ctx = layers.ctx;
  ctx.clearRect(0, 0, width, height);
  ctx.save();
  ctx.translate(transform.x - cache.transform.x * k, transform.y - cache.transform.y * k);
  ctx.scale(k, k);
  ctx.drawImage(cache.ctx.canvas, 0, 0, width, height);
  ctx.restore();
  drawOverlay(ctx, nodes, f, o.moving ? [] : o.labels());
}
