import type { Statement } from "../db/database.ts";

/** Every actor and location name the graph already knows, for the extractor to match. */
export function knownEntities(): Statement {
  return {
    cypher: `CALL () {
  MATCH (n:Actor) WHERE n.kind <> 'ANONYMOUS_SOURCE'
  RETURN n, 'Actor' AS label
  UNION ALL
  MATCH (n:Location) RETURN n, 'Location' AS label
}
RETURN n.id AS id, label, n.name AS name, n.nameAr AS nameAr, coalesce(n.aliases, []) AS aliases, n.kind AS kind,
  CASE WHEN n.point IS NULL THEN null ELSE {latitude: n.point.latitude, longitude: n.point.longitude} END AS point`,
  };
}
