import * as d3 from "d3";
import type { GraphNode } from "../data/model.ts";
import type { Layout } from "./graph-layout.ts";

/** The graph's keys on a focused node: Enter/Space select, e expand, Delete remove, p pin, Escape clear. */
export function graphKeys(on: {
  select(id: string | null): void;
  expand(id: string): void;
  remove(id: string): void;
  pin(id: string): void;
}) {
  return (e: KeyboardEvent, d: GraphNode) => {
    const keys: Record<string, () => void> = {
      Enter: () => on.select(d.id),
      " ": () => on.select(d.id),
      e: () => on.expand(d.id),
      Delete: () => on.remove(d.id),
      Backspace: () => on.remove(d.id),
      p: () => on.pin(d.id),
      Escape: () => on.select(null),
    };
    if (keys[e.key]) {
      e.preventDefault();
      keys[e.key]();
    }
  };
}

/** Dragging a node moves it in the layout and pins it where it is dropped. */
export function pinOnDrag(layout: Layout, index: Map<string, number>, pinned: Set<string>, pin: (id: string) => void) {
  return d3
    .drag<SVGGElement, GraphNode>()
    .on("drag", (e, d) => layout.pin(index.get(d.id) as number, e.x, e.y))
    .on("end", (_, d) => {
      if (!pinned.has(d.id)) {
        pinned.add(d.id);
        pin(d.id);
      }
    });
}

/** The node within 12 screen pixels of the pointer (canvas mode has no DOM nodes to hit), or -1. */
export function nearestNode(
  e: MouseEvent,
  svg: SVGSVGElement,
  transform: d3.ZoomTransform,
  p: Float32Array,
  count: number,
): number {
  const [px, py] = transform.invert(d3.pointer(e, svg));
  let best = -1;
  let bestD = (12 / transform.k) ** 2;
  for (let i = 0; i < count; i++) {
    const d = (p[2 * i] - px) ** 2 + (p[2 * i + 1] - py) ** 2;
    if (d < bestD) [best, bestD] = [i, d];
  }
  return best;
}

/** What pointing at the graph asks of it. */
export interface PointerHandlers {
  select(id: string | null): void;
  expand(id: string): void;
  hover(i: number): void;
  /** The context menu (right click) on a node: open its edit section. */
  edit(id: string): void;
}

/**
 * Pointing on an SVG graph: nodes are DOM elements, so they take their own
 * clicks, double-clicks (expand) and hover; a click on the background clears
 * the selection.
 */
export function svgPointer(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  nodeSel: d3.Selection<SVGGElement, GraphNode, SVGGElement, unknown>,
  index: Map<string, number>,
  on: PointerHandlers,
) {
  nodeSel
    .on("click", (e: MouseEvent, d) => {
      e.stopPropagation();
      on.select(d.id);
    })
    .on("dblclick", (e: MouseEvent, d) => {
      e.stopPropagation();
      on.expand(d.id);
    })
    .on("contextmenu", (e: MouseEvent, d) => {
      e.preventDefault();
      on.edit(d.id);
    })
    .on("mouseenter", (_, d) => on.hover(index.get(d.id) as number))
    .on("mouseleave", () => on.hover(-1));
  svg.on("click", () => on.select(null));
}

/**
 * Pointing on a canvas graph: there are no DOM nodes, so click, hover and
 * double-click go to the node nearest the pointer (`nearestNode`).
 */
export function canvasPointer(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  nodes: GraphNode[],
  nearest: (e: MouseEvent) => number,
  on: PointerHandlers,
) {
  svg.on("click", (e: MouseEvent) => {
    const i = nearest(e);
    on.select(i >= 0 ? nodes[i].id : null);
  });
  svg.on("mousemove", (e: MouseEvent) => on.hover(nearest(e)));
  svg.on("dblclick", (e: MouseEvent) => {
    const i = nearest(e);
    if (i >= 0) on.expand(nodes[i].id);
  });
  svg.on("contextmenu", (e: MouseEvent) => {
    const i = nearest(e);
    if (i < 0) return;
    e.preventDefault();
    on.edit(nodes[i].id);
  });
}
