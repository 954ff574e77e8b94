import type { Statement } from "../db/database.ts";
import type { Selection } from "../model/selection.ts";
import {
  ENTITY_LABELS,
  ENTITY_RELATIONS,
  notDerived,
  PROVENANCE_EDGES,
  relationList,
  relationPattern,
} from "../model/vocabulary.ts";
import { eventDatesAsOf, eventInWindowAsOf, nodePublished, tiePublished } from "./as-of.ts";

/**
 * Cypher for exports. Pure: a Selection in, statements out. Every statement
 * streams (no ORDER BY, no whole-graph collect on the `all` path) so the
 * first rows reach the writer while Neo4j is still reading. With `asOf`
 * only what had been published by then is exported (cypher/as-of.ts), events
 * with the dates their reports allowed then.
 */

const ENTITY_TIES = relationPattern(ENTITY_RELATIONS);
const PROVENANCE = relationPattern(PROVENANCE_EDGES);
const PROVENANCE_LIST = relationList(PROVENANCE_EDGES);
const isEntity = (v: string) => `(${ENTITY_LABELS.map((l) => `${v}:${l}`).join(" OR ")})`;

/** Window and type: they hold for every exported event, seeds and reached ones alike. */
function eventWindow(v: string, s: Selection): string[] {
  const out: string[] = [];
  // As of a date, the window is met by the dates the event's reports then gave.
  if (s.asOf && (s.from || s.to)) out.push(eventInWindowAsOf(v));
  else {
    if (s.from) out.push(`${v}.end >= datetime($from)`);
    if (s.to) out.push(`${v}.start <= datetime($to)`);
  }
  if (s.types.length) out.push(`${v}.type IN $types`);
  return out;
}

/** Actors and locations choose the seed events (an event counts when it sits inside a chosen place). */
function seedEvent(v: string, s: Selection): string {
  const out = eventWindow(v, s);
  if (s.asOf) out.push(nodePublished(v));
  if (s.actors.length) out.push(`EXISTS { (x:Actor)-[:PARTICIPATED_IN]->(${v}) WHERE x.id IN $actors }`);
  if (s.locations.length)
    out.push(`EXISTS { (${v})-[:OCCURRED_IN]->(:Location)-[:WITHIN*0..4]->(l:Location) WHERE l.id IN $locations }`);
  return out.length ? out.join(" AND ") : "true";
}

const passes = (v: string, s: Selection) => {
  const w = eventWindow(v, s);
  const window = w.length ? `(NOT ${v}:Event OR (${w.join(" AND ")}))` : "true";
  return s.asOf ? `${window} AND ${nodePublished(v)}` : window;
};

/** A tie the walk may follow, and an edge the export writes: as of a date, one with evidence by then. */
const tiePasses = (r: string, s: Selection) => (s.asOf ? tiePublished(r) : "true");

/** Articles published by then (provenance lists, the Cypher backup's articles). */
const articlePasses = (a: string, s: Selection) => (s.asOf ? `${a}.publishedAt <= datetime($asOf)` : "true");

/**
 * The walk from a seed `s` to `n`. As of a date the path is checked after it
 * is matched: Neo4j 5 fails on a subquery inside a quantified path's WHERE.
 */
function walk(s: Selection): string {
  if (!s.asOf) return `MATCH (s) (()-[:${ENTITY_TIES}]-(x) WHERE ${passes("x", s)}){1,${s.hops}} (n)`;
  return `MATCH p = (s)-[:${ENTITY_TIES}*1..${s.hops}]-(n)
  WHERE all(x IN tail(nodes(p)) WHERE ${passes("x", s)}) AND all(r IN relationships(p) WHERE ${tiePasses("r", s)})`;
}

/** Binds `n` to each selected entity node, once. */
export function selectedNodes(s: Selection): string {
  if (s.all)
    return s.asOf ? `MATCH (n) WHERE ${isEntity("n")} AND ${passes("n", s)}` : `MATCH (n) WHERE ${isEntity("n")}`;
  const seeds = s.ids.length
    ? `CALL () {
  ${ENTITY_LABELS.map((l) => `MATCH (s:${l}) WHERE s.id IN $ids RETURN s`).join("\n  UNION\n  ")}
}
WITH s WHERE ${passes("s", s)}`
    : `MATCH (s:Event) WHERE ${seedEvent("s", s)}`;
  if (s.hops === 0) return `${seeds}\nWITH DISTINCT s AS n`;
  // hops is an integer 1..3 checked by parseSelection: a pattern bound cannot be a parameter.
  return `${seeds}
CALL (s) {
  RETURN s AS n
  UNION
  ${walk(s)}
  RETURN n
}
WITH DISTINCT n`;
}

const params = (s: Selection) => ({
  ids: s.ids,
  from: s.from ?? null,
  to: s.to ?? null,
  types: s.types,
  actors: s.actors,
  locations: s.locations,
  asOf: s.asOf ?? null,
});

/** Supporting articles of `n` with the spans of each mention; a pattern comprehension so it expands from `n`, never from every article. */
const sources = (
  s: Selection,
) => `[(n)<-[m:${PROVENANCE}]-(a:Article)${s.asOf ? ` WHERE ${articlePasses("a", s)}` : ""} |
  {id: a.id, url: a.url, starts: m.starts, ends: m.ends, confidence: m.confidence}] AS sources`;

/** As of a date, an event's dates are those its reports allowed then (binds asOfStart, asOfEnd). */
const datesOf = (v: string, s: Selection) => (s.asOf ? `\n${eventDatesAsOf(v)}` : "");
const dated = (s: Selection) => (s.asOf ? ", start: asOfStart, end: asOfEnd" : "");

/** Entity nodes with their properties (search helpers left out) and provenance. */
export function exportNodes(s: Selection): Statement {
  return {
    cypher: `${selectedNodes(s)}${datesOf("n", s)}
RETURN labels(n) AS labels, n {.*, searchText: null, normNames: null, spanClass: null${dated(s)}} AS props, ${sources(s)}`,
    params: params(s),
  };
}

/** Each edge once: walked from its target, kept when its source is selected too. */
function edgeMatch(s: Selection, types: string): string {
  if (s.all && !s.asOf) return `MATCH (a)-[r:${types}]->(b)`;
  if (s.all)
    return `MATCH (a)-[r:${types}]->(b) WHERE ${passes("a", s)} AND ${passes("b", s)} AND ${tiePasses("r", s)}`;
  return `${selectedNodes(s)}
WITH collect(n) AS ns
UNWIND ns AS b
MATCH (a)-[r:${types}]->(b) WHERE a IN ns${s.asOf ? ` AND ${tiePasses("r", s)}` : ""}`;
}

/** As of a date, an edge's evidence is what had been published by then. */
const edgeProps = (s: Selection) =>
  s.asOf
    ? `r {.*, evidence: [ev IN coalesce(r.evidence, []) WHERE EXISTS { MATCH (asOfArticle:Article {id: split(ev, '@')[0]}) WHERE ${articlePasses("asOfArticle", s)} }]}`
    : "properties(r)";

/** Entity edges with the ids and URLs of the articles their evidence cites, dated by the event or claim they touch. */
export function exportEdges(s: Selection): Statement {
  return {
    cypher: `${edgeMatch(s, ENTITY_TIES)}
WITH a, r, b, ${edgeProps(s)} AS props
CALL (props) {
  UNWIND coalesce(props.evidence, []) AS ev
  WITH DISTINCT split(ev, '@')[0] AS aid
  OPTIONAL MATCH (art:Article {id: aid})
  RETURN collect({id: aid, url: art.url}) AS articles
}
RETURN type(r) AS type, a.id AS source, b.id AS target, props, articles,
  coalesce(CASE WHEN a:Claim THEN a.statedAt WHEN b:Claim THEN b.statedAt END,
           CASE WHEN a:Event THEN a.start WHEN b:Event THEN b.start END) AS earliest,
  CASE WHEN a:Claim OR b:Claim THEN null WHEN a:Event THEN a.end WHEN b:Event THEN b.end END AS latest`,
    params: params(s),
  };
}

/** A property map with each value's Cypher type, so a script can rebuild ints, floats, dates and points exactly. */
const typed = (v: string) => `properties(${v}) AS props, [k IN keys(${v}) | [k, valueType(${v}[k])]] AS types`;

/** Every property of the selected nodes and of the articles that support them (backup and Cypher script). */
export function rawNodes(s: Selection): Statement {
  // Derived nodes (timeline aggregates, migration marks): an import rebuilds them.
  if (s.all && !s.asOf)
    return {
      cypher: `MATCH (n) WHERE ${notDerived("n")} RETURN labels(n) AS labels, ${typed("n")}`,
      params: {},
    };
  const articles = s.asOf ? ` WHERE ${articlePasses("n", s)}` : "";
  // As of a date, events carry the dates and counts their reports gave them then.
  const asOf = s.asOf
    ? `${eventDatesAsOf("n")}
CALL (n) {
  OPTIONAL MATCH (a:Article)-[:REPORTS]->(n) WHERE n:Event AND ${articlePasses("a", s)}
  RETURN count(DISTINCT coalesce(a.sourceKey, a.id)) AS sources, count(a) AS reports
}
WITH n, CASE WHEN n:Event THEN n {.*, start: asOfStart, end: asOfEnd, independentSources: sources, reportCount: reports}
  ELSE properties(n) END AS p
RETURN labels(n) AS labels, properties(p) AS props, [k IN keys(p) | [k, valueType(p[k])]] AS types`
    : `RETURN labels(n) AS labels, ${typed("n")}`;
  return {
    cypher: `${selectedNodes(s)}
WITH collect(n) AS ns
CALL (ns) {
  UNWIND ns AS n RETURN n
  UNION
  UNWIND ns AS x MATCH (n:Article)-[:${PROVENANCE}]->(x)${articles} RETURN n
}
${asOf}`,
    params: params(s),
  };
}

/** Every relationship among the selected nodes plus their provenance links; `all` takes every relationship. */
export function rawEdges(s: Selection): Statement {
  const asOf = s.asOf
    ? `\nWITH a, r, b WHERE ${tiePasses("r", s)} AND (NOT a:Article OR ${articlePasses("a", s)})`
    : "";
  const match =
    s.all && !s.asOf
      ? "MATCH (a)-[r]->(b)"
      : `${selectedNodes(s)}
WITH collect(n) AS ns
UNWIND ns AS b
MATCH (a)-[r]->(b) WHERE a IN ns OR (a:Article AND type(r) IN ${PROVENANCE_LIST})${asOf}`;
  return {
    cypher: `${match}
RETURN type(r) AS type, labels(a) AS sourceLabels, a.id AS source, labels(b) AS targetLabels, b.id AS target,
  ${typed("r")}`,
    params: params(s),
  };
}

/** One row per selected event and located place it occurred in, for map layers. */
export function exportFeatures(s: Selection): Statement {
  const events = s.all && !s.asOf ? "MATCH (n:Event)" : `${selectedNodes(s)}\nWITH n WHERE n:Event`;
  return {
    cypher: `${events}
MATCH (n)-[o:OCCURRED_IN]->(l:Location) WHERE l.point IS NOT NULL${s.asOf ? ` AND ${tiePasses("o", s)}` : ""}${datesOf("n", s)}
CALL (n) {
  OPTIONAL MATCH (x:Actor)-[p:PARTICIPATED_IN]->(n)${s.asOf ? ` WHERE ${tiePasses("p", s)}` : ""}
  RETURN collect(x.id) AS actorIds, collect(x.name) AS actorNames, collect(p.role) AS actorRoles,
    collect(coalesce(x.wikidataId, '')) AS actorWikidataIds
}
RETURN n {.*, searchText: null, spanClass: null${dated(s)}} AS props,
  l {.id, .name, .nameAr, .kind, .countryCode, .wikidataId, .geonamesId} AS location,
  l.point.longitude AS longitude, l.point.latitude AS latitude, actorIds, actorNames, actorRoles, actorWikidataIds,
  ${sources(s)}`,
    params: params(s),
  };
}

/** How many nodes and edges an export will write, for the CLI's progress bar. */
export function countElements(s: Selection): Statement {
  return {
    cypher: `CALL () { ${selectedNodes(s)} RETURN count(n) AS nodes }
CALL () { ${edgeMatch(s, ENTITY_TIES)} RETURN count(r) AS edges }
RETURN nodes, edges`,
    params: params(s),
  };
}

/**
 * The ids among a selection's `ids`, `actors` and `locations` that name no
 * node of the kind asked for, per parameter, so an export of a typo is a 400
 * naming it rather than an empty file.
 */
export function unknownIds(s: Pick<Selection, "ids" | "actors" | "locations">): Statement {
  const missing = (list: string, labels: readonly string[]) => `CALL () {
  UNWIND $${list} AS id
  WITH id WHERE ${labels.map((l) => `NOT EXISTS { MATCH (:${l} {id: id}) }`).join(" AND ")}
  RETURN collect(id) AS ${list}
}`;
  return {
    cypher: `${missing("ids", ENTITY_LABELS)}
${missing("actors", ["Actor"])}
${missing("locations", ["Location"])}
RETURN ids, actors, locations`,
    params: { ids: s.ids, actors: s.actors, locations: s.locations },
  };
}
