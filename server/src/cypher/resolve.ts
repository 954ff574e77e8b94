import type { Statement } from "../db/database.ts";
import { MERGE_RECORD, MERGED_INTO, POSSIBLY_SAME_AS, SYNDICATES } from "../model/vocabulary.ts";
import { keepReportedHull } from "./as-of.ts";
import { applyCounts, countKey } from "./timeline-counts.ts";

/**
 * Cypher for resolving an incoming article against the graph: candidate
 * events (date range index first, then place or actor), syndication
 * candidates (LSH bands through a full-text index), and the writes that
 * record what was decided. Pure: values in, statements out.
 */

/** Longest span a stored event may have and still be matched: vaguer events are never auto-resolved. */
export const MAX_MATCH_SPAN_DAYS = 62;

/** Events this article already reports, by the id its bundle gave them (re-ingest is idempotent). */
export function reportedBy(articleId: string): Statement {
  return {
    cypher: `MATCH (:Article {id: $articleId})-[r:REPORTS]->(e:Event)
RETURN coalesce(r.originalId, e.id) AS originalId, e.id AS eventId`,
    params: { articleId },
  };
}

/** Kind, point and ancestors of the places an incoming bundle names. */
export function placeFacts(ids: string[]): Statement {
  return {
    cypher: `UNWIND $ids AS id
MATCH (l:Location {id: id})
RETURN l.id AS id, l.kind AS kind, l.point AS point, [(l)-[:WITHIN*1..4]->(a:Location) | a.id] AS ancestors`,
    params: { ids },
  };
}

/**
 * Stored events that may be the incoming ones. Rows: {key, lo, start, end,
 * places, actors}; `lo` = start − MAX_MATCH_SPAN_DAYS bounds the start index
 * seek from below, so this reads the events of a few weeks, never all of them,
 * and keeps those at a related place (same, within, or around) or with a shared actor.
 */
export function eventCandidates(articleId: string, rows: unknown[]): Statement {
  return {
    cypher: `UNWIND $rows AS ev
CALL (ev) {
  MATCH (e:Event)
  WHERE e.start >= datetime(ev.lo) AND e.start <= datetime(ev.end) AND e.end >= datetime(ev.start)
    AND (EXISTS { MATCH (e)-[:OCCURRED_IN]->(:Location)-[:WITHIN*0..4]->(l:Location) WHERE l.id IN ev.places }
      OR EXISTS { MATCH (e)-[:OCCURRED_IN]->(l:Location) WHERE l.id IN ev.ancestors }
      OR EXISTS { MATCH (x:Actor)-[:PARTICIPATED_IN]->(e) WHERE x.id IN ev.actors })
    AND NOT EXISTS { MATCH (:Article {id: $articleId})-[:REPORTS]->(e) }
  RETURN e LIMIT 100
}
RETURN ev.key AS key, e.id AS id, e.type AS type, e.start.epochMillis AS start, e.end.epochMillis AS end,
  e.precision AS precision,
  [(e)-[:OCCURRED_IN]->(l:Location) | {id: l.id, kind: l.kind, point: l.point,
    ancestors: [(l)-[:WITHIN*1..4]->(a:Location) | a.id]}] AS places,
  [(x:Actor)-[p:PARTICIPATED_IN]->(e) | {id: x.id, role: p.role, kind: x.kind}] AS actors,
  [(a:Article)-[:REPORTS]->(e) | a.id] AS articles`,
    params: { articleId, rows },
  };
}

/** Stored articles sharing an LSH band with the incoming one. `query` holds band keys only (letters and digits). */
export function syndicationCandidates(query: string, articleId: string): Statement {
  return {
    cypher: `CALL db.index.fulltext.queryNodes('article_bands', $query, {limit: 50}) YIELD node
WHERE node.id <> $articleId
RETURN node.id AS id, node.minhash AS minhash, node.sourceKey AS sourceKey, node.publishedAt AS publishedAt`,
    params: { query, articleId },
  };
}

/**
 * The article's fingerprint and the source it counts as; when it copies a
 * stored article, the SYNDICATES tie, and the copy's whole group takes one key
 * (an outlet credited by any copy wins over a republisher's name).
 */
export function setArticleSource(row: {
  articleId: string;
  minhash: number[];
  bands: string;
  sourceKey: string;
  copyOf: string | null;
  similarity: number | null;
}): Statement {
  return {
    cypher: `MATCH (a:Article {id: $row.articleId})
SET a.minhash = $row.minhash, a.minhashBands = $row.bands, a.sourceKey = $row.sourceKey
WITH a
CALL (a) {
  MATCH (orig:Article {id: $row.copyOf})
  MERGE (a)-[s:${SYNDICATES}]->(orig)
  SET s.similarity = $row.similarity, s.at = datetime()
  WITH a, orig
  MATCH (orig)-[:${SYNDICATES}*0..10]-(member:Article)
  SET member.sourceKey = a.sourceKey
  RETURN collect(member.id) AS group
}
RETURN group`,
    params: { row },
  };
}

/**
 * Recomputes what an event derives from its reports: the interval all
 * reports allow (their intersection; when they do not intersect, their union
 * with dateConflict = true, so the disagreement shows instead of vanishing),
 * the independent-source count (distinct sourceKey), first and last report.
 */
export function refreshEvents(ids: string[]): Statement {
  return {
    cypher: `UNWIND $ids AS id
MATCH (e:Event {id: id})
// The event leaves its day in the timeline aggregates before its dates change and joins the new one after.
WITH e, ${countKey("e", -1)} AS old
CALL (e) {
  MATCH (a:Article)-[r:REPORTS]->(e)
  WITH r, a ORDER BY coalesce(r.end.epochMillis - r.start.epochMillis, 9e15)
  RETURN count(DISTINCT a.sourceKey) + count(CASE WHEN a.sourceKey IS NULL THEN 1 END) AS sources, count(r) AS reports,
    max(r.start) AS lo, min(r.end) AS hi, min(r.start) AS first, max(r.end) AS last,
    min(a.publishedAt) AS firstAt, max(a.publishedAt) AS lastAt, head(collect(r.precision)) AS precision,
    count(r.start) + count(r.end) AS dated
}
// Dates an analyst set (lockedFields) stay as the analyst set them, whatever the reports say.
WITH e, old, sources, reports, lo, hi, first, last, firstAt, lastAt, precision,
  CASE WHEN 'start' IN coalesce(e.lockedFields, []) THEN 0 ELSE dated END AS dated,
  lo IS NOT NULL AND hi IS NOT NULL AND lo > hi AS conflict
SET e.independentSources = sources, e.reportCount = reports, e.firstReportedAt = firstAt, e.lastReportedAt = lastAt,
  e.dateConflict = conflict
FOREACH (_ IN CASE WHEN dated > 0 AND NOT conflict THEN [1] ELSE [] END |
  SET e.start = lo, e.end = hi, e.precision = coalesce(precision, e.precision))
FOREACH (_ IN CASE WHEN dated > 0 AND conflict THEN [1] ELSE [] END |
  SET e.start = first, e.end = last, e.precision = 'RANGE')
WITH e, old
${keepReportedHull("e")}
WITH collect(old) + collect(${countKey("e", 1)}) AS keys
${applyCounts("keys", "keys")}
RETURN size(keys) / 2 AS refreshed`,
    params: { ids },
  };
}

/** One MergeRecord per merge: when, who, why, the score and what it joined. */
export function recordMerges(rows: unknown[]): Statement {
  return {
    cypher: `UNWIND $rows AS row
MATCH (e:Event {id: row.event})
CREATE (m:${MERGE_RECORD} {id: row.id, at: datetime(), by: row.by, byKind: row.byKind, reason: row.reason,
  score: row.score, reasons: row.reasons, events: row.events, articles: row.articles})
CREATE (m)-[:${MERGED_INTO}]->(e)`,
    params: { rows },
  };
}

/** Candidate duplicates for review; a candidate once rejected stays rejected. */
export function recordCandidates(rows: unknown[]): Statement {
  return {
    cypher: `UNWIND $rows AS row
MATCH (a:Event {id: row.from}), (b:Event {id: row.to})
WHERE a <> b AND NOT EXISTS { (a)-[x:${POSSIBLY_SAME_AS}]-(b) WHERE x.status = 'REJECTED' }
MERGE (a)-[c:${POSSIBLY_SAME_AS}]->(b)
ON CREATE SET c.at = datetime(), c.status = 'OPEN'
SET c.score = row.score, c.reasons = row.reasons`,
    params: { rows },
  };
}

/**
 * How the graph knows a bundle's actors or places: under the same id, under
 * the same Wikidata (or GeoNames) id, or as a node merged into another
 * (`mergedIds`). One row per item: {id, wikidataId, geonamesId}.
 */
export function entityMatches(label: "Actor" | "Location", rows: unknown[]): Statement {
  const l = label === "Actor" ? "Actor" : "Location";
  return {
    cypher: `UNWIND $rows AS row
OPTIONAL MATCH (self:${l} {id: row.id})
RETURN row.id AS id, self IS NOT NULL AS exists, self.wikidataId AS wikidataId, self.geonamesId AS geonamesId,
  COLLECT { MATCH (q:${l}) WHERE row.wikidataId IS NOT NULL AND q.wikidataId = row.wikidataId RETURN q.id }[0] AS byWikidata,
  COLLECT { MATCH (g:${l}) WHERE row.geonamesId IS NOT NULL AND g.geonamesId = row.geonamesId RETURN g.id }[0] AS byGeonames,
  CASE WHEN self IS NULL THEN COLLECT { MATCH (m:${l}) WHERE row.id IN m.mergedIds RETURN m.id }[0] END AS mergedInto`,
    params: { rows },
  };
}
