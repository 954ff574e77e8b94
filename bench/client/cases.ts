/**
 * The views the client bench compares, each mounted on the same synthetic
 * data: Rasd's timeline and graph (the real client modules) and the peers,
 * vis-timeline and force-graph, with their default rendering. The peers are
 * imported on demand, so a Rasd run never loads their code.
 */
import type { Event, GraphData } from "../../client/src/data/model.ts";
import { graph } from "../../client/src/views/graph.ts";
import { timeline } from "../../client/src/views/timeline.ts";
import type { Gesture } from "./drive.ts";

/** A mounted view: how to pan and zoom it, whether its layout is still moving, and how to take it down. */
export interface Mounted {
  gesture: Gesture;
  layoutRunning(): boolean;
  dispose(): void;
}

const WIDTH = 1400;
const GRAPH_HEIGHT = 900;

function centre(el: Element, maxY = 400): [number, number] {
  const b = el.getBoundingClientRect();
  return [b.left + b.width / 2, b.top + Math.min(b.height / 2, maxY)];
}

export function rasdTimeline(root: HTMLElement, events: Event[]): Mounted {
  const view = timeline({ events }, { width: WIDTH });
  root.replaceChildren(view);
  const grip = view.querySelector(".axis-grip") as Element;
  const g = grip.getBoundingClientRect();
  return {
    // d3-zoom: ×2^(60·0.002) ≈ 1.087 per step. The axis strip pans without a modifier.
    gesture: {
      zoomAt: centre(view.querySelector("svg.timeline") as Element),
      panAt: [g.left + g.width / 2, g.top + g.height / 2],
      wheelDelta: 60,
    },
    layoutRunning: () => false,
    dispose: () => view.remove(),
  };
}

/**
 * The control: an empty plot-sized box given the same gesture. Its frame
 * times are what the machine allows at that moment (the browser's own frame
 * work, the scheduler under other load), the floor no view can go below.
 */
export function blankPage(root: HTMLElement): Mounted {
  const box = document.createElement("div");
  box.style.cssText = `width:${WIDTH}px;height:700px;background:#fff`;
  root.replaceChildren(box);
  const at = centre(box);
  return {
    gesture: { zoomAt: at, panAt: at, wheelDelta: 60 },
    layoutRunning: () => false,
    dispose: () => box.remove(),
  };
}

export async function visTimeline(root: HTMLElement, events: Event[]): Promise<Mounted> {
  const [{ Timeline }, { DataSet }] = await Promise.all([import("vis-timeline"), import("vis-data")]);
  await import("vis-timeline/styles/vis-timeline-graph2d.min.css");
  const day = 864e5;
  const types = [...new Set(events.map((e) => e.type))];
  const items = new DataSet(
    events.map((e) => ({
      id: e.id,
      group: e.type,
      content: e.title,
      start: e.start,
      // A one-day event is a point (dot and label), as Rasd draws it; a longer one a range.
      ...(+e.end - +e.start > day ? { end: e.end, type: "range" } : { type: "point" }),
    })),
  );
  const groups = new DataSet(types.map((t) => ({ id: t, content: t })));
  const box = document.createElement("div");
  box.style.width = `${WIDTH}px`;
  root.replaceChildren(box);
  const view = new Timeline(box, items, groups, { maxHeight: 800, verticalScroll: true });
  const centrePanel = box.querySelector(".vis-panel.vis-center") as Element;
  const at = centre(centrePanel);
  return {
    // vis-timeline zooms ×(1 + (deltaY/3)/5) per wheel event: deltaY 1.3 ≈ ×1.087, as Rasd's step.
    gesture: { zoomAt: at, panAt: at, wheelDelta: 1.3 },
    layoutRunning: () => false,
    dispose: () => view.destroy(),
  };
}

export function rasdGraph(root: HTMLElement, data: GraphData): Mounted {
  const view = graph(data, { width: WIDTH, height: GRAPH_HEIGHT });
  root.replaceChildren(view);
  const at = centre(view.querySelector("svg.graph") as Element, GRAPH_HEIGHT);
  return {
    // Drag from the top-left corner (background, away from the framed layout).
    gesture: { zoomAt: at, panAt: [at[0] - 600, 40], wheelDelta: 60 },
    layoutRunning: () => view.dataset.layout === "running",
    dispose: () => view.dispose(),
  };
}

export async function forceGraph(root: HTMLElement, data: GraphData): Promise<Mounted> {
  const { default: ForceGraph } = await import("force-graph");
  const box = document.createElement("div");
  root.replaceChildren(box);
  let running = true;
  const view = new ForceGraph(box)
    .width(WIDTH)
    .height(GRAPH_HEIGHT)
    .nodeLabel("label")
    .onEngineStop(() => {
      running = false;
    })
    .graphData({
      nodes: data.nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind, val: n.weight })),
      links: data.links.map((l) => ({ source: l.source, target: l.target })),
    });
  const at = centre(box.querySelector("canvas") as Element, GRAPH_HEIGHT);
  return {
    // force-graph's zoom is d3-zoom too: the same delta zooms by the same factor.
    gesture: { zoomAt: at, panAt: [at[0] - 600, 40], wheelDelta: 60 },
    layoutRunning: () => running,
    dispose: () => {
      view._destructor();
      box.remove();
    },
  };
}
