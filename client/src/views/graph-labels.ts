import type { GraphNode } from "../data/model.ts";
import type { IndexedLink } from "./graph-svg.ts";
import { type LabelCandidate, type PlacedLabel, placeLabels } from "./label-placement.ts";

/** The selection and the nodes it is linked to (empty when nothing is selected). */
export function neighbours(links: IndexedLink[], selection: string | null): Set<string> {
  const near = new Set<string>();
  if (!selection) return near;
  near.add(selection);
  for (const l of links)
    if (l.link.source === selection || l.link.target === selection) near.add(l.link.source).add(l.link.target);
  return near;
}

/** What deciding the labels needs from the graph's current frame. */
export interface LabelFrame {
  transform: { apply(point: [number, number]): [number, number] };
  positions: Float32Array;
  selection: string | null;
  hover: number;
  radius: (i: number) => number;
  importance: ArrayLike<number>;
  width: number;
  height: number;
  /** Canvas nodes are drawn smaller and get fewer labels. */
  canvas: boolean;
}

/**
 * How far the box around a d3 symbol of area πr² reaches from its centre, in
 * r: a label kept this far off covers neither the mark nor its box (a
 * triangle's box corners lie 2.06 r out, its tip 1.56 r; a square's corners 1.25 r).
 */
const BOX_REACH: Record<GraphNode["kind"], number> = { actor: 1.42, event: 1.26, location: 2.06, claim: 1.91 };

/**
 * The labels that fit, in screen space: the hovered node, the selection and
 * its neighbours first, then by importance; with a selection, only those.
 */
export function graphLabels(nodes: GraphNode[], links: IndexedLink[], f: LabelFrame): PlacedLabel[] {
  const p = f.positions;
  const near = neighbours(links, f.selection);
  const candidates: LabelCandidate[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const [x, y] = f.transform.apply([p[2 * i], p[2 * i + 1]]);
    const boost = i === f.hover ? 30 : n.id === f.selection ? 20 : near.has(n.id) ? 10 : 0;
    if (f.selection && !boost) continue;
    // Off-panel nodes get no label: leaving them out here spares sorting them on every still frame.
    if (!(x >= 0 && x <= f.width && y >= 0 && y <= f.height)) continue;
    const r = f.radius(i) * (f.canvas ? 0.6 : 1);
    candidates.push({
      id: n.id,
      x,
      y,
      r,
      clear: r * BOX_REACH[n.kind],
      text: n.label,
      priority: boost + f.importance[i],
    });
  }
  // SVG graphs (up to a few thousand nodes) keep every label off every node's mark, so no label hides
  // a node; on a canvas of thousands only the labelled ones are kept clear, or the hubs would get none.
  return placeLabels(candidates, {
    width: f.width,
    height: f.height,
    limit: f.canvas ? 80 : 150,
    avoid: f.canvas ? "labelled" : "all",
  });
}
