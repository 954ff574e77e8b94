import type { Statement } from "../db/database.ts";
import { MERGE_RECORD, MERGED_INTO, POSSIBLY_SAME_AS, SYNDICATES } from "../model/vocabulary.ts";
import { keepReportedHull } from "./as-of.ts";
import { candidateSearchParams, candidatesQuery } from "./candidate-search.ts";
import { mergedInto } from "./merged-ids.ts";
import { keepSpanClass } from "./span-class.ts";
import { keepTieKeys } from "./tie-keys.ts";
import { applyCounts, countKey } from "./timeline-counts.ts";
import { unsizedLists } from "./unsized-lists.ts";

/**
 * Cypher for resolving an incoming article against the graph: candidate
 * events (through the ties of related places and actors, by date range), syndication
 * candidates (LSH bands through a full-text index), and the writes that
 * record what was decided. Pure: values in, statements out.
 */

/** What {@link resolveArticle} writes and looks up for one incoming article. */
export interface ArticleResolution {
  articleId: string;
  /** The article's fingerprint and the source it counts as; `copyOf` the stored article it copies, if any. */
  source: {
    minhash: number[];
    bands: string;
    sourceKey: string;
    copyOf: string | null;
    similarity: number | null;
  };
  /** The places the article's events name. */
  placeIds: string[];
  /** The article's dated events, as {@link candidatesQuery} rows. */
  rows: unknown[];
  /** The least score bound a candidate needs to be returned (0: every candidate found). */
  minBound: number;
}

/**
 * Everything resolving an article's events needs once its actors and places
 * are written, in one statement (one row):
 * - the article's fingerprint and source; when it copies a stored article,
 *   the SYNDICATES tie, and the copy's whole group takes one key (an outlet
 *   credited by any copy wins over a republisher's name): `group` (article
 *   ids) and `groupEvents` (what they report: their source counts change);
 * - `already`: the events this article already reports, by the id its bundle
 *   gave them (re-ingest is idempotent);
 * - `places`: kind, point and ancestors of the places its events name;
 * - `candidates`: stored events that may be its events, as the tie index
 *   knows them, and `preread` and `ancestry`: the records of the most
 *   promising few (read more with {@link candidateDetails}).
 */
export function resolveArticle(p: ArticleResolution): Statement {
  return {
    cypher: `MATCH (a:Article {id: $articleId})
SET a.minhash = $source.minhash, a.minhashBands = $source.bands, a.sourceKey = $source.sourceKey
WITH a
CALL (a) {
  MATCH (orig:Article {id: $source.copyOf})
  MERGE (a)-[s:${SYNDICATES}]->(orig)
  SET s.similarity = $source.similarity, s.at = datetime()
  WITH a, orig
  MATCH (orig)-[:${SYNDICATES}*0..10]-(member:Article)
  SET member.sourceKey = a.sourceKey
  RETURN collect(member.id) AS group
}
CALL (group) {
  UNWIND CASE WHEN size(group) > 1 THEN group ELSE [] END AS memberId
  MATCH (:Article {id: memberId})-[:REPORTS]->(e:Event)
  RETURN collect(DISTINCT e.id) AS groupEvents
}
CALL (a) {
  MATCH (a)-[r:REPORTS]->(e:Event)
  RETURN collect({originalId: coalesce(r.originalId, e.id), eventId: e.id}) AS already, collect(e) AS reported
}
CALL () {
  UNWIND $lists.placeIds AS placeId
  MATCH (l:Location {id: placeId})
  RETURN collect({id: l.id, kind: l.kind, point: l.point, ancestors: [(l)-[:WITHIN*1..4]->(up:Location) | up.id]}) AS places
}
${candidatesQuery}
RETURN group, groupEvents, already, places, candidates, preread, ancestry`,
    params: {
      articleId: p.articleId,
      source: p.source,
      ...unsizedLists({ placeIds: p.placeIds, rows: p.rows }),
      ...candidateSearchParams(p.minBound),
    },
  };
}

/** A merge, as a MergeRecord row of {@link recordMerges}. */
export interface MergeRow {
  id: string;
  event: string;
  by: string;
  byKind: string;
  reason: string;
  /** The match score; null for an analyst's merge. */
  score: number | null;
  reasons: string[];
  events: string[];
  articles: string[];
}

/** A candidate pair for review, as a row of {@link recordCandidates}. */
export interface CandidateRow {
  from: string;
  to: string;
  score: number;
  reasons: string[];
}

/**
 * Recomputes what an event derives from its reports: the interval all
 * reports allow (their intersection; when they do not intersect, their union
 * with dateConflict = true, so the disagreement shows instead of vanishing),
 * the independent-source count (distinct sourceKey), first and last report.
 */
export function refreshEvents(ids: string[]): Statement {
  return {
    cypher: `UNWIND $lists.ids AS id
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
${keepSpanClass("e")}
WITH e, old
${keepTieKeys("e")}
${keepReportedHull("e")}
WITH collect(old) + collect(${countKey("e", 1)}) AS keys
${applyCounts("keys", "keys")}
RETURN size(keys) / 2 AS refreshed`,
    params: unsizedLists({ ids }),
  };
}

/** One MergeRecord per merge: when, who, why, the score and what it joined. */
export function recordMerges(rows: MergeRow[]): Statement {
  return {
    cypher: `UNWIND $lists.rows AS row
MATCH (e:Event {id: row.event})
CREATE (m:${MERGE_RECORD} {id: row.id, at: datetime(), by: row.by, byKind: row.byKind, reason: row.reason,
  score: row.score, reasons: row.reasons, events: row.events, articles: row.articles})
CREATE (m)-[:${MERGED_INTO}]->(e)`,
    params: unsizedLists({ rows }),
  };
}

/** Candidate duplicates for review; a candidate once rejected stays rejected. */
export function recordCandidates(rows: CandidateRow[]): Statement {
  return {
    cypher: `UNWIND $lists.rows AS row
MATCH (a:Event {id: row.from}), (b:Event {id: row.to})
WHERE a <> b AND NOT EXISTS { (a)-[x:${POSSIBLY_SAME_AS}]-(b) WHERE x.status = 'REJECTED' }
MERGE (a)-[c:${POSSIBLY_SAME_AS}]->(b)
ON CREATE SET c.at = datetime(), c.status = 'OPEN'
SET c.score = row.score, c.reasons = row.reasons`,
    params: unsizedLists({ rows }),
  };
}

/**
 * What ingest looks up before it writes an article, in one statement (one
 * row; three statements cost a round trip and a statement's overhead each):
 * - `actors` and `locations`: how the graph knows each of the bundle's actors
 *   and places ({@link entityMatches}; rows {id, wikidataId, geonamesId});
 * - `copies`: stored articles sharing an LSH band with it, through the
 *   full-text index (`bands` holds band keys only: letters and digits), with
 *   their fingerprints and sources.
 */
export function articleLookups(p: {
  actors: unknown[];
  locations: unknown[];
  bands: string;
  articleId: string;
}): Statement {
  return {
    cypher: `CALL () {
  ${entityMatches("Actor", "$lists.actors")} AS actors
}
CALL () {
  ${entityMatches("Location", "$lists.locations")} AS locations
}
CALL () {
  CALL db.index.fulltext.queryNodes('article_bands', $bands, {limit: 50}) YIELD node
  WHERE node.id <> $articleId
  RETURN collect({id: node.id, minhash: node.minhash, sourceKey: node.sourceKey}) AS copies
}
RETURN actors, locations, copies`,
    params: { bands: p.bands, articleId: p.articleId, ...unsizedLists({ actors: p.actors, locations: p.locations }) },
  };
}

/**
 * How the graph knows the actors or places of list `rows` ({id, wikidataId,
 * geonamesId} each), collected (the caller names the list): {id, exists,
 * wikidataId, geonamesId, byWikidata, byGeonames, mergedInto} — under the same
 * id, under the same Wikidata (or GeoNames) id, or as a node merged into
 * another. The Wikidata and GeoNames lookups are pinned to their indexes (the
 * planner chose a label scan inside COLLECT); a null id equals nothing. A
 * node merged away is looked up, only for ids the graph does not hold,
 * through the MergedId lookup (cypher/merged-ids.ts: `mergedIds` is a list,
 * which no index holds).
 */
function entityMatches(label: "Actor" | "Location", rows: string): string {
  const l = label === "Actor" ? "Actor" : "Location";
  return `UNWIND ${rows} AS row
  OPTIONAL MATCH (self:${l} {id: row.id})
  RETURN collect({id: row.id, exists: self IS NOT NULL, wikidataId: self.wikidataId, geonamesId: self.geonamesId,
    byWikidata: COLLECT { MATCH (q:${l}) USING INDEX q:${l}(wikidataId) WHERE q.wikidataId = row.wikidataId RETURN q.id }[0],
    byGeonames: ${l === "Location" ? "COLLECT { MATCH (g:Location) USING INDEX g:Location(geonamesId) WHERE g.geonamesId = row.geonamesId RETURN g.id }[0]" : "null"},
    mergedInto: CASE WHEN self IS NULL THEN ${mergedInto(l, "row.id")} END})`;
}
