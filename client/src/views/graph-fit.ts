import * as d3 from "d3";

/**
 * The zoom transform that fits the laid-out nodes into the panel, at most
 * 2×, with a margin in screen pixels for the nodes' own size (a node is at
 * most 12 px across at 1×, scaled with the zoom) so none is cut at an edge;
 * null when no node has a position yet.
 */
export function fitTransform(p: Float32Array, count: number, width: number, height: number): d3.ZoomTransform | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < count; i++) {
    [x0, x1] = [Math.min(x0, p[2 * i]), Math.max(x1, p[2 * i])];
    [y0, y1] = [Math.min(y0, p[2 * i + 1]), Math.max(y1, p[2 * i + 1])];
  }
  if (!Number.isFinite(x0)) return null;
  const [padX, padY] = [32, 28];
  const k = Math.min(
    2,
    Math.max(0.05, (width - 2 * padX) / Math.max(1, x1 - x0)),
    Math.max(0.05, (height - 2 * padY) / Math.max(1, y1 - y0)),
  );
  return d3.zoomIdentity.translate(width / 2 - (k * (x0 + x1)) / 2, height / 2 - (k * (y0 + y1)) / 2).scale(k);
}
