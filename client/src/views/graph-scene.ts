import type { NodeKind } from "../data/model.ts";

/**
 * What drawing a large graph's scene needs, as plain arrays (structured-
 * cloneable): the layout worker draws the scene from it on an OffscreenCanvas,
 * the main thread from the same arrays when there is no worker.
 */
export interface SceneStyle {
  /** Interleaved source, target node indices. */
  links: Uint32Array;
  /** Nodes batched by colour and shape: one path and one fill per batch. */
  groups: { colour: string; kind: NodeKind; members: Uint32Array }[];
  /** Node radius in layout units. */
  radius: Float32Array;
}

/** A zoom transform as plain numbers (d3's ZoomTransform does not cross to a worker). */
export interface View {
  x: number;
  y: number;
  k: number;
}

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Draws links (one path) and nodes (a path per colour and shape) under the
 * view: the picture that changes only with the layout, kept as a bitmap and
 * moved and scaled while the analyst pans and zooms.
 */
export function drawSceneArrays(
  ctx: Context2D,
  style: SceneStyle,
  p: Float32Array,
  t: View,
  width: number,
  height: number,
): void {
  ctx.save();
  ctx.clearRect(0, 0, width, height);
  ctx.translate(t.x, t.y);
  ctx.scale(t.k, t.k);
  ctx.beginPath();
  const l = style.links;
  for (let i = 0; i < l.length; i += 2) {
    ctx.moveTo(p[2 * l[i]], p[2 * l[i] + 1]);
    ctx.lineTo(p[2 * l[i + 1]], p[2 * l[i + 1] + 1]);
  }
  ctx.strokeStyle = "rgba(120,120,120,0.35)";
  ctx.lineWidth = 0.7 / t.k;
  ctx.stroke();
  const scale = Math.max(0.35, 1 / Math.sqrt(t.k)) * 0.6;
  for (const g of style.groups) {
    ctx.beginPath();
    for (const i of g.members) shape(ctx, g.kind, p[2 * i], p[2 * i + 1], style.radius[i] * scale);
    ctx.fillStyle = g.colour;
    ctx.fill();
  }
  ctx.restore();
}

/** The same shapes as the SVG symbols (circle, square, triangle, diamond), drawn straight into the current path. */
function shape(ctx: Context2D, kind: NodeKind, x: number, y: number, r: number) {
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
