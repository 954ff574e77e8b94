import type { FeatureCollection, Geometry } from "geojson";
import { eventGraph, mergeGraphs, overviewGraph } from "../data/graph-data.ts";
import { mapPoints } from "../data/map-data.ts";
import type { GraphData } from "../data/model.ts";
import type { GraphElement } from "../views/graph.ts";
import { swap } from "./dom.ts";
import type { AppState } from "./state.ts";
import type { WorkspaceData } from "./workspace-data.ts";

/**
 * The views that are not needed for the first paint (graph, map, evidence,
 * the weekly strip), loaded as their own chunks while the timeline draws.
 */
export async function loadLazyViews() {
  const [g, m, e, s, w] = await Promise.all([
    import("../views/graph.ts"),
    import("../views/map.ts"),
    import("../views/evidence.ts"),
    import("../views/week-strip.ts"),
    import("../data/world.ts"),
  ]);
  const land: FeatureCollection<Geometry> = await w.worldCountries("110m");
  let detailed: Promise<FeatureCollection<Geometry>> | null = null;
  return {
    graph: g.graph,
    map: m.map,
    evidence: e.evidence,
    strip: s.weekStrip,
    land,
    /** The 1:50m atlas, fetched the first time a map is zoomed in. */
    detailedLand() {
      detailed ??= w.worldCountries("50m");
      return detailed;
    },
  };
}

export type LazyViews = Awaited<ReturnType<typeof loadLazyViews>>;

const sizeOf = (slot: HTMLElement, minW: number, minH: number) => ({
  width: Math.max(minW, Math.floor(slot.clientWidth)),
  height: Math.max(minH, Math.floor(slot.clientHeight)),
});

/** Above this many nodes the window's event graph opens as its actor–place overview. */
export const overviewAbove = 250;

/**
 * The graph the state asks for: the actor network, or the window's events
 * plus expansions, minus removals. A busy window starts from its overview
 * (actors and places) and grows by Expand; `note` says so.
 */
export function graphData(data: WorkspaceData, s: AppState): { graph: GraphData; note: string } {
  const removed = new Set(s.removed);
  if (s.graphMode === "actors")
    return { graph: mergeGraphs([data.network ?? { nodes: [], links: [] }], removed), note: "" };
  const events = data.windowEvents.events;
  let base = eventGraph(events);
  let note = "";
  if (base.nodes.length > overviewAbove) {
    base = overviewGraph(events);
    note = `Overview of ${events.length} events: who acts with whom, and where. Select a node and Expand, or narrow the window.`;
  }
  const parts = [base, ...s.expanded.map((id) => data.expansions.get(id) ?? { nodes: [], links: [] })];
  return { graph: mergeGraphs(parts, removed), note };
}

export function renderGraph(
  views: LazyViews,
  slot: HTMLElement,
  data: WorkspaceData,
  s: AppState,
  o: { pinned: Set<string>; metric: string; previous: GraphElement | null; note: (text: string) => void },
): GraphElement {
  const { graph: g, note } = graphData(data, s);
  o.note(note);
  const view = views.graph(g, {
    ...sizeOf(slot, 320, 240),
    selection: s.selection,
    pinned: o.pinned,
    positions: o.previous?.positions,
    transform: o.previous?.transform,
    metric: o.metric as "degree",
    empty:
      s.graphMode === "actors"
        ? "No actors share an event in this window — widen the window or clear the filters."
        : "No events in this window — widen the window on the timeline, or clear the filters.",
  });
  swap(slot, view);
  return view;
}

export function renderMap(views: LazyViews, slot: HTMLElement, data: WorkspaceData, s: AppState) {
  const view = views.map(mapPoints(data.windowEvents.events), {
    ...sizeOf(slot, 280, 200),
    land: views.land,
    detailedLand: views.detailedLand,
    selection: s.selection,
    chosen: s.filters.locations,
  });
  swap(slot, view);
  return view;
}

export function renderStrip(views: LazyViews, slot: HTMLElement, data: WorkspaceData, width: number) {
  const slice = data.slice;
  swap(slot, views.strip(slice?.data?.events ?? [], slice?.buckets ?? [], { width }));
}
