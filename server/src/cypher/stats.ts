import type { Statement } from "../db/database.ts";

/** Label counts come from the count store (no scan); the date range from the start/end indexes. */
export function stats(): Statement {
  return {
    cypher: `CALL () { MATCH (n:Event) RETURN count(n) AS events }
CALL () { MATCH (n:Actor) RETURN count(n) AS actors }
CALL () { MATCH (n:Location) RETURN count(n) AS locations }
CALL () { MATCH (n:Claim) RETURN count(n) AS claims }
CALL () { MATCH (n:Article) RETURN count(n) AS articles }
OPTIONAL CALL () { MATCH (e:Event) WHERE e.start IS NOT NULL RETURN e.start AS earliest ORDER BY e.start LIMIT 1 }
OPTIONAL CALL () { MATCH (e:Event) WHERE e.end IS NOT NULL RETURN e.end AS latest ORDER BY e.end DESC LIMIT 1 }
RETURN events, actors, locations, claims, articles, toString(earliest) AS earliest, toString(latest) AS latest`,
  };
}

export function articlesByPublisher(): Statement {
  return {
    cypher: `MATCH (a:Article) RETURN a.publisher AS publisher, count(*) AS count ORDER BY count DESC, publisher`,
  };
}

/** From the timeline aggregates (cypher/timeline-counts.ts): one row per day, not per event. */
export function eventsByType(): Statement {
  return {
    cypher: `CALL () {
  MATCH (d:TimelineDay) WHERE d.day IS NOT NULL RETURN d AS n
  UNION ALL
  MATCH (u:TimelineUndated {key: 'events'}) RETURN u AS n
}
UNWIND [k IN keys(n) WHERE k <> 'day' AND k <> 'key'] AS type
WITH type, sum(n[type]) AS count WHERE count > 0
RETURN type, count ORDER BY count DESC, type`,
  };
}
