import { request, requestGet } from "./api.ts";
import type { Filters, TimeWindow } from "./filters.ts";
import type { ResultOf, VariablesOf } from "./graphql.ts";
import type { Article, Dataset, GraphData, GraphNode, NodeKind, TimelineMark } from "./model.ts";
import {
  actorNetworkQuery,
  eventsPageQuery,
  neighborhoodQuery,
  nodesQuery,
  searchQuery,
  startQuery,
  statsQuery,
  timelineQuery,
} from "./queries.ts";
import type { SearchHit } from "./search.ts";
import { type RawEvent, shapeArticle, shapeDataset } from "./shape.ts";

/** The API's EventFilter input, as the schema types it. */
type EventFilter = NonNullable<VariablesOf<typeof eventsPageQuery>["filter"]>;

/** The most events one page asks for (the API's limit). */
export const pageSize = 500;

/** The API's EventFilter for the analyst's filters and a window. */
export function eventFilter(filters: Filters, range: TimeWindow = null): EventFilter {
  const f: EventFilter = {};
  if (filters.types.length) f.types = filters.types;
  if (filters.actors.length) f.actors = filters.actors.map((id) => ({ id }));
  if (filters.locations.length) f.locations = filters.locations;
  if (filters.minConfidence > 0) f.minConfidence = filters.minConfidence;
  if (filters.asOf) f.asOf = filters.asOf.toISOString();
  if (filters.minSources > 0) f.minIndependentSources = filters.minSources;
  if (range) f.window = { from: range[0].toISOString(), to: range[1].toISOString() };
  return f;
}

export interface Stats {
  events: number;
  earliest: Date | null;
  latest: Date | null;
}

/** Whether the start request index.html preloads is still unused (it answers the first `loadStart` only). */
let startPreloaded = true;

function shapeStats(stats: ResultOf<typeof statsQuery>["stats"]): Stats {
  return {
    events: stats.events,
    earliest: stats.earliest ? new Date(stats.earliest) : null,
    latest: stats.latest ? new Date(stats.latest) : null,
  };
}

/**
 * The graph's size and time range, and — the first time — the unfiltered
 * timeline of the whole graph with its events when it has at most
 * timelineMaxEvents (queries.ts `startQuery`; else `overview` has no events).
 * The first call takes the answer the page preloaded (the timeline cannot ask
 * for its range before it): by the time the script runs, it has usually
 * arrived. Later calls (after an ingest, or after an outage) ask for the
 * stats afresh, with no overview.
 */
export async function loadStart(signal?: AbortSignal): Promise<{ stats: Stats; overview: TimelineSlice | null }> {
  if (startPreloaded) {
    startPreloaded = false;
    const { stats, timeline } = await requestGet(startQuery, { signal });
    return { stats: shapeStats(stats), overview: shapeSlice(timeline) };
  }
  const { stats } = await request(statsQuery, {}, { signal });
  return { stats: shapeStats(stats), overview: null };
}

/** Events matching the filters in the window, a page at a time, at most `cap` of `total`. */
export async function loadEvents(
  filters: Filters,
  range: TimeWindow,
  { cap = 2000, signal }: { cap?: number; signal?: AbortSignal } = {},
): Promise<{ data: Dataset; total: number }> {
  const raw: RawEvent[] = [];
  let after: string | null = null;
  let total = 0;
  do {
    const page: ResultOf<typeof eventsPageQuery> = await request(
      eventsPageQuery,
      { filter: eventFilter(filters, range), first: Math.min(pageSize, cap - raw.length), after },
      { signal },
    );
    total = page.events.totalCount;
    raw.push(...page.events.nodes);
    after = page.events.pageInfo.hasNextPage ? page.events.pageInfo.endCursor : null;
  } while (after && raw.length < cap);
  return { data: shapeDataset(raw), total };
}

/** A bucket of the timeline's level of detail: how many events of each type overlap [start, end). */
export interface Bucket {
  start: Date;
  end: Date;
  count: number;
  byType: { type: string; count: number }[];
}

export interface TimelineSlice {
  from: Date;
  to: Date;
  total: number;
  buckets: Bucket[];
  /** The events themselves when few enough (the server decides), else null. */
  data: Dataset | null;
}

/** The most events one timeline answer carries (more are drawn from bucket counts; startQuery asks for as many). */
export const timelineMaxEvents = 1000;

/** The timeline for [from, to): bucket counts always, the events when at most `maxEvents` match. */
export async function loadTimeline(
  filters: Filters,
  [from, to]: [Date, Date],
  {
    buckets = 200,
    maxEvents = timelineMaxEvents,
    signal,
  }: { buckets?: number; maxEvents?: number; signal?: AbortSignal } = {},
): Promise<TimelineSlice> {
  const { timeline } = await request(
    timelineQuery,
    {
      filter: eventFilter(filters),
      from: from.toISOString(),
      to: to.toISOString(),
      buckets: Math.max(1, Math.min(1000, Math.round(buckets))),
      maxEvents,
    },
    { signal },
  );
  return shapeSlice(timeline);
}

function shapeSlice(timeline: ResultOf<typeof timelineQuery>["timeline"]): TimelineSlice {
  return {
    from: new Date(timeline.from),
    to: new Date(timeline.to),
    total: timeline.total,
    buckets: timeline.buckets.map((b) => ({ ...b, start: new Date(b.start), end: new Date(b.end) })),
    data: timeline.events ? shapeDataset(timeline.events) : null,
  };
}

/**
 * Most ids loadNodes asks for at once: one event, or the articles an event's
 * evidence cites (at most 50 passages); full details for more would pass the
 * API's cost limit.
 */
export const maxNodeIds = 50;

/** Events (full, with evidence) and articles (with their text) by id. */
export async function loadNodes(ids: string[], signal?: AbortSignal): Promise<{ data: Dataset; articles: Article[] }> {
  if (!ids.length) return { data: shapeDataset([]), articles: [] };
  const { nodes } = await request(nodesQuery, { ids: ids.slice(0, maxNodeIds) }, { signal });
  const events: RawEvent[] = [];
  const articles: Article[] = [];
  for (const n of nodes) {
    if (n?.__typename === "Event") events.push(n);
    else if (n?.__typename === "Article") articles.push(shapeArticle(n));
  }
  return { data: shapeDataset(events), articles };
}

type SearchNode = ResultOf<typeof searchQuery>["search"][number]["node"];

/** What the search box shows of a hit, by the kind of node it is. */
function searchHit(node: SearchNode): Omit<SearchHit, "score"> {
  switch (node.__typename) {
    case "Actor":
    case "Location":
      return {
        id: node.id,
        kind: node.__typename === "Actor" ? "actor" : "location",
        label: node.name,
        labelAr: node.nameAr,
        detail: node.kind,
      };
    case "Event":
      return { id: node.id, kind: "event", label: node.title, labelAr: null, detail: node.type };
    case "Claim":
      return {
        id: node.id,
        kind: "claim",
        label: node.gloss ?? node.text,
        labelAr: node.language === "ar" ? node.text : null,
        detail: node.certainty,
      };
  }
}

/** The API's search over names, aliases, titles and claims, as ranked hits. */
export async function search(text: string, signal?: AbortSignal, asOf: Date | null = null): Promise<SearchHit[]> {
  const { search } = await request(searchQuery, { text, first: 20, asOf: asOf?.toISOString() ?? null }, { signal });
  return search.map(({ score, node }) => ({ ...searchHit(node), score }));
}

const nodeKinds: Record<string, NodeKind> = { Actor: "actor", Event: "event", Location: "location", Claim: "claim" };

/** The neighbours one hop from `id`, as the server's graph walk finds them. */
export async function loadNeighbourhood(
  id: string,
  signal?: AbortSignal,
  asOf: Date | null = null,
): Promise<GraphData> {
  const { neighborhood } = await request(
    neighborhoodQuery,
    { ids: [id], limit: 300, filter: asOf ? { asOf: asOf.toISOString() } : null },
    { signal },
  );
  const nodes: GraphNode[] = neighborhood.nodes
    .filter((n) => nodeKinds[n.label])
    .map((n) => ({
      id: n.id,
      kind: nodeKinds[n.label],
      label: n.name,
      labelAr: n.node && "nameAr" in n.node ? n.node.nameAr : null,
      subtype: n.kind ?? "",
      weight: 1,
    }));
  const links = neighborhood.edges.map((e) => ({
    source: e.source,
    target: e.target,
    kind: e.role ?? e.type,
    weight: 1,
  }));
  return { nodes, links };
}

/**
 * The most ties the actor network asks for (the API's limit; strongest first).
 * Each tie is a few ids and a weight, and the graph draws thousands of links
 * on its canvas, so a busy window is shown whole rather than cut at 500.
 */
export const networkTies = 2000;

/** Actors tied by the events they share in the window; a tie's weight is how many. */
export async function loadActorNetwork(filters: Filters, range: TimeWindow, signal?: AbortSignal): Promise<GraphData> {
  const { actorNetwork } = await request(
    actorNetworkQuery,
    { filter: eventFilter(filters, range), first: networkTies },
    { signal },
  );
  return {
    nodes: actorNetwork.actors.map((a) => ({
      id: a.id,
      kind: "actor",
      label: a.name,
      labelAr: a.nameAr,
      subtype: a.kind,
      weight: a.eventCount,
    })),
    links: actorNetwork.ties.map((t) => ({
      source: t.source.id,
      target: t.target.id,
      kind: "CO_PARTICIPATION",
      weight: t.weight,
    })),
  };
}

/** Claims (when stated) and articles (when published) as timeline marks. */
export function timelineMarks(data: Dataset): TimelineMark[] {
  const marks: TimelineMark[] = [];
  for (const c of data.claims)
    if (c.statedAt)
      marks.push({
        id: c.id,
        kind: "claim",
        date: c.statedAt,
        label: `${c.claimant?.name ?? "unattributed"}: ${c.gloss ?? c.text}`,
        detail: c.certainty,
      });
  for (const a of data.articles)
    if (a.publishedAt)
      marks.push({ id: a.id, kind: "article", date: a.publishedAt, label: a.title, detail: a.publisher ?? "" });
  return marks;
}
