import type { Statement } from "../db/database.ts";
import { PROVENANCE_EDGES, relationList, relationPattern } from "../model/vocabulary.ts";
import { applyCounts, countKey } from "./timeline-counts.ts";

const PROVENANCE = relationPattern(PROVENANCE_EDGES);

/**
 * Deleting an article removes what only it supported. Ties between the nodes
 * it touched lose the evidence strings that point into it; a tie left with
 * no evidence goes (ties an editor made, with no evidence to begin with, are
 * never touched). Then the article goes, and every node it touched that no
 * other article still mentions, reports or contains (events leave the
 * timeline aggregates as they go). Run both in one transaction, in this order.
 */
export function deleteArticleStatements(id: string): Statement[] {
  const params = { id, prefix: `${id}@` };
  return [
    {
      cypher: `MATCH (a:Article {id: $id})-[:${PROVENANCE}]->(n)
MATCH (n)-[r]-()
WHERE NOT type(r) IN ${relationList(PROVENANCE_EDGES)}
  AND any(x IN coalesce(r.evidence, []) WHERE x STARTS WITH $prefix)
WITH DISTINCT r
SET r.evidence = [x IN r.evidence WHERE NOT x STARTS WITH $prefix]
WITH r, size(r.evidence) = 0 AS unsupported
FOREACH (_ IN CASE WHEN unsupported THEN [1] ELSE [] END | DELETE r)
RETURN count(CASE WHEN unsupported THEN 1 END) AS tiesRemoved, count(CASE WHEN NOT unsupported THEN 1 END) AS tiesKept`,
      params,
    },
    {
      cypher: `MATCH (a:Article {id: $id})
OPTIONAL MATCH (a)-[:${PROVENANCE}]->(n)
WITH a, collect(DISTINCT n) AS touched
DETACH DELETE a
WITH touched
UNWIND touched AS n
WITH n WHERE NOT EXISTS { (:Article)-[:${PROVENANCE}]->(n) }
WITH collect(n) AS gone
${applyCounts("gone", `[e IN gone WHERE e:Event | ${countKey("e", -1)}]`)}
UNWIND gone AS n
WITH n, labels(n)[0] AS label
DETACH DELETE n
RETURN label, count(*) AS deleted`,
      params,
    },
  ];
}

export function articleExists(id: string): Statement {
  return { cypher: "MATCH (a:Article {id: $id}) RETURN count(a) AS found", params: { id } };
}
