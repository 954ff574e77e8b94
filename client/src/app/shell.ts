import { evidenceFor } from "../data/evidence.ts";
import { exportUrl } from "../data/export-url.ts";
import { filterEvents } from "../data/filters.ts";
import { actorNetwork, eventGraph, mergeGraphs, neighbours } from "../data/graph-data.ts";
import { timelineMarks } from "../data/load.ts";
import { mapPoints } from "../data/map-data.ts";
import type { Dataset, GraphData } from "../data/model.ts";
import { searchIndex } from "../data/search.ts";
import { worldCountries } from "../data/world.ts";
import { evidence } from "../views/evidence.ts";
import { type GraphAction, type GraphElement, graph } from "../views/graph.ts";
import { map } from "../views/map.ts";
import { timeline } from "../views/timeline.ts";
import { filterChips, removeChip } from "./chips.ts";
import { swap } from "./dom.ts";
import type { Layout } from "./layout.ts";
import { bindSearch } from "./search.ts";
import type { AppState, Store } from "./state.ts";

/** Which views a state change redraws; the view that caused it keeps itself. */
type ViewName = "timeline" | "graph" | "map" | "evidence";

/**
 * The app shell: owns the store, draws each view into its slot from the
 * shared state, and turns the views' `input` events into state changes.
 */
export class Shell {
  #data: Dataset;
  #search: ReturnType<typeof searchIndex>;
  #pinned = new Set<string>();
  #source: ViewName | null = null;
  #graphView: GraphElement | null = null;
  readonly layout: Layout;
  readonly store: Store;

  constructor(layout: Layout, store: Store, data: Dataset) {
    this.layout = layout;
    this.store = store;
    this.#data = data;
    this.#search = searchIndex(data);
    store.subscribe((state, previous) => this.#changed(state, previous));
    bindSearch(layout, (text) => this.#search(text), store);
    this.#bindControls();
  }

  /** Replaces the data (after an ingest) and redraws everything. */
  setData(data: Dataset): void {
    this.#data = data;
    this.#search = searchIndex(data);
    this.renderAll();
  }

  get data(): Dataset {
    return this.#data;
  }

  renderAll(): void {
    this.#syncControls();
    this.#renderTimeline();
    this.#renderGraph();
    this.#renderMap();
    this.#renderEvidence();
    this.#renderChips();
    this.#updateExport();
  }

  #changed(s: AppState, p: AppState) {
    const source = this.#source;
    this.#source = null;
    const filters = JSON.stringify(s.filters) !== JSON.stringify(p.filters);
    const window = String(s.window) !== String(p.window);
    const selection = s.selection !== p.selection;
    const graphShape =
      s.graphMode !== p.graphMode ||
      String(s.expanded) !== String(p.expanded) ||
      String(s.removed) !== String(p.removed);
    const redraw = new Set<ViewName>();
    if (filters || s.lanes !== p.lanes) redraw.add("timeline").add("graph").add("map");
    if (window) redraw.add("graph").add("map");
    if (selection) redraw.add("timeline").add("graph").add("map").add("evidence");
    if (graphShape) redraw.add("graph");
    // The view that reported a window or selection already shows it; redrawing it would cut a brush or drag short.
    if (source && !filters && s.lanes === p.lanes && !graphShape) redraw.delete(source);
    this.#syncControls();
    if (redraw.has("timeline")) this.#renderTimeline();
    if (redraw.has("graph")) this.#renderGraph();
    if (redraw.has("map")) this.#renderMap();
    if (redraw.has("evidence")) this.#renderEvidence();
    if (filters || window) this.#renderChips();
    this.#updateExport();
  }

  #set(source: ViewName | null, patch: Partial<AppState>) {
    this.#source = source;
    this.store.set(patch);
    this.#source = null;
  }

  /** Events passing the filters (the timeline shows all time), and those also in the window (graph, map). */
  #filtered() {
    const s = this.store.state;
    const all = filterEvents(this.#data.events, s.filters);
    return { all, inWindow: s.window ? filterEvents(all, s.filters, s.window) : all };
  }

  #width(slot: HTMLElement, min: number) {
    return Math.max(min, Math.floor(slot.clientWidth || (slot.parentElement?.clientWidth ?? 800) - 24));
  }

  #renderTimeline() {
    const s = this.store.state;
    const { all } = this.#filtered();
    const marks = timelineMarks(this.#data);
    const view = timeline(
      { events: all, marks },
      {
        width: this.#width(this.layout.timeline, 420),
        lanes: s.lanes,
        domain: s.domain,
        window: s.window,
        selection: s.selection,
      },
    );
    view.addEventListener("input", () => {
      const v = view.value;
      const st = this.store.state;
      if (String(v.window) !== String(st.window) || v.selection !== st.selection)
        this.#set("timeline", { window: v.window, selection: v.selection, domain: v.domain });
      else this.#set("timeline", { domain: v.domain });
    });
    swap(this.layout.timeline, view);
    const shown = s.window ? this.#filtered().inWindow.length : all.length;
    this.layout.timelineTitle.textContent = ` — ${all.length} events${s.window ? `, ${shown} in the brushed window` : ""}`;
  }

  #graphData(): GraphData {
    const s = this.store.state;
    const { inWindow } = this.#filtered();
    if (s.graphMode === "actors") return mergeGraphs([actorNetwork(inWindow)], new Set(s.removed));
    const parts = [eventGraph(inWindow), ...s.expanded.map((id) => neighbours(this.#data.events, id))];
    return mergeGraphs(parts, new Set(s.removed));
  }

  #renderGraph() {
    const s = this.store.state;
    const data = this.#graphData();
    const view = graph(data, {
      width: this.#width(this.layout.graph, 320),
      height: 460,
      selection: s.selection,
      pinned: this.#pinned,
      positions: this.#graphView?.positions,
    });
    view.addEventListener("input", () => this.#set("graph", { selection: view.value.selection }));
    view.addEventListener("graph-action", (e) => this.#graphAction((e as CustomEvent<GraphAction>).detail));
    this.#graphView = view;
    swap(this.layout.graph, view);
  }

  #graphAction({ action, id }: GraphAction) {
    const s = this.store.state;
    if (action === "expand") {
      if (s.graphMode === "actors") this.#set(null, { graphMode: "events" });
      if (!this.store.state.expanded.includes(id))
        this.#set(null, {
          expanded: [...this.store.state.expanded, id],
          removed: s.removed.filter((r) => r !== id),
          selection: id,
        });
    } else if (action === "remove")
      this.#set(null, {
        removed: [...new Set([...s.removed, id])],
        expanded: s.expanded.filter((x) => x !== id),
        selection: s.selection === id ? null : s.selection,
      });
    else if (action === "pin") this.#pinned.add(id);
    else if (action === "unpin") this.#pinned.delete(id);
  }

  #renderMap() {
    const s = this.store.state;
    const view = map(mapPoints(this.#filtered().inWindow), {
      width: this.#width(this.layout.map, 280),
      height: 460,
      land: worldCountries(),
      selection: s.selection,
      chosen: s.filters.locations,
    });
    view.addEventListener("input", () => {
      const v = view.value;
      if (v.brushed) this.#set(null, { filters: { ...this.store.state.filters, locations: v.brushed } });
      else this.#set("map", { selection: v.selection });
    });
    swap(this.layout.map, view);
  }

  #renderEvidence() {
    const s = this.store.state;
    const view = evidence(s.selection ? evidenceFor(this.#data, s.selection) : null);
    view.addEventListener("input", () => this.#set(null, { selection: view.value }));
    swap(this.layout.evidence, view);
  }

  #renderChips() {
    const view = filterChips(this.store.state, this.#data);
    view.addEventListener("input", () => {
      if (view.value) this.#set(null, removeChip(this.store.state, view.value));
    });
    swap(this.layout.chips, view);
    const { all, inWindow } = this.#filtered();
    this.layout.status.textContent = `${inWindow.length} of ${all.length} events shown · ${this.#data.events.length} loaded`;
  }

  #syncControls() {
    const s = this.store.state;
    this.layout.lanes.value = s.lanes;
    this.layout.graphMode.value = s.graphMode;
    this.layout.confidence.value = String(s.filters.minConfidence);
    if (this.layout.confidence.value !== String(s.filters.minConfidence)) this.layout.confidence.value = "0";
  }

  #updateExport() {
    const s = this.store.state;
    const scope = this.layout.exportScope.value;
    const format = this.layout.exportFormat.value;
    const shownIds = (this.#graphView ? [...this.#graphView.positions.keys()] : []).slice(0, 2000);
    this.layout.exportLink.href = exportUrl({
      format,
      all: scope === "all",
      ids:
        scope === "selection" && s.selection
          ? [s.selection]
          : scope === "shown" && (s.expanded.length || s.removed.length)
            ? shownIds
            : [],
      hops: scope === "selection" ? 1 : 0,
      window: s.window,
      filters: s.filters,
    });
  }

  #bindControls() {
    const { lanes, confidence, graphMode, exportFormat, exportScope, legendButton, legend } = this.layout;
    lanes.addEventListener("change", () => this.#set(null, { lanes: lanes.value as AppState["lanes"] }));
    confidence.addEventListener("change", () =>
      this.#set(null, { filters: { ...this.store.state.filters, minConfidence: Number(confidence.value) } }),
    );
    graphMode.addEventListener("change", () =>
      this.#set(null, { graphMode: graphMode.value as AppState["graphMode"] }),
    );
    exportFormat.addEventListener("change", () => this.#updateExport());
    exportScope.addEventListener("change", () => this.#updateExport());
    legendButton.addEventListener("click", () => {
      legend.hidden = !legend.hidden;
      legendButton.setAttribute("aria-expanded", String(!legend.hidden));
    });
    const onSelection = (fn: (id: string) => void) => () => {
      const id = this.store.state.selection;
      if (id) fn(id);
    };
    document.getElementById("graph-expand")?.addEventListener(
      "click",
      onSelection((id) => this.#graphAction({ action: "expand", id })),
    );
    document.getElementById("graph-remove")?.addEventListener(
      "click",
      onSelection((id) => this.#graphAction({ action: "remove", id })),
    );
    document.getElementById("graph-pin")?.addEventListener(
      "click",
      onSelection((id) => {
        if (this.#pinned.has(id)) this.#pinned.delete(id);
        else {
          this.#pinned.add(id);
        }
        this.#renderGraph();
      }),
    );
    document.getElementById("graph-reset")?.addEventListener("click", () => {
      this.#pinned.clear();
      this.#graphView = null;
      this.#set(null, { expanded: [], removed: [] });
      this.#renderGraph();
    });
  }
}
