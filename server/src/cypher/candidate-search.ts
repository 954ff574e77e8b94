import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import { BROAD_PLACE_KINDS, NEARBY_KM } from "../model/vocabulary.ts";
import { unsizedLists } from "./unsized-lists.ts";

/**
 * The candidate search on ingest: which stored events may be an incoming
 * one (a subquery of cypher/resolve.ts resolveArticle, read from the tie
 * index), and the records of the candidates ingest chooses to read
 * (ingest/score-candidates.ts). Pure: values in, statements out.
 */

/**
 * The parameters {@link candidatesQuery} reads beside `$lists.rows` (cypher/unsized-lists.ts).
 * `minBound`: the least score bound a candidate needs to be returned (0: every candidate).
 */
export const candidateSearchParams = (minBound: number) => ({
  broadKinds: [...BROAD_PLACE_KINDS],
  nearbyMeters: NEARBY_KM * 1010,
  preread: neo4j.int(PREREAD_PER_EVENT),
  minBound,
});

/**
 * Candidates of each incoming event whose records the search itself returns
 * (`preread`), so that ingest usually needs one more read at most
 * (ingest/score-candidates.ts).
 */
export const PREREAD_PER_EVENT = 16;

/** Longest span a stored event may have and still be matched: vaguer events are never auto-resolved. */
export const MAX_MATCH_SPAN_DAYS = 62;

/**
 * Stored events that may be the incoming ones, as a subquery returning the
 * list `candidates`, found from the tie index alone, and `preread` and
 * `ancestry`: the records ({@link candidateDetails}) of each incoming
 * event's PREREAD_PER_EVENT most promising candidates. Rows of `$lists.rows`: {key, type, incident, lookbacks,
 * start, end, dayFrom, dayTo, places, actors, keyActors}; `incident` is the incoming type's incident key (vocabulary
 * incidentKeyOf: the types that can be one incident share it) and `lookbacks` one {spanClass, from} per
 * span class (cypher/span-class.ts): `from` = start − the class's longest
 * span, at most MAX_MATCH_SPAN_DAYS, bounds that class's seek from below;
 * `dayFrom`/`dayTo` (epoch ms) the incoming day when its date is exact to the day, else null, and
 * `keyActors` "id|role" of its named actors in a key role (INITIATOR, TARGET).
 *
 * A stored event is a candidate when, by its ties' candidate keys
 * (cypher/tie-keys.ts), it is of one of those types, its dates overlap the
 * incoming ones (starting at most MAX_MATCH_SPAN_DAYS before them), and it is
 * at a related place (one of the incoming places or within one, one of
 * their ancestors, or a specific place within NEARBY_KM of a specific
 * incoming place) or has a shared actor; and the incoming article does not
 * report it already (`reported`: its events, read once). For each related
 * place or actor and each span class, one seek of the tie index
 * over that class's window: only events that share a place or an actor with
 * the incoming one are found, never the other events of the window.
 *
 * Each candidate comes back as {key, ref (its element id), type, start (from
 * the keys), places (the related places of a specific kind its ties reach: a
 * broad one adds nothing to what the score can be), actors ({id, role} of its
 * ties to related actors)}: what resolve/match-score.ts scoreUpperBound needs
 * to bound its score, so
 * that only the events that can matter are read ({@link candidateDetails},
 * which checks their own type and dates again). A candidate whose bound,
 * figured here term by term and never below scoreUpperBound's, is under
 * `$minBound` is not returned: at a million events most candidates are events
 * at the same place on nearby days that can score no more than 0.4, and
 * returning them (a map each, decoded by the driver) cost more than the seeks
 * that found them. A place or actor with more
 * than 2,000 tie rows in one incoming event's window (a hub) is cut there,
 * narrowest span class first.
 */
export const candidatesQuery = `CALL (reported) {
  UNWIND $lists.rows AS ev
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
  // Places are seeked in the OCCURRED_IN index only and actors in the PARTICIPATED_IN one: a seek for an id
  // the index cannot hold still reads a leaf page, which on a cold page cache is most of a search's time.
  WITH ev, related, [d IN related WHERE d:Location | d.id] AS placeIds, [d IN related WHERE d:Actor | d.id] AS actorIds,
    lookbacks, start, end, [d IN related WHERE d:Location AND d.kind IN $broadKinds | d.id] AS broadIds
  // (\`t.eventType IS NOT NULL\` names the index's last key, so the hint can use it: the type comes from the index.)
  CALL (ev, related, placeIds, actorIds, broadIds, reported, lookbacks, start, end) {
    CALL (ev, related, placeIds, actorIds, lookbacks, start, end) {
      UNWIND lookbacks AS b
      CALL (ev, related, placeIds, actorIds, b, start, end) {
        MATCH (e)-[t:OCCURRED_IN]->(n)
        USING INDEX t:OCCURRED_IN(entityId, eventIncident, eventSpanClass, eventStart, eventEnd, eventType)
        WHERE t.entityId IN placeIds AND t.eventIncident = ev.incident AND t.eventSpanClass = b.spanClass
          AND t.eventStart >= b.from AND t.eventStart <= end AND t.eventEnd >= start
          AND t.eventType IS NOT NULL AND n IN related
        RETURN e, t.entityId AS hit, true AS place, null AS role, t.eventType AS type, t.eventStart AS eventStart
        UNION
        MATCH (n)-[t:PARTICIPATED_IN]->(e)
        USING INDEX t:PARTICIPATED_IN(entityId, eventIncident, eventSpanClass, eventStart, eventEnd, eventType)
        WHERE t.entityId IN actorIds AND t.eventIncident = ev.incident AND t.eventSpanClass = b.spanClass
          AND t.eventStart >= b.from AND t.eventStart <= end AND t.eventEnd >= start
          AND t.eventType IS NOT NULL AND n IN related
        RETURN e, t.entityId AS hit, false AS place, t.role AS role, t.eventType AS type, t.eventStart AS eventStart
      }
      RETURN e, hit, place, role, type, eventStart LIMIT 2000
    }
    WITH e, hit, place, role, type, eventStart WHERE NOT e IN reported
    WITH e, type, eventStart, collect(DISTINCT CASE WHEN place AND NOT hit IN broadIds THEN hit END) AS places,
      collect(DISTINCT CASE WHEN NOT place THEN {id: hit, role: role} END) AS actors
    // The most matching can score it (resolve/match-score.ts scoreUpperBound), each term at least as high:
    // the same day, the same type, a specific place (0.35 if it is an incoming one, as a facility scores),
    // 0.2 for each tie to an incoming actor in a key role it has there, else 0.05.
    WITH e, type, eventStart, places, actors,
      CASE WHEN eventStart.epochMillis >= ev.dayFrom AND eventStart.epochMillis < ev.dayTo THEN 0.25 ELSE 0.1 END
      + CASE WHEN type = ev.type THEN 0.15 ELSE 0.05 END
      + CASE WHEN size(places) = 0 THEN 0.05 WHEN any(p IN places WHERE p IN ev.places) THEN 0.35 ELSE 0.2 END
      + reduce(s = 0.0, x IN actors | s + CASE WHEN x.id + '|' + x.role IN ev.keyActors THEN 0.2 ELSE 0.05 END) AS bound
    WHERE bound >= $minBound
    RETURN e, type, eventStart, places, actors, bound
  }
  WITH ev, start, collect({e: e, ref: elementId(e), type: type, start: eventStart, places: places, actors: actors,
    bound: bound}) AS found
  // The few most promising are read here, saving ingest a round trip: the highest bound, then most
  // specific places reached, then actors. Only an order: which are read first never changes a decision.
  CALL (ev, start, found) {
    UNWIND found AS c
    WITH c ORDER BY c.bound DESC, size(c.places) DESC, size(c.actors) DESC, date(c.start) = date(start) DESC LIMIT $preread
    WITH c.e AS e
    RETURN collect(${detailsOf("e")}) AS preread
  }
  WITH collect([c IN found | {key: ev.key, ref: c.ref, type: c.type, start: c.start.epochMillis, places: c.places,
    actors: c.actors}]) AS candidates, collect(preread) AS preread
  WITH reduce(all = [], xs IN candidates | all + xs) AS candidates, reduce(all = [], xs IN preread | all + xs) AS preread
  ${ancestryOf("preread")}
  RETURN candidates, preread, ancestry
}`;

/**
 * What matching compares of the candidate events chosen (by element id, from
 * {@link candidatesQuery} in the same transaction): their own type, dates and
 * precision, their places (kind, point, ancestors) and their actors with
 * their roles.
 */
export function candidateDetails(refs: string[]): Statement {
  return {
    cypher: `UNWIND $lists.refs AS ref
MATCH (e:Event) WHERE elementId(e) = ref
WITH collect(${detailsOf("e")}) AS details
${ancestryOf("details")}
RETURN details, ancestry`,
    params: unsizedLists({ refs }),
  };
}

/**
 * What matching compares of stored event `e`, as a map: {ref (its element
 * id), id, type, start, end (epoch ms), precision, places ({id, kind,
 * point}), actors ({id, role, kind})}; its places' ancestors come apart
 * ({@link ancestryOf}).
 */
function detailsOf(e: string): string {
  return `{ref: elementId(${e}), id: ${e}.id, type: ${e}.type, start: ${e}.start.epochMillis, end: ${e}.end.epochMillis,
  precision: ${e}.precision, places: [(${e})-[:OCCURRED_IN]->(l:Location) | {id: l.id, kind: l.kind, point: l.point}],
  actors: [(x:Actor)-[p:PARTICIPATED_IN]->(${e}) | {id: x.id, role: p.role, kind: x.kind}]}`;
}

/**
 * The ancestors (WITHIN, up to 4 levels) of every place named in the list of
 * {@link detailsOf} maps `details`, as `ancestry` ({id, ancestors}): walked
 * once per place, not once per candidate (a bundle's candidates share a few
 * dozen places; walking them for each candidate was 40 % of a read).
 */
function ancestryOf(details: string): string {
  return `CALL (${details}) {
  UNWIND ${details} AS d
  UNWIND d.places AS p
  WITH DISTINCT p.id AS id
  MATCH (l:Location {id: id})
  RETURN collect({id: id, ancestors: [(l)-[:WITHIN*1..4]->(a:Location) | a.id]}) AS ancestry
}`;
}
