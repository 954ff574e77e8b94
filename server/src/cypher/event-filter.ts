import type { Statement } from "../db/database.ts";
import { eventDatesAsOf } from "./as-of.ts";
import { fulltextQuery } from "./fulltext.ts";
import { spanCounts } from "./timeline-counts.ts";

/** What an analyst can filter events by (schema/event.ts maps the GraphQL input onto this). */
export interface EventFilter {
  from?: string | null;
  to?: string | null;
  /** OVERLAPS: the uncertain range may touch the window; WITHIN: it certainly lies inside. */
  match?: "OVERLAPS" | "WITHIN" | null;
  types?: string[] | null;
  /** Every listed actor took part, in the given role when one is given. */
  actors?: { id: string; role?: string | null }[] | null;
  /** In any of these places, or in a place within them (up to 4 levels down). */
  locations?: string[] | null;
  text?: string | null;
  minConfidence?: number | null;
  articles?: string[] | null;
  publishers?: string[] | null;
  /** Only what had been published by then: an event counts when one of its reports had. */
  asOf?: string | null;
  /** At least this many independent sources (as of asOf, when given). */
  minIndependentSources?: number | null;
}

/**
 * Facts about stored event dates that let an overlap query use the start
 * index from both sides: no event lasts longer than `maxSpanMs`, so anything
 * overlapping [from, to] starts after from − maxSpan.
 */
export interface SpanStats {
  maxSpanMs: number;
  undatedStarts: number;
  /** Events with no end (so possibly no date at all), from the timeline aggregates. */
  endless: number;
  /**
   * The first and last UTC day (epoch ms of its midnight) that any event with
   * an end counts in, from the day aggregates; null when there is none, absent
   * when not read. Every event a window can match starts (or, known only by
   * its end, ends) inside [firstDayMs, lastDayMs + 1 day), so index ranges
   * outside it need not be read at all.
   */
  firstDayMs?: number | null;
  lastDayMs?: number | null;
  /** How many events the graph holds (Neo4j's count store), when read. */
  events?: number;
}

/**
 * The span statistics from the timeline aggregates (cypher/timeline-counts.ts):
 * two nodes and the two ends of the day index read, whatever the number of
 * events — the write paths keep them — and the number of events, from the
 * count store.
 */
export function spanStats(): Statement {
  return { cypher: `${spanStatsHead()}\nRETURN ${SPAN_STATS_COLUMNS}` };
}

/** The columns spanStatsHead binds (read back by loaders/span-stats.ts). */
export const SPAN_STATS_COLUMNS = "maxSpanMs, undatedStarts, endless, events, firstDay, lastDay";

/** The start of a statement that binds the span statistics as SPAN_STATS_COLUMNS (one row), for more to follow. */
export function spanStatsHead(): string {
  const spans = spanCounts().cypher.replace(/\n/g, "\n  ");
  const endDay = (order: string) =>
    `head(COLLECT { MATCH (d:TimelineDay) WHERE d.day IS NOT NULL RETURN d.day ORDER BY d.day ${order} LIMIT 1 })`;
  return `CALL () {
  ${spans}
}
CALL () {
  OPTIONAL MATCH (u:TimelineUndated {key: 'events'})
  RETURN coalesce(reduce(s = 0, k IN [k IN keys(u) WHERE k <> 'key'] | s + u[k]), 0) AS endless
}
CALL () {
  MATCH (e:Event)
  RETURN count(e) AS events
}
WITH maxSpanMs, undatedStarts, endless, events, ${endDay("ASC")} AS firstDay, ${endDay("DESC")} AS lastDay`;
}

/**
 * A filter taken apart: the parameters, the conditions on `e` that are not
 * the root, and which part of the filter is the most selective (text, then
 * an actor, then a place, then the time window) so each shape of question
 * starts from an index. Values are always parameters.
 */
export interface FilterParts {
  params: Record<string, unknown>;
  /** "window"/"all": the root is the Event start/end index (or every event); else a narrower root. */
  rootKind: "text" | "actor" | "location" | "window" | "all";
  /** The narrower root (text, actor, place), yielding `e` and `score`; null for window/all. */
  root: string | null;
  /** Window conditions as plain filters (for when another part is the root). */
  window: string[];
  /** Everything else: types, confidence, further actors and places, articles, publishers. */
  rest: string[];
}

export function filterParts(f: EventFilter): FilterParts {
  const params: Record<string, unknown> = {
    from: f.from ?? null,
    to: f.to ?? null,
    types: f.types ?? null,
    minConfidence: f.minConfidence ?? null,
    articles: f.articles ?? null,
    publishers: f.publishers ?? null,
    locations: f.locations ?? null,
    asOf: f.asOf ?? null,
    minSources: f.minIndependentSources ?? null,
  };
  const rest: string[] = [];
  const actors = f.actors ?? [];
  actors.forEach((a, i) => {
    params[`actor${i}`] = a.id;
    params[`role${i}`] = a.role ?? null;
  });
  const text = !!f.text?.trim();
  let root: string | null = null;
  let rootKind: FilterParts["rootKind"];
  if (text) {
    params.q = fulltextQuery(f.text ?? "");
    rootKind = "text";
    root = `CALL db.index.fulltext.queryNodes('names_ar', $q) YIELD node, score
WITH node AS e, max(score) AS score WHERE e:Event`;
  } else if (actors.length > 0) {
    rootKind = "actor";
    root =
      "MATCH (:Actor {id: $actor0})-[p0:PARTICIPATED_IN]->(e:Event) WHERE $role0 IS NULL OR p0.role = $role0\nWITH DISTINCT e, 1.0 AS score";
  } else if (f.locations?.length) {
    rootKind = "location";
    root = `MATCH (place:Location) WHERE place.id IN $locations
MATCH (l:Location)-[:WITHIN*0..4]->(place)
MATCH (e:Event)-[:OCCURRED_IN]->(l)
WITH DISTINCT e, 1.0 AS score`;
  } else rootKind = f.from || f.to ? "window" : "all";

  for (let i = text ? 0 : 1; i < actors.length; i++)
    rest.push(
      `EXISTS { MATCH (:Actor {id: $actor${i}})-[p:PARTICIPATED_IN]->(e) WHERE $role${i} IS NULL OR p.role = $role${i} }`,
    );
  if (f.locations?.length && (text || actors.length > 0))
    rest.push(
      "EXISTS { MATCH (e)-[:OCCURRED_IN]->(:Location)-[:WITHIN*0..4]->(place:Location) WHERE place.id IN $locations }",
    );
  if (f.types?.length) rest.push("e.type IN $types");
  if (f.minConfidence != null) rest.push("e.confidence >= $minConfidence");
  if (f.articles?.length) rest.push("EXISTS { MATCH (a:Article)-[:REPORTS]->(e) WHERE a.id IN $articles }");
  if (f.publishers?.length) rest.push("EXISTS { MATCH (a:Article)-[:REPORTS]->(e) WHERE a.publisher IN $publishers }");
  if (f.asOf) rest.push("EXISTS { MATCH (a:Article)-[:REPORTS]->(e) WHERE a.publishedAt <= datetime($asOf) }");
  if (f.minIndependentSources != null)
    rest.push(
      f.asOf
        ? `COUNT { MATCH (a:Article)-[:REPORTS]->(e) WHERE a.publishedAt <= datetime($asOf)
    RETURN DISTINCT coalesce(a.sourceKey, a.id) AS source } >= $minSources`
        : "coalesce(e.independentSources, 1) >= $minSources",
    );
  return { params, rootKind, root, window: windowFilters(f), rest };
}

/**
 * The window as plain conditions on an event's dates, `e.start`/`e.end` unless
 * other expressions are given (the dates as of a date: `asOfStart`/`asOfEnd`).
 * OVERLAPS: the uncertain range may touch the window; WITHIN: it lies inside.
 */
function windowFilters(f: EventFilter, start = "e.start", end = "e.end"): string[] {
  const from = f.from ? Date.parse(f.from) : null;
  const to = f.to ? Date.parse(f.to) : null;
  const conditions: string[] = [];
  if (f.match === "WITHIN") {
    if (from !== null) conditions.push(`${start} >= datetime($from)`);
    if (to !== null) conditions.push(`${end} <= datetime($to)`, `${start} <= datetime($to)`);
    return conditions;
  }
  if (to !== null) conditions.push(`(${start} <= datetime($to) OR (${start} IS NULL AND ${end} IS NOT NULL))`);
  if (from !== null) conditions.push(`${end} >= datetime($from)`);
  return conditions;
}

/**
 * A window read as of a date is matched against the event's dates as the
 * reports published by then gave them (cypher/as-of.ts), not against today's
 * merged dates: a later report may have narrowed the interval since.
 */
export const windowAsOf = (f: EventFilter): boolean => !!f.asOf && !!(f.from || f.to);

/**
 * Binds `asOfStart`/`asOfEnd` for `e` and keeps the events whose dates as of
 * $asOf meet the window; `carry` names the other variables to keep.
 */
export function asOfWindowCheck(f: EventFilter, carry: string[]): string {
  return `${eventDatesAsOf("e")}
WITH ${["e", ...carry, "asOfStart", "asOfEnd"].join(", ")} WHERE ${windowFilters(f, "asOfStart", "asOfEnd").join(" AND ")}`;
}

/**
 * The events an as-of window must look at, by index: those whose stored dates
 * meet the window (an event with no other hull stood then as it stands now,
 * when it was reported at all), plus those whose reports' hull
 * (`reportedStart`/`reportedEnd`, kept only where it differs from the stored
 * dates) overlaps it, since every earlier state lies inside that hull.
 * Yields `e`; `dated`/`undated` are the stored-date branches.
 */
function asOfWindowRoot(dated: string[], undated: string[] | null, f: EventFilter): string {
  const hull = [
    f.to ? "e.reportedStart <= datetime($to)" : "e.reportedStart IS NOT NULL",
    f.from ? "e.reportedEnd >= datetime($from)" : null,
  ].filter((x): x is string => !!x);
  const branches = [dated, undated, hull].filter((b): b is string[] => !!b);
  const union = branches.map((b) => `MATCH (e:Event) WHERE ${b.join(" AND ")} RETURN e`).join("\n  UNION\n  ");
  return `CALL () {\n  ${union}\n}`;
}

/**
 * Index-backed window conditions for events WITH a start: a bounded range on
 * start (an overlap starts after from − maxSpan). Sets $lo.
 */
export function datedWindow(f: EventFilter, span: SpanStats, params: Record<string, unknown>): string[] {
  const from = f.from ? Date.parse(f.from) : null;
  if (f.match === "WITHIN") return ["e.start IS NOT NULL", ...windowFilters(f)];
  params.lo = from !== null ? new Date(from - span.maxSpanMs).toISOString() : null;
  return [
    from !== null ? "e.start >= datetime($lo)" : "e.start IS NOT NULL",
    f.to ? "e.start <= datetime($to)" : null,
    from !== null ? "e.end >= datetime($from)" : null,
  ].filter((x): x is string => !!x);
}

/**
 * Window conditions for events WITHOUT a start (known only by their end), or
 * null when none can match. With a `from`, the end index serves them.
 */
export function undatedWindow(f: EventFilter): string[] | null {
  if (f.match === "WITHIN" && (f.from || f.to)) return null; // no start: never certainly inside
  const conditions = ["e.start IS NULL"];
  if (f.from) conditions.push("e.end >= datetime($from)");
  else if (f.to) conditions.push("e.end IS NOT NULL");
  return conditions;
}

/**
 * The MATCH that yields the filtered events as `e` (and a relevance `score`,
 * 1 unless text is given), rooted at the most selective part of the filter.
 */
export function eventMatch(f: EventFilter, span: SpanStats): Statement {
  const p = filterParts(f);
  const asOf = windowAsOf(f);
  const where = [...p.rest];
  let root: string;
  if (p.root) {
    root = p.root;
    if (!asOf) where.unshift(...p.window);
  } else if (p.rootKind === "window") {
    const dated = datedWindow(f, span, p.params);
    const undated = span.undatedStarts > 0 ? undatedWindow(f) : null;
    if (asOf) root = `${asOfWindowRoot(dated, undated, f)}\nWITH e, 1.0 AS score`;
    else {
      const union = undated ? `\n  UNION\n  MATCH (e:Event) WHERE ${undated.join(" AND ")} RETURN e` : "";
      root = `CALL () {\n  MATCH (e:Event) WHERE ${dated.join(" AND ")} RETURN e${union}\n}\nWITH e, 1.0 AS score`;
    }
  } else {
    root = "MATCH (e:Event) WITH e, 1.0 AS score";
  }
  const cypher = where.length ? `${root}\nWITH e, score WHERE ${where.join("\n  AND ")}` : root;
  // As of a date the window is checked last, on the dates the event had then (bound as asOfStart/asOfEnd).
  return { cypher: asOf ? `${cypher}\n${asOfWindowCheck(f, ["score"])}` : cypher, params: p.params };
}

/** The segment pages' root for an as-of window: the same index-backed candidates as eventMatch. */
export function asOfWindowCandidates(f: EventFilter, span: SpanStats, params: Record<string, unknown>): string {
  const dated = datedWindow(f, span, params);
  const undated = span.undatedStarts + span.endless > 0 ? undatedWindow(f) : null;
  return asOfWindowRoot(dated, undated, f);
}
