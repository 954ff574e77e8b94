import * as d3 from "d3";
import type { GraphData, GraphLink, GraphNode } from "../data/model.ts";
import { drawOverlay, drawScene } from "./graph-canvas.ts";
import { type Layout, startLayout } from "./graph-layout.ts";
import { kindSymbols, linkColour, linkDash, linkWidth, nodeColour, nodeRadius, nodeTitle } from "./graph-style.ts";

export interface GraphOptions {
  width: number;
  height?: number;
  selection?: string | null;
  /** Ids of nodes fixed in place. */
  pinned?: Set<string>;
  /** Where nodes were in a previous rendering, so a re-render does not reshuffle. */
  positions?: Map<string, [number, number]>;
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
 * colour by kind, click selects, double-click expands, drag pins, wheel and
 * drag on the background pan and zoom. SVG for small graphs; canvas with the
 * layout in a Web Worker for large ones.
 */
export function graph(data: GraphData, options: GraphOptions): GraphElement {
  const { width, height = 460, svgLimit = 700, workerLimit = 400 } = options;
  if (!(width > 100)) throw new Error(`invalid width: ${width}`);
  const pinned = new Set(options.pinned ?? []);
  let selection = options.selection ?? null;
  const nodes = data.nodes;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const links = data.links
    .filter((l) => index.has(l.source) && index.has(l.target))
    .map((link) => ({ s: index.get(link.source) as number, t: index.get(link.target) as number, link }));

  const root = document.createElement("div") as unknown as GraphElement;
  root.className = "graph-view";
  root.style.position = "relative";
  root.value = { selection };
  const input = (() => {
    const positions = new Float32Array(nodes.length * 2).fill(Number.NaN);
    const previous = options.positions;
    nodes.forEach((n, i) => {
      const p = previous?.get(n.id);
      if (p) [positions[2 * i], positions[2 * i + 1]] = p;
    });
    // A node new to the layout starts beside a neighbour that already has a place.
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
    return { positions, pinned: pins, links: pairs, weights, width, height };
  })();

  const canvasMode = nodes.length > svgLimit;
  let transform = d3.zoomIdentity;
  let hover = -1;
  let frameRequested = false;
  // A first layout is framed to fit once it settles; a re-render keeps the analyst's view.
  let framed = !!options.positions?.size;
  // Bumped on every layout tick: the cached scene is redrawn only when it is behind.
  let version = 0;
  const layout: Layout = startLayout(
    input,
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

  const svg = d3
    .select(root)
    .append("svg")
    .attr("class", `graph${canvasMode ? " graph-canvas" : ""}`)
    .attr("width", width)
    .attr("height", height)
    .attr("role", "group")
    .attr("aria-label", `Graph of ${nodes.length} nodes and ${links.length} links`);
  let ctx: CanvasRenderingContext2D | null = null;
  // The scene (links and nodes) as a bitmap, with the transform and layout version it was drawn at.
  let cache: { ctx: CanvasRenderingContext2D; transform: d3.ZoomTransform; version: number; time: number } | null =
    null;
  let moving = false;
  if (canvasMode) {
    const canvas = document.createElement("canvas");
    const ratio = globalThis.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px;pointer-events:none`;
    ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
    ctx.scale(ratio, ratio);
    root.prepend(canvas);
    const offscreen = document.createElement("canvas");
    offscreen.width = canvas.width;
    offscreen.height = canvas.height;
    const octx = offscreen.getContext("2d") as CanvasRenderingContext2D;
    octx.scale(ratio, ratio);
    cache = { ctx: octx, transform: d3.zoomIdentity, version: -1, time: 0 };
  }
  const scene = svg.append("g").attr("class", "scene");
  const linkSel = canvasMode
    ? null
    : scene
        .append("g")
        .attr("class", "links")
        .selectAll("line")
        .data(
          links,
          (d) =>
            `${(d as (typeof links)[0]).link.source}>${(d as (typeof links)[0]).link.target}>${(d as (typeof links)[0]).link.kind}`,
        )
        .join("line")
        .attr("class", (d) => `link link-${d.link.kind.toLowerCase()}`)
        .attr("stroke", (d) => linkColour(d.link))
        .attr("stroke-width", (d) => linkWidth(d.link))
        .attr("stroke-dasharray", (d) => linkDash(d.link))
        .call((l) => l.append("title").text((d) => linkTitle(d.link)));
  const nodeSel = canvasMode
    ? null
    : scene
        .append("g")
        .attr("class", "nodes")
        .selectAll<SVGGElement, GraphNode>("g.node")
        .data(nodes, (d) => d.id)
        .join("g")
        .attr("class", (d) => `node node-${d.kind}`)
        .attr("data-id", (d) => d.id)
        .attr("data-kind", (d) => d.kind)
        .attr("tabindex", 0)
        .attr("role", "button")
        .attr("aria-label", (d) => nodeTitle(d))
        .call((g) => g.append("title").text((d) => nodeTitle(d)))
        .call((g) =>
          g
            .append("path")
            .attr("d", (d) => d3.symbol(kindSymbols[d.kind], Math.PI * nodeRadius(d) ** 2)())
            .attr("fill", (d) => nodeColour(d)),
        )
        .call((g) =>
          g
            .append("text")
            .attr("class", "node-label")
            .attr("x", (d) => nodeRadius(d) + 3)
            .attr("dy", "0.35em")
            .text((d) => (d.label.length > 30 ? `${d.label.slice(0, 29)}…` : d.label)),
        );

  nodeSel
    ?.on("click", (e: MouseEvent, d) => {
      e.stopPropagation();
      select(d.id);
    })
    .on("dblclick", (e: MouseEvent, d) => {
      e.stopPropagation();
      action({ action: "expand", id: d.id });
    })
    .on("keydown", (e: KeyboardEvent, d) => {
      const map: Record<string, () => void> = {
        Enter: () => select(d.id),
        " ": () => select(d.id),
        e: () => action({ action: "expand", id: d.id }),
        Delete: () => action({ action: "remove", id: d.id }),
        Backspace: () => action({ action: "remove", id: d.id }),
        p: () => togglePin(d.id),
        Escape: () => select(null),
      };
      if (map[e.key]) {
        e.preventDefault();
        map[e.key]();
      }
    })
    .call(
      d3
        .drag<SVGGElement, GraphNode>()
        .on("drag", (e, d) => layout.pin(index.get(d.id) as number, e.x, e.y))
        .on("end", (_, d) => {
          if (!pinned.has(d.id)) {
            pinned.add(d.id);
            action({ action: "pin", id: d.id });
          }
        }),
    );

  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.05, 12])
    .on("start", () => {
      moving = true;
    })
    .on("zoom", (e) => {
      transform = e.transform;
      if (canvasMode) requestDraw();
      else scene.attr("transform", transform.toString());
    })
    .on("end", () => {
      moving = false;
      if (canvasMode) requestDraw();
    });
  svg.call(zoom).on("dblclick.zoom", null);
  svg.on("click", (e: MouseEvent) => {
    if (!canvasMode) return select(null);
    const i = nearest(e);
    select(i >= 0 ? nodes[i].id : null);
  });
  if (canvasMode) {
    svg.on("mousemove", (e: MouseEvent) => {
      const i = nearest(e);
      if (i !== hover) {
        hover = i;
        svg.attr("title", i >= 0 ? nodeTitle(nodes[i]) : null);
        requestDraw();
      }
    });
    svg.on("dblclick", (e: MouseEvent) => {
      const i = nearest(e);
      if (i >= 0) action({ action: "expand", id: nodes[i].id });
    });
  }
  draw();

  function nearest(e: MouseEvent): number {
    const [px, py] = transform.invert(d3.pointer(e, svg.node()));
    const p = layout.positions;
    let best = -1;
    let bestD = (12 / transform.k) ** 2;
    for (let i = 0; i < nodes.length; i++) {
      const d = (p[2 * i] - px) ** 2 + (p[2 * i + 1] - py) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    }
    return best;
  }

  function frame() {
    if (framed || layout.running) return;
    framed = true;
    const p = layout.positions;
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < nodes.length; i++) {
      x0 = Math.min(x0, p[2 * i]);
      x1 = Math.max(x1, p[2 * i]);
      y0 = Math.min(y0, p[2 * i + 1]);
      y1 = Math.max(y1, p[2 * i + 1]);
    }
    if (!Number.isFinite(x0)) return;
    const k = Math.min(2, 0.9 / Math.max((x1 - x0 + 160) / width, (y1 - y0 + 40) / height));
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

  /** Over this long a gesture reuses the scene bitmap before redrawing it for a newer layout or view. */
  const refreshWhileMoving = 500;

  function draw() {
    frame();
    const p = layout.positions;
    if (ctx && cache) {
      const f = { transform, positions: p, selection, hover, width, height };
      const now = performance.now();
      // While panning or zooming, the bitmap is moved and scaled; it is redrawn for a newer layout only now and then, and once at the end.
      const behind = moving
        ? cache.version < 0 || (cache.version !== version && now - cache.time > refreshWhileMoving)
        : cache.version !== version || cache.transform !== transform;
      if (behind) {
        drawScene(cache.ctx, nodes, links, f);
        cache.transform = transform;
        cache.version = version;
        cache.time = now;
      }
      const k = transform.k / cache.transform.k;
      ctx.clearRect(0, 0, width, height);
      ctx.save();
      ctx.translate(transform.x - cache.transform.x * k, transform.y - cache.transform.y * k);
      ctx.scale(k, k);
      ctx.drawImage(cache.ctx.canvas, 0, 0, width, height);
      ctx.restore();
      drawOverlay(ctx, nodes, { ...f, moving });
      return;
    }
    linkSel
      ?.attr("x1", (d) => p[2 * d.s])
      .attr("y1", (d) => p[2 * d.s + 1])
      .attr("x2", (d) => p[2 * d.t])
      .attr("y2", (d) => p[2 * d.t + 1]);
    nodeSel?.attr("transform", (d) => {
      const i = index.get(d.id) as number;
      return `translate(${p[2 * i] || 0},${p[2 * i + 1] || 0})`;
    });
    highlight();
  }

  function highlight() {
    if (!nodeSel || !linkSel) return;
    const near = new Set<string>();
    if (selection) {
      near.add(selection);
      for (const l of links)
        if (l.link.source === selection || l.link.target === selection) near.add(l.link.source).add(l.link.target);
    }
    nodeSel
      .classed("selected", (d) => d.id === selection)
      .classed("pinned", (d) => pinned.has(d.id))
      .classed("faded", (d) => !!selection && !near.has(d.id))
      .classed("labelled", (d) =>
        selection ? near.has(d.id) : d.kind === "actor" || d.kind === "location" || nodes.length < 25,
      );
    linkSel.classed("faded", (d) => !!selection && d.link.source !== selection && d.link.target !== selection);
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
    if (pinned.has(id)) {
      pinned.delete(id);
      layout.pin(i, null, null);
      action({ action: "unpin", id });
    } else {
      pinned.add(id);
      layout.pin(i, layout.positions[2 * i], layout.positions[2 * i + 1]);
      action({ action: "pin", id });
    }
    draw();
  }

  function action(detail: GraphAction) {
    root.dispatchEvent(new CustomEvent<GraphAction>("graph-action", { detail, bubbles: true }));
  }

  return root;
}

function linkTitle(l: GraphLink): string {
  const kind = l.kind.replaceAll("_", " ").toLowerCase();
  return l.weight > 1 ? `${kind} (${l.weight})` : kind;
}
