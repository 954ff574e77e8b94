import { evidenceFor } from "../data/evidence.ts";
import type { Filters, TimeWindow } from "../data/filters.ts";
import {
  eventFilter,
  loadActorNetwork,
  loadEvents,
  loadNeighbourhood,
  loadNodes,
  loadStart,
  loadTimeline,
  type Stats,
  type TimelineSlice,
  timelineMaxEvents,
} from "../data/load.ts";
import type { Article, Dataset, GraphData } from "../data/model.ts";
import { mergeDatasets } from "../data/shape.ts";

export const emptyDataset: Dataset = { events: [], claims: [], articles: [] };
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
 * What the workspace has loaded from the API, and the requests that load it:
 * one latest request per resource, answers cached until the state asks for
 * something else. Each `load*` resolves to whether it brought something new.
 */
export class WorkspaceData {
  stats: Stats = { events: 0, earliest: null, latest: null };
  slice: TimelineSlice | null = null;
  windowEvents: Dataset = emptyDataset;
  windowTotal = 0;
  /** Events fetched for a selection outside the window, and articles with their text. */
  extra: Dataset = emptyDataset;
  texts = new Map<string, Article>();
  expansions = new Map<string, GraphData>();
  #expansionsAsOf: number | null = null;
  network: GraphData | null = null;
  /** Names seen (search hits, loaded events), for chips. */
  names = new Map<string, string>();
  #requests = {
    timeline: new Latest(),
    window: new Latest(),
    network: new Latest(),
    selection: new Latest(),
  };

  /** Forgets everything but the names (at start and after an ingest), before anything is loaded again. */
  forget(): void {
    this.slice = null;
    this.expansions.clear();
    this.extra = emptyDataset;
  }

  /** The whole graph's timeline from the start request, until the first timeline load takes it. */
  #overview: TimelineSlice | null = null;

  /** The graph's size and time range, which the timeline opens on (and, at first, the whole graph's timeline). */
  async loadStats(): Promise<void> {
    const { stats, overview } = await loadStart();
    this.stats = stats;
    this.#overview = overview;
  }

  /** Everything loaded, merged; the window's events (all their fields) win over the timeline's leaner ones. */
  dataset(): Dataset {
    return mergeDatasets(this.slice?.data ?? emptyDataset, this.windowEvents, this.extra, {
      events: [],
      claims: [],
      articles: [...this.texts.values()],
    });
  }

  /** The time range the timeline opens on: the graph's, padded; a month around now when empty. */
  extent(): [Date, Date] {
    const { earliest, latest } = this.stats;
    if (!earliest || !latest) return [new Date(Date.now() - 30 * day), new Date()];
    const pad = Math.max((latest.getTime() - earliest.getTime()) * 0.05, day);
    return [new Date(earliest.getTime() - pad), new Date(latest.getTime() + pad)];
  }

  /** Whether the loaded slice still draws the domain well (same detail, covers it). */
  #sliceFits(domain: [Date, Date]): boolean {
    const slice = this.slice;
    if (!slice) return false;
    const [a, b] = domain.map(Number);
    const covers = a >= slice.from.getTime() && b <= slice.to.getTime();
    if (slice.data) return covers;
    const span = (slice.to.getTime() - slice.from.getTime()) / 2;
    return covers && span / (b - a) < 1.5 && (b - a) / span < 1.5;
  }

  /** The timeline's level of detail for the domain (half a view either side), about one bucket per 4 px. */
  async loadTimeline(filters: Filters, domain: [Date, Date], width: number): Promise<boolean> {
    // The start request's whole-graph timeline serves the first unfiltered load when it carries the events.
    const overview = this.#overview;
    this.#overview = null;
    if (!this.slice && overview?.data && Object.keys(eventFilter(filters)).length === 0) {
      this.slice = overview;
      if (this.#sliceFits(domain)) return true;
      this.slice = null;
    }
    if (this.#sliceFits(domain)) return false;
    const [a, b] = domain.map(Number);
    const span = b - a;
    const range: [Date, Date] = [new Date(a - span / 2), new Date(b + span / 2)];
    const load = (buckets: number) =>
      this.#requests.timeline.run((signal) => loadTimeline(filters, range, { buckets, signal }));
    const detail = Math.min(1000, (width * 2) / 4);
    // The buckets are drawn only in place of the events. When the whole graph has no more events
    // than an answer carries, the events come back, so one bucket will do: hundreds of empty
    // buckets cost the server more than the events on a small graph (the seed's first paint).
    const eventsWillFit = this.stats.events <= timelineMaxEvents;
    let slice = await load(eventsWillFit ? 1 : detail);
    // The graph grew past that since the stats were read: ask again with the buckets.
    if (slice && !slice.data && eventsWillFit) slice = await load(detail);
    if (!slice) return false;
    this.slice = slice;
    return true;
  }

  async loadWindow(filters: Filters, range: TimeWindow): Promise<boolean> {
    const result = await this.#requests.window.run((signal) => loadEvents(filters, range, { cap: windowCap, signal }));
    if (!result) return false;
    this.windowEvents = result.data;
    this.windowTotal = result.total;
    for (const e of result.data.events) {
      for (const a of e.actors) this.names.set(a.id, a.name);
      for (const l of e.locations) this.names.set(l.id, l.name);
    }
    return true;
  }

  async loadNetwork(filters: Filters, range: TimeWindow): Promise<boolean> {
    const network = await this.#requests.network.run((signal) => loadActorNetwork(filters, range, signal));
    if (network) this.network = network;
    return !!network;
  }

  /** The neighbourhoods of the expanded nodes not loaded yet. */
  async loadExpansions(expanded: string[], asOf: Date | null = null): Promise<boolean> {
    // Neighbourhoods are read as of the analyst's date: another date makes them all stale.
    if ((asOf?.getTime() ?? null) !== this.#expansionsAsOf) this.expansions.clear();
    this.#expansionsAsOf = asOf?.getTime() ?? null;
    const missing = expanded.filter((id) => !this.expansions.has(id));
    const graphs = await Promise.all(missing.map((id) => loadNeighbourhood(id, undefined, asOf)));
    missing.forEach((id, i) => {
      this.expansions.set(id, graphs[i]);
      for (const n of graphs[i].nodes) this.names.set(n.id, n.label);
    });
    return missing.length > 0;
  }

  /** The selected event when it is not loaded, and the full text of the articles its evidence cites. */
  async loadSelection(id: string | null): Promise<boolean> {
    if (!id) return false;
    return (
      (await this.#requests.selection.run(async (signal) => {
        let changed = false;
        if (id.startsWith("event:") && !this.extra.events.some((e) => e.id === id)) {
          const { data } = await loadNodes([id], signal);
          this.extra = mergeDatasets(this.extra, data);
          changed = true;
        }
        const focus = evidenceFor(this.dataset(), id);
        const cited = new Set(focus?.passages.map((p) => p.articleId) ?? []);
        const wanted = [...cited].filter((a) => !this.texts.has(a));
        if (wanted.length) {
          const { articles } = await loadNodes(wanted, signal);
          for (const a of articles) this.texts.set(a.id, a);
          changed = true;
        }
        return changed;
      })) ?? false
    );
  }
}
