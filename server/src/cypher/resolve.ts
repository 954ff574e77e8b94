import type { Statement } from "../db/database.ts";
import {
  BROAD_PLACE_KINDS,
  MERGE_RECORD,
  MERGED_INTO,
  NEARBY_KM,
  POSSIBLY_SAME_AS,
  SYNDICATES,
} from "../model/vocabulary.ts";
import { keepReportedHull } from "./as-of.ts";
import { mergedInto } from "./merged-ids.ts";
import { keepSpanClass } from "./span-class.ts";
import { keepTieKeys } from "./tie-keys.ts";
import { applyCounts, countKey } from "./timeline-counts.ts";

/**
 * Cypher for resolving an incoming article against the graph: candidate
 * events (through the ties of related places and actors, by date range), syndication
 * candidates (LSH bands through a full-text index), and the writes that
 * record what was decided. Pure: values in, statements out.
 */

/** Longest span a stored event may have and still be matched: vaguer events are never auto-resolved. */
export const MAX_MATCH_SPAN_DAYS = 62;

/**
 * Stored events that may be the incoming ones, as a subquery returning one
 * list `candidates`, read from the tie index alone: no candidate event's
 * record is read here. Rows of `$rows`: {key, types, lookbacks, start, end,
 * places, actors}; `types` are those that can be the same incident
 * (vocabulary sameIncidentTypesOf) and `lookbacks` one {spanClass, from} per
 * span class (cypher/span-class.ts): `from` = start − the class's longest
 * span, at most MAX_MATCH_SPAN_DAYS, bounds that class's seek from below.
 *
 * A stored event is a candidate when, by its ties' candidate keys
 * (cypher/tie-keys.ts), it is of one of those types, its dates overlap the
 * incoming ones (starting at most MAX_MATCH_SPAN_DAYS before them), and it is
 * at a related place (one of the incoming places or within one, one of
 * their ancestors, or a specific place within NEARBY_KM of a specific
 * incoming place) or has a shared actor; and the incoming article does not
 * report it already (`reported`: its events, read once). For each related
 * place or actor, each type and each span class, one seek of the tie index
 * over that class's window: only events that share a place or an actor with
 * the incoming one are found, never the other events of the window.
 *
 * Each candidate comes back as {key, ref (its element id), type, start (from
 * the keys), places, actors (the related places and actors its ties reach)}:
 * what resolve/match-score.ts scoreUpperBound needs to bound its score, so
 * that only the events that can matter are read ({@link candidateDetails},
 * which checks their own type and dates again). A place or actor with more
 * than 2,000 tie rows in one incoming event's window (a hub) is cut there,
 * narrowest span class first.
 */
const candidatesQuery = `CALL (reported) {
  UNWIND $rows AS ev
  // What makes a stored event related, looked up once per incoming event: a place that is one of
  // the incoming places or lies within one (up to 4 levels), or one of their ancestors, or one of
  // its named actors. Their ids lead the tie indexes; the nodes check each tie's other end.
  WITH ev, COLLECT { UNWIND ev.places AS placeId MATCH (:Location {id: placeId})<-[:WITHIN*0..4]-(d:Location)
      RETURN d
      UNION
      UNWIND ev.places AS placeId MATCH (:Location {id: placeId})-[:WITHIN*1..4]->(up:Location)
      RETURN up AS d
      UNION
      // Specific places near a specific incoming place (a little beyond NEARBY_KM: Neo4j's and the
      // scorer's distances differ in the last metres), through the point index.
      UNWIND ev.places AS placeId MATCH (p:Location {id: placeId})
      WHERE p.point IS NOT NULL AND NOT p.kind IN $broadKinds
      MATCH (d:Location) WHERE point.distance(d.point, p.point) <= $nearbyMeters AND NOT d.kind IN $broadKinds
      RETURN d
      UNION
      UNWIND ev.actors AS actorId MATCH (x:Actor {id: actorId}) RETURN x AS d } AS related,
    // Parsed once per incoming event, not once per seek.
    [b IN ev.lookbacks | {spanClass: b.spanClass, from: datetime(b.from)}] AS lookbacks,
    datetime(ev.start) AS start, datetime(ev.end) AS end
  WITH ev, related, [d IN related | d.id] AS relatedIds, lookbacks, start, end
  CALL (ev, related, relatedIds, reported, lookbacks, start, end) {
    CALL (ev, related, relatedIds, lookbacks, start, end) {
      UNWIND lookbacks AS b
      CALL (ev, related, relatedIds, b, start, end) {
        MATCH (e)-[t:OCCURRED_IN]->(n)
        USING INDEX t:OCCURRED_IN(entityId, eventType, eventSpanClass, eventStart, eventEnd)
        WHERE t.entityId IN relatedIds AND t.eventType IN ev.types AND t.eventSpanClass = b.spanClass
          AND t.eventStart >= b.from AND t.eventStart <= end AND t.eventEnd >= start AND n IN related
        RETURN e, t.entityId AS hit, true AS place, t.eventType AS type, t.eventStart AS eventStart
        UNION
        MATCH (n)-[t:PARTICIPATED_IN]->(e)
        USING INDEX t:PARTICIPATED_IN(entityId, eventType, eventSpanClass, eventStart, eventEnd)
        WHERE t.entityId IN relatedIds AND t.eventType IN ev.types AND t.eventSpanClass = b.spanClass
          AND t.eventStart >= b.from AND t.eventStart <= end AND t.eventEnd >= start AND n IN related
        RETURN e, t.entityId AS hit, false AS place, t.eventType AS type, t.eventStart AS eventStart
      }
      RETURN e, hit, place, type, eventStart LIMIT 2000
    }
    WITH e, hit, place, type, eventStart WHERE NOT e IN reported
    RETURN e, type, eventStart, collect(DISTINCT CASE WHEN place THEN hit END) AS places,
      collect(DISTINCT CASE WHEN NOT place THEN hit END) AS actors
  }
  RETURN collect({key: ev.key, ref: elementId(e), type: type, start: eventStart.epochMillis, places: places,
    actors: actors}) AS candidates
}`;

/**
 * What matching compares of the candidate events chosen (by element id, from
 * {@link candidatesQuery} in the same transaction): their own type, dates and
 * precision, their places (kind, point, ancestors) and their actors with
 * their roles.
 */
export function candidateDetails(refs: string[]): Statement {
  return {
    cypher: `UNWIND $refs AS ref
MATCH (e:Event) WHERE elementId(e) = ref
RETURN ref, e.id AS id, e.type AS type, e.start.epochMillis AS start, e.end.epochMillis AS end, e.precision AS precision,
  [(e)-[:OCCURRED_IN]->(l:Location) | {id: l.id, kind: l.kind, point: l.point,
    ancestors: [(l)-[:WITHIN*1..4]->(a:Location) | a.id]}] AS places,
  [(x:Actor)-[p:PARTICIPATED_IN]->(e) | {id: x.id, role: p.role, kind: x.kind}] AS actors`,
    params: { refs },
  };
}

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
 *   knows them (read the chosen ones with {@link candidateDetails}).
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
  UNWIND $placeIds AS placeId
  MATCH (l:Location {id: placeId})
  RETURN collect({id: l.id, kind: l.kind, point: l.point, ancestors: [(l)-[:WITHIN*1..4]->(up:Location) | up.id]}) AS places
}
${candidatesQuery}
RETURN group, groupEvents, already, places, candidates`,
    params: { ...p, broadKinds: [...BROAD_PLACE_KINDS], nearbyMeters: NEARBY_KM * 1010 },
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
${keepSpanClass("e")}
WITH e, old
${keepTieKeys("e")}
${keepReportedHull("e")}
WITH collect(old) + collect(${countKey("e", 1)}) AS keys
${applyCounts("keys", "keys")}
RETURN size(keys) / 2 AS refreshed`,
    params: { ids },
  };
}

/** One MergeRecord per merge: when, who, why, the score and what it joined. */
export function recordMerges(rows: MergeRow[]): Statement {
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
export function recordCandidates(rows: CandidateRow[]): Statement {
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

/** Stored articles sharing an LSH band with the incoming one. `query` holds band keys only (letters and digits). */
export function syndicationCandidates(query: string, articleId: string): Statement {
  return {
    cypher: `CALL db.index.fulltext.queryNodes('article_bands', $query, {limit: 50}) YIELD node
WHERE node.id <> $articleId
RETURN node.id AS id, node.minhash AS minhash, node.sourceKey AS sourceKey`,
    params: { query, articleId },
  };
}

/**
 * How the graph knows a bundle's actors or places: under the same id, under
 * the same Wikidata (or GeoNames) id, or as a node merged into another
 * (`mergedIds`). One row per item: {id, wikidataId, geonamesId}. The
 * Wikidata and GeoNames lookups are pinned to their indexes (the planner
 * chose a label scan inside COLLECT); a null id equals nothing. A node merged
 * away is looked up, only for ids the graph does not hold, through the
 * MergedId lookup (cypher/merged-ids.ts: `mergedIds` is a list, which no
 * index holds).
 */
export function entityMatches(label: "Actor" | "Location", rows: unknown[]): Statement {
  const l = label === "Actor" ? "Actor" : "Location";
  return {
    cypher: `UNWIND $rows AS row
OPTIONAL MATCH (self:${l} {id: row.id})
RETURN row.id AS id, self IS NOT NULL AS exists, self.wikidataId AS wikidataId, self.geonamesId AS geonamesId,
  COLLECT { MATCH (q:${l}) USING INDEX q:${l}(wikidataId) WHERE q.wikidataId = row.wikidataId RETURN q.id }[0] AS byWikidata,
  ${l === "Location" ? "COLLECT { MATCH (g:Location) USING INDEX g:Location(geonamesId) WHERE g.geonamesId = row.geonamesId RETURN g.id }[0]" : "null"} AS byGeonames,
  CASE WHEN self IS NULL THEN ${mergedInto(l, "row.id")} END AS mergedInto`,
    params: { rows },
  };
}
