import * as d3 from "d3";
import { graphMetrics, type Metric } from "../data/graph-metrics.ts";
import type { GraphData } from "../data/model.ts";
import { drawOverlay, drawScene } from "./graph-canvas.ts";
import { graphKeys, nearestNode, pinOnDrag } from "./graph-interactions.ts";
import { type Layout, startLayout } from "./graph-layout.ts";
import { nodeTitle } from "./graph-style.ts";
import { drawLabels, type IndexedLink, placeScene, svgScene } from "./graph-svg.ts";
import { type LabelCandidate, placeLabels } from "./label-placement.ts";

export interface GraphOptions {
  width: number;
  height?: number;
  selection?: string | null;
  /** Ids of nodes fixed in place. */
  pinned?: Set<string>;
  /** Where nodes were in a previous rendering, so a re-render does not reshuffle. */
  positions?: Map<string, [number, number]>;
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
  /** Stops the layout (the shell calls it before replacing the view). */
  dispose(): void;
}

/** Emitted (bubbling) for double-click (expand), Delete (remove) and drag or "p" (pin). */
export type GraphAction = { action: "expand" | "remove" | "pin" | "unpin"; id: string };

/**
 * A force-directed graph of actors, events, locations and claims: shape and
 * colour by kind, size by the chosen metric, Louvain communities kept
 * together; the labels of the most important nodes that fit are shown, never
 * overlapping and never past the edge, the rest on hover. Click selects,
 * double-click expands, drag pins, wheel and drag on the background pan and
 * zoom. SVG for small graphs; canvas with the layout in a worker for large ones.
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
    { worker: nodes.length > workerLimit },
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
  let moving = false;
  // A first layout is framed to fit once it settles; a re-render keeps the analyst's view.
  let framed = !!options.positions?.size;
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
  const nodeSel = svgParts?.nodeSel;

  nodeSel
    ?.on("click", (e: MouseEvent, d) => {
      e.stopPropagation();
      select(d.id);
    })
    .on("dblclick", (e: MouseEvent, d) => {
      e.stopPropagation();
      action({ action: "expand", id: d.id });
    })
    .on("mouseenter", (_, d) => setHover(index.get(d.id) as number))
    .on("mouseleave", () => setHover(-1))
    .on(
      "keydown",
      graphKeys({
        select: (id) => select(id),
        expand: (id) => action({ action: "expand", id }),
        remove: (id) => action({ action: "remove", id }),
        pin: (id) => togglePin(id),
      }),
    )
    .call(pinOnDrag(layout, index, pinned, (id) => action({ action: "pin", id })));

  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.05, 12])
    .on("start", () => {
      moving = true;
    })
    .on("zoom", (e) => {
      transform = e.transform;
      if (canvasMode) requestDraw();
      else {
        svgParts?.scene.attr("transform", transform.toString());
        requestDraw();
      }
    })
    .on("end", () => {
      moving = false;
      requestDraw();
    });
  svg.call(zoom).on("dblclick.zoom", null);
  svg.on("click", (e: MouseEvent) => {
    if (!canvasMode) return select(null);
    const i = nearestNode(e, svg.node() as SVGSVGElement, transform, layout.positions, nodes.length);
    select(i >= 0 ? nodes[i].id : null);
  });
  if (canvasMode) {
    svg.on("mousemove", (e: MouseEvent) => {
      const i = nearestNode(e, svg.node() as SVGSVGElement, transform, layout.positions, nodes.length);
      if (i !== hover) svg.attr("title", i >= 0 ? nodeTitle(nodes[i]) : null);
      setHover(i);
    });
    svg.on("dblclick", (e: MouseEvent) => {
      const i = nearestNode(e, svg.node() as SVGSVGElement, transform, layout.positions, nodes.length);
      if (i >= 0) action({ action: "expand", id: nodes[i].id });
    });
  }
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
    const p = layout.positions;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < nodes.length; i++) {
      [x0, x1] = [Math.min(x0, p[2 * i]), Math.max(x1, p[2 * i])];
      [y0, y1] = [Math.min(y0, p[2 * i + 1]), Math.max(y1, p[2 * i + 1])];
    }
    if (!Number.isFinite(x0)) return;
    const k = Math.min(2, 0.9 / Math.max((x1 - x0 + 60) / width, (y1 - y0 + 40) / height));
    svg.call(
      zoom.transform,
      d3.zoomIdentity.translate(width / 2 - (k * (x0 + x1)) / 2, height / 2 - (k * (y0 + y1)) / 2).scale(k),
    );
  }

  function requestDraw() {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      draw();
    });
  }

  /** The labels that fit: the selection, the hovered node and its neighbours first, then by importance. */
  function labels() {
    const p = layout.positions;
    const near = neighbours();
    const candidates: LabelCandidate[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const [x, y] = transform.apply([p[2 * i], p[2 * i + 1]]);
      const boost = i === hover ? 30 : n.id === selection ? 20 : near.has(n.id) ? 10 : 0;
      if (selection && !boost) continue;
      candidates.push({
        id: n.id,
        x,
        y,
        r: radius(i) * (canvasMode ? 0.6 : 1),
        text: n.label,
        priority: boost + stats.importance[i],
      });
    }
    return placeLabels(candidates, { width, height, limit: canvasMode ? 80 : 150 });
  }

  /** Over this long a gesture reuses the scene bitmap before redrawing it for a newer layout or view. */
  const refreshWhileMoving = 500;

  function draw() {
    frame();
    // Tests and screenshots wait for a still picture.
    root.dataset.layout = layout.running || moving ? "running" : "settled";
    const p = layout.positions;
    if (canvas) {
      const f = { transform, positions: p, selection, hover, width, height, radius };
      const cache = canvas.cache;
      const now = performance.now();
      // While panning or zooming, the bitmap is moved and scaled; it is redrawn for a newer layout only now and then.
      const behind = moving
        ? cache.version < 0 || (cache.version !== version && now - cache.time > refreshWhileMoving)
        : cache.version !== version || cache.transform !== transform;
      if (behind) {
        drawScene(cache.ctx, nodes, links, f);
        Object.assign(cache, { transform, version, time: now });
      }
      const k = transform.k / cache.transform.k;
      const ctx = canvas.ctx;
      ctx.clearRect(0, 0, width, height);
      ctx.save();
      ctx.translate(transform.x - cache.transform.x * k, transform.y - cache.transform.y * k);
      ctx.scale(k, k);
      ctx.drawImage(cache.ctx.canvas, 0, 0, width, height);
      ctx.restore();
      drawOverlay(ctx, nodes, f, moving ? [] : labels());
      return;
    }
    if (!svgParts) return;
    placeScene(svgParts.linkSel, svgParts.nodeSel, p, index);
    const near = neighbours();
    svgParts.nodeSel
      .classed("selected", (d) => d.id === selection)
      .classed("pinned", (d) => pinned.has(d.id))
      .classed("faded", (d) => !!selection && !near.has(d.id));
    svgParts.linkSel.classed("faded", (d) => !!selection && d.link.source !== selection && d.link.target !== selection);
    // Labels are placed again only when the picture is still (text is the costliest thing to move).
    drawLabels(svgParts.labelLayer, moving ? [] : labels());
  }

  function neighbours(): Set<string> {
    const near = new Set<string>();
    if (!selection) return near;
    near.add(selection);
    for (const l of links)
      if (l.link.source === selection || l.link.target === selection) near.add(l.link.source).add(l.link.target);
    return near;
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

/** The layout's input: earlier positions kept, a new node placed beside a neighbour that has one. */
function startingPositions(
  nodes: GraphData["nodes"],
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

/** The visible canvas and the bitmap of the scene it reuses while moving. */
function canvasLayers(root: HTMLElement, width: number, height: number) {
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
