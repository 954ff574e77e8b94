import type { Statement } from "../db/database.ts";
import { namedSearchTextCypher } from "../model/search-text.ts";
import { MERGED_ID, PROVENANCE_EDGES } from "../model/vocabulary.ts";
import { type MergeLabel, TIES, type Tie } from "./merge-entities.ts";

/**
 * Splitting a wrongly merged actor or place: a new node takes the chosen
 * names and everything the chosen articles said of the old one — their
 * mentions, and the evidence spans ("articleId@start-end") of every tie; a
 * tie whose evidence all moves, moves; one backed by other articles too is
 * shared out. Ties the analyst assigns by the node at their other end (an
 * event, a claim, an actor, a place) move whole, whatever their evidence
 * (moveAssignedTies). Tie types come from the merge's allow-list (cypher/merge-entities.ts).
 */
export type SplitLabel = Exclude<MergeLabel, "Event">;

export interface SplitNode {
  id: string;
  name: string;
  nameAr: string | null;
  kind: string;
  aliases: string[];
  normNames: string[];
  wikidataId: string | null;
  geonamesId: number | null;
}

/** The new node, and the names it takes off the old one (whose folded names are recomputed in JS). */
export function createSplit(
  label: SplitLabel,
  from: string,
  node: SplitNode,
  keptNormNames: string[],
  who: string,
): Statement {
  return {
    cypher: `MATCH (old:${label} {id: $from})
CREATE (n:${label} {id: $node.id})
SET n.name = $node.name, n.nameAr = $node.nameAr, n.kind = $node.kind, n.aliases = $node.aliases,
  n.normNames = $node.normNames, n.wikidataId = $node.wikidataId, n.geonamesId = $node.geonamesId,
  n.assertedBy = 'ANALYST', n.asserter = $who, n.assertedAt = datetime(), n.splitFrom = $from
SET n.searchText = ${namedSearchTextCypher("n")}
SET old.aliases = [a IN coalesce(old.aliases, []) WHERE NOT a IN $node.aliases AND a <> $node.name
    AND ($node.nameAr IS NULL OR a <> $node.nameAr)],
  old.normNames = $kept, old.mergedIds = [x IN coalesce(old.mergedIds, []) WHERE x <> $node.id],
  old.mergedParts = [p IN coalesce(old.mergedParts, []) WHERE NOT p CONTAINS ('"id":' + '"' + $node.id + '"')],
  old.correctedBy = $who, old.correctedAt = datetime()
SET old.searchText = ${namedSearchTextCypher("old")}
// The id is a node of its own again: the lookup of merged-away ids (cypher/merged-ids.ts) forgets it.
WITH n
CALL (n) { MATCH (lookup:${MERGED_ID} {id: n.id}) DELETE lookup }
RETURN n.id AS id`,
    params: { from, node, kept: keptNormNames, who },
  };
}

function moveTie(label: SplitLabel, tie: Tie): string {
  const old = tie.dir === "OUT" ? `(o)-[r:${tie.type}]->(x)` : `(x)-[r:${tie.type}]->(o)`;
  const props = tie.kind === "role" ? " {role: r.role}" : "";
  const fresh = tie.dir === "OUT" ? `(n)-[k:${tie.type}${props}]->(x)` : `(x)-[k:${tie.type}${props}]->(n)`;
  if (tie.kind === "provenance")
    return `MATCH (o:${label} {id: $from}), (n:${label} {id: $to})
MATCH ${old} WHERE x.id IN $articles
CREATE ${fresh}
SET k = properties(r)
DELETE r
RETURN count(*) AS moved`;
  return `MATCH (o:${label} {id: $from}), (n:${label} {id: $to})
MATCH ${old}
WHERE x <> n AND any(s IN coalesce(r.evidence, []) WHERE any(p IN $prefixes WHERE s STARTS WITH p))
WITH n, x, r, [s IN r.evidence WHERE any(p IN $prefixes WHERE s STARTS WITH p)] AS moving
MERGE ${fresh}
ON CREATE SET k.assertedBy = r.assertedBy, k.asserter = r.asserter, k.assertedAt = r.assertedAt, k.confidence = r.confidence
SET k.evidence = coalesce(k.evidence, []) + [s IN moving WHERE NOT s IN coalesce(k.evidence, [])],
  r.evidence = [s IN r.evidence WHERE NOT s IN moving]
WITH r WHERE size(r.evidence) = 0
DELETE r
RETURN count(*) AS moved`;
}

/** One statement per tie type and direction, all run in the split's transaction. */
export function moveToSplit(label: SplitLabel, from: string, to: string, articles: string[]): Statement[] {
  const params = { from, to, articles, prefixes: articles.map((a) => `${a}@`) };
  return TIES[label].map((tie) => ({ cypher: moveTie(label, tie), params }));
}

/** A tie whose other end the analyst assigned to the new node moves whole: its properties, role and evidence. */
function moveAssigned(label: SplitLabel, tie: Tie): string {
  const old = tie.dir === "OUT" ? `(o)-[r:${tie.type}]->(x)` : `(x)-[r:${tie.type}]->(o)`;
  const props = tie.kind === "role" ? " {role: r.role}" : "";
  const fresh = tie.dir === "OUT" ? `(n)-[k:${tie.type}${props}]->(x)` : `(x)-[k:${tie.type}${props}]->(n)`;
  return `MATCH (o:${label} {id: $from}), (n:${label} {id: $to})
MATCH ${old} WHERE x.id IN $ties AND x <> n
MERGE ${fresh}
ON CREATE SET k = properties(r)
ON MATCH SET k.evidence = coalesce(k.evidence, []) + [s IN coalesce(r.evidence, []) WHERE NOT s IN coalesce(k.evidence, [])]
DELETE r
RETURN count(*) AS moved`;
}

/** One statement per tie type and direction (mentions stay with their articles), in the split's transaction. */
export function moveAssignedTies(label: SplitLabel, from: string, to: string, ties: string[]): Statement[] {
  return TIES[label]
    .filter((tie) => tie.kind !== "provenance")
    .map((tie) => ({ cypher: moveAssigned(label, tie), params: { from, to, ties } }));
}

/** What the node records of earlier merges, and whether the new id is free. */
export function splitSource(label: SplitLabel, id: string, newId: string): Statement {
  return {
    cypher: `OPTIONAL MATCH (n:${label} {id: $id})
RETURN n IS NOT NULL AS found, n.name AS name, n.nameAr AS nameAr, coalesce(n.aliases, []) AS aliases,
  coalesce(n.mergedParts, []) AS parts, [(a:Article)-[:MENTIONS]->(n) | a.id] AS articles,
  [(n)-[r]-(x) WHERE NOT type(r) IN $provenance AND NOT x:Article | x.id] AS tied,
  EXISTS { MATCH (t:${label} {id: $newId}) } AS taken`,
    params: { id, newId, provenance: PROVENANCE_EDGES },
  };
}
