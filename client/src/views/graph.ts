import * as d3 from "d3";
import { graphMetrics, type Metric } from "../data/graph-metrics.ts";
import type { GraphData } from "../data/model.ts";
import { canvasLayers, drawCanvasFrame, sceneStyle } from "./graph-canvas.ts";
import { fitTransform } from "./graph-fit.ts";
import { canvasPointer, graphKeys, nearestNode, pinOnDrag, svgPointer } from "./graph-interactions.ts";
import { graphLabels, neighbours } from "./graph-labels.ts";
import { type Layout, startingPositions, startLayout } from "./graph-layout.ts";
import { nodeTitle } from "./graph-style.ts";
import { drawLabels, type IndexedLink, placeScene, svgScene } from "./graph-svg.ts";

export interface GraphOptions {
  width: number;
  height?: number;
  selection?: string | null;
  /** Ids of nodes fixed in place. */
  pinned?: Set<string>;
  /** Where nodes were in a previous rendering, so a re-render does not reshuffle. */
  positions?: Map<string, [number, number]>;
  /** The previous rendering's pan and zoom, kept when it showed the same nodes. */
  transform?: { x: number; y: number; k: number };
  /** What sizes the nodes (and decides whose labels show first). */
  metric?: Metric;
  /** Said when there is nothing to draw: what to do next. */
  empty?: string;
  /** Above this many nodes the graph is drawn on a canvas. */
  svgLimit?: number;
  /** Above this many nodes the layout runs in a Web Worker. */
  workerLimit?: number;
}

/** What a graph element exposes: the selection (`input` events) and its layout, kept for the next rendering. */
export interface GraphElement extends HTMLDivElement {
  value: { selection: string | null };
  positions: Map<string, [number, number]>;
  /** The current pan and zoom, for the next rendering. */
  readonly transform: { x: number; y: number; k: number };
  /** Stops the layout (the shell calls it before replacing the view). */
  dispose(): void;
}

/** Emitted (bubbling) for double-click (expand), Delete (remove), drag or "p" (pin) and right click (edit). */
export type GraphAction = { action: "expand" | "remove" | "pin" | "unpin" | "edit"; id: string };

/**
 * A force-directed graph of actors, events, locations and claims: shape and
 * colour by kind, size by the chosen metric, Louvain communities kept
 * together; the labels of the most important nodes that fit are shown, never
 * overlapping and never past the edge, the rest on hover. Click selects,
 * double-click expands, drag pins, wheel and drag on the background pan and
 * zoom. SVG for small graphs; canvas with the layout in a worker for large ones.
 *
 * This function composes: layout (`graph-layout`, `graph-fit`), drawing
 * (`graph-svg`, `graph-canvas`, `graph-labels`) and the interactions
 * (`graph-interactions`: pointer, keys, drag).
 */
export function graph(data: GraphData, options: GraphOptions): GraphElement {
  const { width, height = 460, svgLimit = 700, workerLimit = 400, metric = "degree" } = options;
  if (!(width > 100)) throw new Error(`invalid width: ${width}`);
  if (!(height > 100)) throw new Error(`invalid height: ${height}`);
  const pinned = new Set(options.pinned ?? []);
  let selection = options.selection ?? null;
  const nodes = data.nodes;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const links: IndexedLink[] = data.links
    .filter((l) => index.has(l.source) && index.has(l.target))
    .map((link) => ({ s: index.get(link.source) as number, t: index.get(link.target) as number, link }));
  const stats = graphMetrics({ nodes, links: links.map((l) => l.link) }, metric);
  const radius = (i: number) => 3 + 9 * Math.sqrt(stats.importance[i]);

  const root = document.createElement("div") as unknown as GraphElement;
  root.className = "graph-view";
  root.style.position = "relative";
  root.value = { selection };
  root.dataset.metric = stats.used;
  root.dataset.communities = String(stats.communities);
  const layout: Layout = startLayout(
    startingPositions(nodes, links, pinned, stats.community, options.positions, width, height),
    () => {
      version++;
      requestDraw();
    },
    {
      worker: nodes.length > workerLimit,
      // A canvas graph's scene is drawn by the layout worker too, off the main thread.
      scene:
        nodes.length > svgLimit
          ? { style: sceneStyle(nodes, links, radius), width, height, ratio: globalThis.devicePixelRatio || 1 }
          : undefined,
    },
  );
  // Read when the shell re-renders or exports, not on every frame.
  Object.defineProperty(root, "positions", {
    get() {
      const out = new Map<string, [number, number]>();
      const p = layout.positions;
      nodes.forEach((n, i) => {
        if (Number.isFinite(p[2 * i])) out.set(n.id, [p[2 * i], p[2 * i + 1]]);
      });
      return out;
    },
  });
  root.dispose = () => layout.stop();

  const canvasMode = nodes.length > svgLimit;
  let transform = d3.zoomIdentity;
  let hover = -1;
  let frameRequested = false;
  // Gestures under way. d3-zoom starts a new gesture on mousedown while a wheel gesture's idle timer
  // still runs; that timer's "end" then comes in the middle of the drag. A single flag would call the
  // view still there and place every label on every remaining frame of the drag.
  let gestures = 0;
  let moving = false;
  // A layout is framed to fit once it settles. A re-render of the same nodes keeps the analyst's
  // pan and zoom instead (positions alone, drawn without their zoom, would fall outside the panel).
  const previous = options.positions;
  const sameNodes = !!previous?.size && nodes.every((n) => previous.has(n.id));
  let framed = sameNodes && !!options.transform;
  // Bumped on every layout tick: the cached scene is redrawn only when it is behind.
  let version = 0;

  const svg = d3
    .select(root)
    .append("svg")
    .attr("class", `graph${canvasMode ? " graph-canvas" : ""}${links.length > 3 * nodes.length ? " dense" : ""}`)
    .attr("width", width)
    .attr("height", height)
    .attr("role", "group")
    .attr("aria-label", `Graph of ${nodes.length} nodes and ${links.length} links, sized by ${stats.used}`);
  if (!nodes.length)
    d3.select(root)
      .append("p")
      .attr("class", "empty-state")
      .text(options.empty ?? "Nothing to show.");
  const canvas = canvasMode ? canvasLayers(root, width, height) : null;
  const svgParts = canvasMode ? null : svgScene(svg, nodes, links, radius, index);

  const pointing = {
    select,
    expand: (id: string) => action({ action: "expand", id }),
    edit: (id: string) => action({ action: "edit", id }),
    hover: setHover,
  };
  if (svgParts) {
    svgPointer(svg, svgParts.nodeSel, index, pointing);
    svgParts.nodeSel
      .on(
        "keydown",
        graphKeys({
          select,
          expand: (id) => action({ action: "expand", id }),
          remove: (id) => action({ action: "remove", id }),
          pin: togglePin,
        }),
      )
      .call(pinOnDrag(layout, index, pinned, (id) => action({ action: "pin", id })));
  } else
    canvasPointer(
      svg,
      nodes,
      (e) => nearestNode(e, svg.node() as SVGSVGElement, transform, layout.positions, nodes.length),
      {
        ...pointing,
        hover: (i) => {
          if (i !== hover) svg.attr("title", i >= 0 ? nodeTitle(nodes[i]) : null);
          setHover(i);
        },
      },
    );

  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.05, 12])
    .on("start", () => {
      gestures++;
      moving = true;
    })
    .on("zoom", (e) => {
      transform = e.transform;
      svgParts?.scene.attr("transform", transform.toString());
      requestDraw();
    })
    .on("end", () => {
      gestures = Math.max(0, gestures - 1);
      moving = gestures > 0;
      if (!moving) requestDraw();
    });
  svg.call(zoom).on("dblclick.zoom", null);
  if (framed && options.transform) {
    const t = options.transform;
    svg.call(zoom.transform, d3.zoomIdentity.translate(t.x, t.y).scale(t.k));
  }
  Object.defineProperty(root, "transform", { get: () => ({ x: transform.x, y: transform.y, k: transform.k }) });
  draw();

  function setHover(i: number) {
    if (i === hover) return;
    hover = i;
    requestDraw();
  }

  /** Fits the settled first layout into the panel. */
  function frame() {
    if (framed || layout.running) return;
    framed = true;
    const fit = fitTransform(layout.positions, nodes.length, width, height);
    if (fit) svg.call(zoom.transform, fit);
  }

  function requestDraw() {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      draw();
    });
  }

  function labels() {
    return graphLabels(nodes, links, {
      transform,
      positions: layout.positions,
      selection,
      hover,
      radius,
      importance: stats.importance,
      width,
      height,
      canvas: canvasMode,
    });
  }

  function draw() {
    frame();
    // Tests and screenshots wait for a still picture.
    root.dataset.layout = layout.running || moving ? "running" : "settled";
    const p = layout.positions;
    if (canvas) {
      const f = { transform, positions: p, selection, hover, width, height, radius };
      // Labels wait for a still layout: placing them over thousands of moving nodes would take every frame.
      const still = () => (layout.running && layout.inWorker ? [] : labels());
      const shown = drawCanvasFrame(canvas, nodes, links, f, {
        version,
        moving,
        labels: still,
        worker: layout.scene,
      });
      root.dataset.scene = shown.scene;
      // Still only once the picture is drawn for this view, not the last one stretched to it.
      if (!shown.exact) root.dataset.layout = "running";
      return;
    }
    if (!svgParts) return;
    placeScene(svgParts.linkSel, svgParts.nodeSel, p, index);
    const near = neighbours(links, selection);
    svgParts.nodeSel
      .classed("selected", (d) => d.id === selection)
      .classed("pinned", (d) => pinned.has(d.id))
      .classed("faded", (d) => !!selection && !near.has(d.id));
    svgParts.linkSel.classed("faded", (d) => !!selection && d.link.source !== selection && d.link.target !== selection);
    // Labels are placed again only when the picture is still (text is the costliest thing to move).
    drawLabels(svgParts.labelLayer, moving ? [] : labels());
  }

  function select(id: string | null) {
    if (id === selection) return;
    selection = id;
    root.value = { selection };
    draw();
    root.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function togglePin(id: string) {
    const i = index.get(id) as number;
    const on = !pinned.has(id);
    if (on) pinned.add(id);
    else pinned.delete(id);
    layout.pin(i, on ? layout.positions[2 * i] : null, on ? layout.positions[2 * i + 1] : null);
    action({ action: on ? "pin" : "unpin", id });
    draw();
  }

  function action(detail: GraphAction) {
    root.dispatchEvent(new CustomEvent<GraphAction>("graph-action", { detail, bubbles: true }));
  }

  return root;
}
