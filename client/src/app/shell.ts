import { evidenceFor } from "../data/evidence.ts";
import { exportUrl } from "../data/export-url.ts";
import { eventGraph, mergeGraphs } from "../data/graph-data.ts";
import {
  loadActorNetwork,
  loadEvents,
  loadNeighbourhood,
  loadNodes,
  loadStats,
  loadTimeline,
  type Stats,
  search,
  type TimelineSlice,
  timelineMarks,
} from "../data/load.ts";
import { mapPoints } from "../data/map-data.ts";
import type { Article, Dataset, GraphData } from "../data/model.ts";
import { mergeDatasets } from "../data/shape.ts";
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

const empty: Dataset = { events: [], claims: [], articles: [] };
const day = 24 * 3600 * 1000;

/** The most events the graph, map and evidence panel load for a window (pages of 500). */
const windowCap = 2000;

/**
 * Runs one request at a time per resource: a newer request aborts the older,
 * and only the latest answer is kept.
 */
class Latest {
  #controller: AbortController | null = null;
  async run<T>(load: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    try {
      const value = await load(controller.signal);
      return controller.signal.aborted ? undefined : value;
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      throw error;
    }
  }
}

/**
 * The app shell: owns the store, asks the API for what the state shows, draws
 * each view into its slot, and turns the views' `input` events into state
 * changes. Nothing here fetches every event: the timeline reads the server's
 * level of detail for its domain, the other views a capped page of the window.
 */
export class Shell {
  #stats: Stats = { events: 0, earliest: null, latest: null };
  #slice: TimelineSlice | null = null;
  #windowEvents: Dataset = empty;
  #windowTotal = 0;
  /** Events fetched for a selection outside the window, and articles with their text. */
  #extra: Dataset = empty;
  #texts = new Map<string, Article>();
  #expansions = new Map<string, GraphData>();
  #network: GraphData | null = null;
  /** Names seen (search hits, loaded events), for chips. */
  #names = new Map<string, string>();
  #pinned = new Set<string>();
  #source: ViewName | null = null;
  #graphView: GraphElement | null = null;
  #requests = {
    timeline: new Latest(),
    window: new Latest(),
    network: new Latest(),
    selection: new Latest(),
  };
  #domainTimer: ReturnType<typeof setTimeout> | undefined;
  #pointerDown = false;
  #timelineStale = false;
  readonly layout: Layout;
  readonly store: Store;
  /** Failures to reach the API, shown in the status line. */
  onError: (error: Error) => void = (error) => {
    this.layout.status.textContent = `The server did not answer: ${error.message}`;
  };

  constructor(layout: Layout, store: Store) {
    this.layout = layout;
    this.store = store;
    store.subscribe((state, previous) => this.#changed(state, previous));
    bindSearch(layout, search, store, (hit) => this.#names.set(hit.id, hit.label));
    this.#bindControls();
    // A timeline redraw would cut a gesture short: wait until the button is up.
    layout.timeline.addEventListener("pointerdown", () => {
      this.#pointerDown = true;
    });
    addEventListener("pointerup", () => {
      this.#pointerDown = false;
      if (this.#timelineStale) this.#renderTimeline();
    });
  }

  /** Loads everything the current state shows (at start, and after an ingest). */
  async load(): Promise<void> {
    this.#stats = await loadStats();
    this.#slice = null;
    this.#expansions.clear();
    this.#extra = empty;
    await Promise.all([
      this.#loadTimeline(),
      this.#loadWindow(),
      this.#loadNetwork(),
      this.#loadExpansions(),
      this.#loadSelection(),
    ]);
    this.renderAll();
  }

  /** Everything loaded, for tests and the ingest dialog. */
  get data(): Dataset {
    return this.#dataset();
  }

  #dataset(): Dataset {
    return mergeDatasets(this.#windowEvents, this.#slice?.data ?? empty, this.#extra, {
      events: [],
      claims: [],
      articles: [...this.#texts.values()],
    });
  }

  /** The time range the timeline opens on: the graph's, padded; a month around now when empty. */
  #extent(): [Date, Date] {
    const { earliest, latest } = this.#stats;
    if (!earliest || !latest) return [new Date(Date.now() - 30 * day), new Date()];
    const pad = Math.max((latest.getTime() - earliest.getTime()) * 0.05, day);
    return [new Date(earliest.getTime() - pad), new Date(latest.getTime() + pad)];
  }

  #domain(): [Date, Date] {
    return (this.store.state.domain as [Date, Date] | null) ?? this.#extent();
  }

  /** Whether the loaded slice still draws the domain well (same detail, covers it). */
  #sliceFits(domain: [Date, Date]): boolean {
    const slice = this.#slice;
    if (!slice) return false;
    const [a, b] = domain.map(Number);
    const covers = a >= slice.from.getTime() && b <= slice.to.getTime();
    if (slice.data) return covers;
    const span = (slice.to.getTime() - slice.from.getTime()) / 2;
    return covers && span / (b - a) < 1.5 && (b - a) / span < 1.5;
  }

  async #loadTimeline(): Promise<boolean> {
    const domain = this.#domain();
    if (this.#sliceFits(domain)) return false;
    const [a, b] = domain.map(Number);
    const span = b - a;
    // Half a view either side, so a pan does not ask again at once.
    const range: [Date, Date] = [new Date(a - span / 2), new Date(b + span / 2)];
    const width = this.#width(this.layout.timeline, 420) - 176;
    const slice = await this.#requests.timeline.run((signal) =>
      loadTimeline(this.store.state.filters, range, { buckets: Math.min(1000, (width * 2) / 4), signal }),
    );
    if (!slice) return false;
    this.#slice = slice;
    return true;
  }

  async #loadWindow(): Promise<void> {
    const s = this.store.state;
    const result = await this.#requests.window.run((signal) =>
      loadEvents(s.filters, s.window, { cap: windowCap, signal }),
    );
    if (!result) return;
    this.#windowEvents = result.data;
    this.#windowTotal = result.total;
    for (const e of result.data.events) {
      for (const a of e.actors) this.#names.set(a.id, a.name);
      for (const l of e.locations) this.#names.set(l.id, l.name);
    }
  }

  async #loadNetwork(): Promise<void> {
    const s = this.store.state;
    if (s.graphMode !== "actors") return;
    const network = await this.#requests.network.run((signal) => loadActorNetwork(s.filters, s.window, signal));
    if (network) this.#network = network;
  }

  async #loadExpansions(): Promise<boolean> {
    const missing = this.store.state.expanded.filter((id) => !this.#expansions.has(id));
    const graphs = await Promise.all(missing.map((id) => loadNeighbourhood(id)));
    missing.forEach((id, i) => {
      this.#expansions.set(id, graphs[i]);
      for (const n of graphs[i].nodes) this.#names.set(n.id, n.label);
    });
    return missing.length > 0;
  }

  /** The selected event when it is not loaded, and the full text of the articles its evidence cites. */
  async #loadSelection(): Promise<boolean> {
    const id = this.store.state.selection;
    if (!id) return false;
    return (
      (await this.#requests.selection.run(async (signal) => {
        let known = this.#dataset();
        let changed = false;
        if (id.startsWith("event:") && !this.#extra.events.some((e) => e.id === id)) {
          const { data } = await loadNodes([id], signal);
          this.#extra = mergeDatasets(this.#extra, data);
          known = this.#dataset();
          changed = true;
        }
        const focus = evidenceFor(known, id);
        const cited = new Set(focus?.passages.map((p) => p.articleId) ?? []);
        const wanted = [...cited].filter((a) => !this.#texts.has(a));
        if (wanted.length) {
          const { articles } = await loadNodes(wanted, signal);
          for (const a of articles) this.#texts.set(a.id, a);
          changed = true;
        }
        return changed;
      })) ?? false
    );
  }

  /** Runs a load and redraws the given views when it brings something new. */
  #after(load: Promise<unknown>, ...views: ViewName[]) {
    load.then(
      (changed) => {
        if (changed === false) return;
        for (const v of views) this.#render(v);
        if (views.includes("graph") || views.includes("map")) this.#renderChips();
      },
      (error) => this.onError(error as Error),
    );
  }

  #render(view: ViewName) {
    if (view === "timeline") this.#renderTimeline();
    else if (view === "graph") this.#renderGraph();
    else if (view === "map") this.#renderMap();
    else this.#renderEvidence();
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
    const domain = String(s.domain) !== String(p.domain);
    const selection = s.selection !== p.selection;
    const expansions = String(s.expanded) !== String(p.expanded);
    const graphShape = s.graphMode !== p.graphMode || expansions || String(s.removed) !== String(p.removed);
    const redraw = new Set<ViewName>();
    if (s.lanes !== p.lanes) redraw.add("timeline");
    if (selection) redraw.add("timeline").add("graph").add("map").add("evidence");
    if (graphShape) redraw.add("graph");
    // The view that reported a window or selection already shows it; redrawing it would cut a brush or drag short.
    if (source && !filters && s.lanes === p.lanes && !graphShape) redraw.delete(source);
    this.#syncControls();
    for (const v of redraw) this.#render(v);
    if (filters) {
      this.#slice = null;
      this.#after(this.#loadTimeline(), "timeline");
    } else if (domain) {
      clearTimeout(this.#domainTimer);
      this.#domainTimer = setTimeout(() => this.#after(this.#loadTimeline(), "timeline"), 250);
    }
    if (filters || window) {
      this.#after(this.#loadWindow(), "graph", "map", "evidence");
      this.#after(this.#loadNetwork(), "graph");
      this.#renderChips();
    } else if (s.graphMode !== p.graphMode) this.#after(this.#loadNetwork(), "graph");
    if (expansions) this.#after(this.#loadExpansions(), "graph");
    if (selection) this.#after(this.#loadSelection(), "evidence", "timeline");
    this.#updateExport();
  }

  #set(source: ViewName | null, patch: Partial<AppState>) {
    this.#source = source;
    this.store.set(patch);
    this.#source = null;
  }

  #width(slot: HTMLElement, min: number) {
    return Math.max(min, Math.floor(slot.clientWidth || (slot.parentElement?.clientWidth ?? 800) - 24));
  }

  #renderTimeline() {
    if (this.#pointerDown) {
      this.#timelineStale = true;
      return;
    }
    this.#timelineStale = false;
    const s = this.store.state;
    const slice = this.#slice;
    const data = slice?.data ?? empty;
    const view = timeline(
      { events: data.events, marks: timelineMarks(data), buckets: slice?.data ? null : slice?.buckets },
      {
        width: this.#width(this.layout.timeline, 420),
        lanes: s.lanes,
        extent: this.#extent(),
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
    const total = slice?.total ?? 0;
    this.layout.timelineTitle.textContent = slice
      ? ` — ${total} event${total === 1 ? "" : "s"} around this view${slice.data ? "" : " (counts per period; zoom in for the events)"}`
      : " — loading…";
  }

  #graphData(): GraphData {
    const s = this.store.state;
    const removed = new Set(s.removed);
    if (s.graphMode === "actors") return mergeGraphs([this.#network ?? { nodes: [], links: [] }], removed);
    const parts = [
      eventGraph(this.#windowEvents.events),
      ...s.expanded.map((id) => this.#expansions.get(id) ?? { nodes: [], links: [] }),
    ];
    return mergeGraphs(parts, removed);
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
    const view = map(mapPoints(this.#windowEvents.events), {
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
    const view = evidence(s.selection ? evidenceFor(this.#dataset(), s.selection) : null);
    view.addEventListener("input", () => this.#set(null, { selection: view.value }));
    swap(this.layout.evidence, view);
    // The whole article is shown: scroll each passage to its first highlight.
    for (const box of view.querySelectorAll<HTMLElement>(".passage-text.whole")) {
      const mark = box.querySelector<HTMLElement>("mark");
      if (mark) box.scrollTop = mark.offsetTop - box.offsetTop - 40;
    }
  }

  #renderChips() {
    const view = filterChips(this.store.state, this.#names);
    view.addEventListener("input", () => {
      if (view.value) this.#set(null, removeChip(this.store.state, view.value));
    });
    swap(this.layout.chips, view);
    const shown = this.#windowEvents.events.length;
    const total = this.#windowTotal;
    this.layout.status.textContent = `${total} event${total === 1 ? "" : "s"} ${this.store.state.window ? "in the window" : "match"}${shown < total ? `, the first ${shown} in the graph and map (narrow the window for the rest)` : ""} · ${this.#stats.events} in the graph`;
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
