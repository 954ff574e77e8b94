import type { Statement } from "../db/database.ts";
import { fulltextQuery } from "./fulltext.ts";

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
}

export function spanStats(): Statement {
  return {
    cypher: `MATCH (e:Event) WHERE e.end IS NOT NULL
RETURN coalesce(max(CASE WHEN e.start IS NULL THEN 0 ELSE e.end.epochMillis - e.start.epochMillis END), 0) AS maxSpanMs,
  count(CASE WHEN e.start IS NULL THEN 1 END) AS undatedStarts`,
  };
}

/**
 * The MATCH that yields the filtered events as `e` (and a relevance `score`,
 * 1 unless text is given). The root is the most selective part of the filter
 * (text, then an actor, then a place, then the time window) so each shape of
 * question starts from an index. Values are always parameters.
 */
export function eventMatch(f: EventFilter, span: SpanStats): Statement {
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
  const where: string[] = [];
  let root: string;
  const actors = f.actors ?? [];
  actors.forEach((a, i) => {
    params[`actor${i}`] = a.id;
    params[`role${i}`] = a.role ?? null;
  });
  const window = windowConditions(f, span, params);

  if (f.text?.trim()) {
    params.q = fulltextQuery(f.text);
    root = `CALL db.index.fulltext.queryNodes('names_ar', $q) YIELD node, score
WITH node AS e, max(score) AS score WHERE e:Event`;
    where.push(...window.conditions);
  } else if (actors.length > 0) {
    root =
      "MATCH (:Actor {id: $actor0})-[p0:PARTICIPATED_IN]->(e:Event) WHERE $role0 IS NULL OR p0.role = $role0\nWITH DISTINCT e, 1.0 AS score";
    where.push(...window.conditions);
  } else if (f.locations?.length) {
    root = `MATCH (place:Location) WHERE place.id IN $locations
MATCH (l:Location)-[:WITHIN*0..4]->(place)
MATCH (e:Event)-[:OCCURRED_IN]->(l)
WITH DISTINCT e, 1.0 AS score`;
    where.push(...window.conditions);
  } else if (window.root) {
    root = `${window.root}\nWITH e, 1.0 AS score`;
  } else {
    root = "MATCH (e:Event) WITH e, 1.0 AS score";
  }

  for (let i = f.text?.trim() ? 0 : 1; i < actors.length; i++)
    where.push(
      `EXISTS { MATCH (:Actor {id: $actor${i}})-[p:PARTICIPATED_IN]->(e) WHERE $role${i} IS NULL OR p.role = $role${i} }`,
    );
  if (f.locations?.length && (f.text?.trim() || actors.length > 0))
    where.push(
      "EXISTS { MATCH (e)-[:OCCURRED_IN]->(:Location)-[:WITHIN*0..4]->(place:Location) WHERE place.id IN $locations }",
    );
  if (f.types?.length) where.push("e.type IN $types");
  if (f.minConfidence != null) where.push("e.confidence >= $minConfidence");
  if (f.articles?.length) where.push("EXISTS { MATCH (a:Article)-[:REPORTS]->(e) WHERE a.id IN $articles }");
  if (f.publishers?.length) where.push("EXISTS { MATCH (a:Article)-[:REPORTS]->(e) WHERE a.publisher IN $publishers }");
  if (f.asOf) where.push("EXISTS { MATCH (a:Article)-[:REPORTS]->(e) WHERE a.publishedAt <= datetime($asOf) }");
  if (f.minIndependentSources != null)
    where.push(
      f.asOf
        ? `COUNT { MATCH (a:Article)-[:REPORTS]->(e) WHERE a.publishedAt <= datetime($asOf)
    RETURN DISTINCT coalesce(a.sourceKey, a.id) AS source } >= $minSources`
        : "coalesce(e.independentSources, 1) >= $minSources",
    );
  const cypher = where.length ? `${root}\nWITH e, score WHERE ${where.join("\n  AND ")}` : root;
  return { cypher, params };
}

/**
 * Window conditions, as a root (index-backed, with the span bound) and as
 * plain conditions for when another part of the filter is the root.
 */
function windowConditions(f: EventFilter, span: SpanStats, params: Record<string, unknown>) {
  const from = f.from ? Date.parse(f.from) : null;
  const to = f.to ? Date.parse(f.to) : null;
  if (from === null && to === null) return { conditions: [] as string[], root: null };
  const conditions: string[] = [];
  if (f.match === "WITHIN") {
    if (from !== null) conditions.push("e.start >= datetime($from)");
    if (to !== null) conditions.push("e.end <= datetime($to)", "e.start <= datetime($to)");
    return { conditions, root: `MATCH (e:Event) WHERE ${conditions.join(" AND ")}` };
  }
  if (to !== null) conditions.push("(e.start <= datetime($to) OR (e.start IS NULL AND e.end IS NOT NULL))");
  if (from !== null) conditions.push("e.end >= datetime($from)");
  // Index-backed form: a bounded range on start, plus undated starts only when some exist.
  params.lo = from !== null ? new Date(from - span.maxSpanMs).toISOString() : null;
  const bounded = [
    from !== null ? "e.start >= datetime($lo)" : "e.start IS NOT NULL",
    to !== null ? "e.start <= datetime($to)" : null,
    from !== null ? "e.end >= datetime($from)" : null,
  ].filter(Boolean);
  const undated =
    span.undatedStarts > 0
      ? `\n  UNION\n  MATCH (e:Event) WHERE e.start IS NULL AND e.end IS NOT NULL${from !== null ? " AND e.end >= datetime($from)" : ""} RETURN e`
      : "";
  const root = `CALL () {\n  MATCH (e:Event) WHERE ${bounded.join(" AND ")} RETURN e${undated}\n}`;
  return { conditions, root };
}
