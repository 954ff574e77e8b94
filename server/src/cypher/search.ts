import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import { ENTITY_LABELS, type EntityLabel } from "../model/vocabulary.ts";
import { normalizeArabic } from "../text/arabic-normalize.ts";
import { nodePublished } from "./as-of.ts";
import { fulltextQuery } from "./fulltext.ts";
import { anyProjection } from "./projections.ts";

export const SEARCH_KINDS = ENTITY_LABELS;
export type SearchKind = EntityLabel;

/**
 * One box over names, aliases, titles and claims. Each kind has two full-text
 * indexes (migration 003): Lucene's Arabic analyser over searchText, which
 * holds every name plus its folded Arabic forms, and the English analyser
 * (stemming: "attacks" finds "attack") over the English name/gloss and
 * searchText. Scores from different indexes are not comparable, so each is
 * scaled by its best hit and a node keeps its best scaled score. With
 * `asOf`, only what had been published by then is found (cypher/as-of.ts).
 */
export function search(
  text: string,
  kinds: readonly SearchKind[],
  limit: number,
  asOf: string | null = null,
): Statement {
  const wantsNames = kinds.some((k) => k !== "Claim");
  const wantsClaims = kinds.includes("Claim");
  const branch = (
    index: string,
  ) => `CALL db.index.fulltext.queryNodes('${index}', $q, {limit: $perIndex}) YIELD node, score
  WITH collect({node: node, score: score}) AS hits
  WITH hits, reduce(m = 0.0, h IN hits | CASE WHEN h.score > m THEN h.score ELSE m END) AS best
  UNWIND hits AS h
  RETURN h.node AS node, h.score / best AS score`;
  const indexes = [...(wantsNames ? ["names_ar", "names_en"] : []), ...(wantsClaims ? ["claims_ar", "claims_en"] : [])];
  const branches = indexes.map(branch);
  return {
    cypher: `CALL () {
  ${branches.join("\n  UNION ALL\n  ")}
}
WITH node, max(score) AS score
WHERE any(l IN labels(node) WHERE l IN $kinds) AND ${nodePublished("node")}
// A name or alias typed in full beats any partial match (a place before the events that mention it).
WITH node, score + CASE WHEN $exact IN [node.name, node.nameAr] + coalesce(node.aliases, []) + coalesce(node.normNames, [])
  THEN 1.0 ELSE 0.0 END AS score
RETURN ${anyProjection("node")} AS node, score / 2 AS score
ORDER BY score DESC, node.id
LIMIT $limit`,
    params: {
      q: fulltextQuery(text),
      exact: normalizeArabic(text.trim()),
      kinds: [...kinds],
      limit: neo4j.int(limit),
      perIndex: neo4j.int(limit * 4),
      asOf,
    },
  };
}
