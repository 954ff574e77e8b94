import { evidenceFor } from "../data/evidence.ts";
import { search, timelineMarks } from "../data/load.ts";
import { relatedEvents } from "../data/related.ts";
import { timeline } from "../views/timeline.ts";
import { filterChips, removeChip, statusLine } from "./chips.ts";
import { swap } from "./dom.ts";
import { exportFromLink, updateExportLink } from "./export-action.ts";
import { GraphPanel } from "./graph-panel.ts";
import { bindControls, type Layout } from "./layout.ts";
import { type LoadName, loadRedraws, reactionTo, type ViewName } from "./reactions.ts";
import { bindSearch } from "./search.ts";
import type { AppState, Store } from "./state.ts";
import { type LazyViews, loadLazyViews, renderMap, renderStrip } from "./view-slots.ts";
import { emptyDataset, WorkspaceData } from "./workspace-data.ts";

/**
 * The app shell: turns state changes into loads and redraws (the table in
 * `reactions.ts`), draws each view into its slot, and turns the views' `input`
 * events into state changes. Loading and caching live in `WorkspaceData`,
 * control wiring in `layout.ts`, the graph's own state and actions in
 * `GraphPanel`, exporting in `export-action.ts`.
 */
export class Shell {
  readonly data = new WorkspaceData();
  readonly layout: Layout;
  readonly store: Store;
  readonly graph: GraphPanel;
  #source: ViewName | null = null;
  #lazy: LazyViews | null = null;
  #domainTimer: ReturnType<typeof setTimeout> | undefined;
  #pointerDown = false;
  /** The as-of marker had the focus when the timeline was last swapped out. */
  #asOfFocus = false;
  #timelineStale = false;
  /** Failures to reach the API, shown in the status line. */
  onError: (error: Error) => void = (error) => {
    this.layout.status.textContent = `The server did not answer: ${error.message}`;
  };

  constructor(layout: Layout, store: Store) {
    this.layout = layout;
    this.store = store;
    this.graph = new GraphPanel({
      layout,
      data: this.data,
      store,
      set: (source, patch) => this.#set(source, patch),
      redraw: () => this.#render("graph"),
    });
    store.subscribe((state, previous) => this.#changed(state, previous));
    // Search answers as of the analyst's date, like every other view.
    bindSearch(
      layout,
      (text, signal) => search(text, signal, this.store.state.filters.asOf),
      store,
      (hit) => this.data.names.set(hit.id, hit.label),
    );
    bindControls(layout, {
      lanes: (v) => this.#set(null, { lanes: v as AppState["lanes"] }),
      confidence: (v) => this.#set(null, { filters: { ...this.store.state.filters, minConfidence: v } }),
      graphMode: (v) => this.#set(null, { graphMode: v as AppState["graphMode"] }),
      graphMetric: (v) => {
        this.graph.metric = v;
        this.#render("graph");
      },
      exportChanged: () => this.#updateExport(),
      exportClicked: (e) => {
        e.preventDefault();
        exportFromLink(this.layout, this.store.state, this.data.names, this.graph.shownIds().length);
      },
      graphButton: (action) => this.graph.button(action),
    });
    // A timeline redraw would cut a gesture short: wait until the button is up.
    layout.timeline.addEventListener("pointerdown", () => {
      this.#pointerDown = true;
    });
    addEventListener("pointerup", () => {
      this.#pointerDown = false;
      if (this.#timelineStale) this.#renderTimeline();
    });
  }

  /**
   * Loads everything the current state shows (at start, and after an ingest).
   * The timeline is the first meaningful paint, so its request goes alone
   * (the stats it needs are preloaded by the page): on a busy machine the
   * server answers one request sooner than three at once. The window's
   * events, the network, the selection and the lazy views (graph, map,
   * evidence, atlas) follow once it is drawn.
   */
  async load(): Promise<void> {
    this.data.forget();
    await this.data.loadStats();
    await this.#load("timeline");
    this.#renderTimeline();
    const rest = Promise.all(
      (["window", "network", "expansions", "selection"] as LoadName[]).map((l) => this.#load(l)),
    );
    const lazy = loadLazyViews().then((views) => {
      this.#lazy = views;
    });
    await Promise.all([rest, lazy]);
    this.#syncControls();
    this.#renderTimeline();
    this.#renderChips();
    this.#updateExport();
    for (const v of ["graph", "map", "evidence"] as ViewName[]) this.#render(v);
    this.#renderStrip();
  }

  renderAll(): void {
    this.#syncControls();
    for (const v of ["timeline", "graph", "map", "evidence"] as ViewName[]) this.#render(v);
    this.#renderChips();
    this.#updateExport();
  }

  #domain(): [Date, Date] {
    return (this.store.state.domain as [Date, Date] | null) ?? this.data.extent();
  }

  #timelineWidth() {
    return Math.max(420, Math.floor(this.layout.timeline.parentElement?.clientWidth ?? 800) - 4);
  }

  #load(name: LoadName): Promise<boolean> {
    const s = this.store.state;
    if (name === "timeline" || name === "timelineLater")
      return this.data.loadTimeline(s.filters, this.#domain(), this.#timelineWidth() - 176);
    if (name === "window") return this.data.loadWindow(s.filters, s.window);
    if (name === "network")
      return s.graphMode === "actors" ? this.data.loadNetwork(s.filters, s.window) : Promise.resolve(false);
    if (name === "expansions") return this.graph.loadExpansions();
    return this.data.loadSelection(s.selection);
  }

  /** Runs a load and redraws what it brings. */
  #after(name: LoadName) {
    this.#load(name).then(
      (changed) => {
        if (!changed) return;
        for (const v of loadRedraws[name]) this.#render(v);
        if (name === "window" || name === "network") this.#renderChips();
      },
      (error) => this.onError(error as Error),
    );
  }

  #changed(s: AppState, p: AppState) {
    const { redraw, load } = reactionTo(s, p, this.#source);
    this.#source = null;
    this.#syncControls();
    for (const v of redraw) this.#render(v);
    if (load.has("timeline")) this.data.slice = null;
    for (const name of load) {
      if (name !== "timelineLater") this.#after(name);
      else if (!load.has("timeline")) {
        clearTimeout(this.#domainTimer);
        this.#domainTimer = setTimeout(() => this.#after("timelineLater"), 250);
      }
    }
    if (load.has("window")) this.#renderChips();
    this.#updateExport();
  }

  #set(source: ViewName | null, patch: Partial<AppState>) {
    this.#source = source;
    this.store.set(patch);
    this.#source = null;
  }

  #render(view: ViewName) {
    if (view === "timeline") return this.#renderTimeline();
    const lazy = this.#lazy;
    if (!lazy) return;
    const s = this.store.state;
    if (view === "graph") this.graph.render(lazy);
    else if (view === "map") {
      const m = renderMap(lazy, this.layout.map, this.data, s);
      m.addEventListener("input", () => {
        const v = m.value;
        if (v.brushed) this.#set(null, { filters: { ...this.store.state.filters, locations: v.brushed } });
        else this.#set("map", { selection: v.selection });
      });
    } else this.#renderEvidence(lazy);
  }

  #renderTimeline() {
    if (this.#pointerDown) {
      this.#timelineStale = true;
      return;
    }
    this.#timelineStale = false;
    const s = this.store.state;
    const slice = this.data.slice;
    const data = slice?.data ?? emptyDataset;
    const view = timeline(
      { events: data.events, marks: timelineMarks(data), buckets: slice?.data ? null : slice?.buckets },
      {
        width: this.#timelineWidth(),
        // The panel's visible height: all rows show above the axis when they can (the strip is below).
        height: this.layout.timeline.parentElement?.clientHeight || undefined,
        lanes: s.lanes,
        extent: this.data.extent(),
        domain: s.domain,
        window: s.window,
        selection: s.selection,
        highlight: relatedEvents(this.data.dataset().events, s.selection),
        asOf: s.filters.asOf,
        onAsOf: (asOf) => this.#set(null, { filters: { ...this.store.state.filters, asOf } }),
      },
    );
    view.addEventListener("input", () => {
      const v = view.value;
      const st = this.store.state;
      if (String(v.window) !== String(st.window) || v.selection !== st.selection)
        this.#set("timeline", { window: v.window, selection: v.selection, domain: v.domain });
      else this.#set("timeline", { domain: v.domain });
    });
    // Stepping the as-of marker with keys reloads and redraws the timeline: the new marker keeps the focus,
    // also across a redraw in between that has no marker (while loading).
    const active = document.activeElement;
    if (active?.closest(".as-of-marker")) this.#asOfFocus = true;
    else if (active && active !== document.body) this.#asOfFocus = false;
    swap(this.layout.timeline, view);
    const marker = this.#asOfFocus ? view.querySelector<SVGGElement>(".as-of-marker") : null;
    if (marker) {
      marker.focus();
      this.#asOfFocus = false;
    }
    this.#renderStrip();
    const total = slice?.total ?? 0;
    this.layout.timelineTitle.textContent = !slice
      ? "loading…"
      : total === 0
        ? this.data.stats.events
          ? "no events in this view — zoom out, or clear the filters"
          : "no events yet — use Ingest article… to add one"
        : `${total} event${total === 1 ? "" : "s"} around this view${slice.data ? "" : " (counts per period; zoom in for the events)"}`;
  }

  /** The weekly small multiples under the timeline (a lazy view: skipped until it has loaded). */
  #renderStrip() {
    if (this.#lazy) renderStrip(this.#lazy, this.layout.strip, this.data, this.#timelineWidth());
  }

  #renderEvidence(lazy: LazyViews) {
    const s = this.store.state;
    const view = lazy.evidence(s.selection ? evidenceFor(this.data.dataset(), s.selection) : null);
    view.addEventListener("input", () => this.#set(null, { selection: view.value }));
    swap(this.layout.evidence, view);
    const selected = s.selection;
    if (selected?.startsWith("event:"))
      import("./sources-panel.ts").then((m) => m.showSources(view, selected, s.filters.asOf));
    if (selected && !selected.startsWith("article:"))
      import("./edit-section.ts").then((m) => m.showEditor(view, selected, () => this.load()));
    // The whole article is shown: scroll each passage to its first highlight.
    for (const box of view.querySelectorAll<HTMLElement>(".passage-text.whole")) {
      const mark = box.querySelector<HTMLElement>("mark");
      if (mark) box.scrollTop = mark.offsetTop - box.offsetTop - 40;
    }
  }

  #renderChips() {
    const view = filterChips(this.store.state, this.data.names);
    view.addEventListener("input", () => {
      if (view.value) this.#set(null, removeChip(this.store.state, view.value));
    });
    swap(this.layout.chips, view);
    const d = this.data;
    this.layout.status.textContent = statusLine(
      this.store.state,
      d.windowEvents.events.length,
      d.windowTotal,
      d.stats.events,
    );
  }

  #syncControls() {
    const s = this.store.state;
    this.layout.lanes.value = s.lanes;
    this.layout.graphMode.value = s.graphMode;
    this.layout.confidence.value = String(s.filters.minConfidence);
    if (this.layout.confidence.value !== String(s.filters.minConfidence)) this.layout.confidence.value = "0";
  }

  #updateExport() {
    updateExportLink(this.layout, this.store.state, this.graph.shownIds());
  }
}
