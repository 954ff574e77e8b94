import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import { ANALYTIC_TIES, CLAIM_LINKS, PROVENANCE_OF, relationPattern } from "../model/vocabulary.ts";
import {
  actorProjection,
  anyProjection,
  articleProjection,
  claimProjection,
  eventProjection,
  type Label,
  locationProjection,
  projectionOf,
  provenanceProjection,
} from "./projections.ts";

/**
 * Relationship lists for many parents in one statement (UNWIND $ids): the
 * loaders batch every parent of a nested field into one call, so a deep query
 * runs one statement per field and level, not one per parent. Patterns come
 * from this table only; `n` is the parent, `x` the other end, `r` the tie.
 */
interface RelationSpec {
  parent: Label;
  pattern: string;
  node: (v: string) => string;
  order: string;
  /** Whether a role argument filters the tie (PARTICIPATED_IN only). */
  role?: boolean;
}

const ACTOR_TIES = relationPattern(ANALYTIC_TIES);
const CLAIM_TIES = relationPattern(CLAIM_LINKS);

export const RELATIONS = {
  eventActors: {
    parent: "Event",
    pattern: "(x:Actor)-[r:PARTICIPATED_IN]->(n)",
    node: actorProjection,
    order: "r.role, x.name",
    role: true,
  },
  eventLocations: {
    parent: "Event",
    pattern: "(n)-[r:OCCURRED_IN]->(x:Location)",
    node: locationProjection,
    order: "x.name",
  },
  eventClaims: {
    parent: "Event",
    pattern: "(x:Claim)-[r:ABOUT]->(n)",
    node: claimProjection,
    order: "x.statedAt, x.id",
  },
  eventArticles: {
    parent: "Event",
    pattern: "(x:Article)-[r:REPORTS]->(n)",
    node: articleProjection,
    order: "x.publishedAt",
  },
  actorEvents: {
    parent: "Actor",
    pattern: "(n)-[r:PARTICIPATED_IN]->(x:Event)",
    node: eventProjection,
    order: "x.start DESC, x.id",
    role: true,
  },
  actorClaimsMade: {
    parent: "Actor",
    pattern: "(n)-[r:MADE]->(x:Claim)",
    node: claimProjection,
    order: "x.statedAt DESC, x.id",
  },
  actorClaimsAbout: {
    parent: "Actor",
    pattern: "(x:Claim)-[r:ABOUT]->(n)",
    node: claimProjection,
    order: "x.statedAt DESC, x.id",
  },
  actorTiesOut: {
    parent: "Actor",
    pattern: `(n)-[r:${ACTOR_TIES}]->(x:Actor)`,
    node: actorProjection,
    order: "type(r), x.name",
  },
  actorTiesIn: {
    parent: "Actor",
    pattern: `(x:Actor)-[r:${ACTOR_TIES}]->(n)`,
    node: actorProjection,
    order: "type(r), x.name",
  },
  actorArticles: {
    parent: "Actor",
    pattern: "(x:Article)-[r:MENTIONS]->(n)",
    node: articleProjection,
    order: "x.publishedAt DESC",
  },
  locationEvents: {
    parent: "Location",
    pattern: "(x:Event)-[r:OCCURRED_IN]->(n)",
    node: eventProjection,
    order: "x.start DESC, x.id",
  },
  locationParents: {
    parent: "Location",
    pattern: "(n)-[r:WITHIN]->(x:Location)",
    node: locationProjection,
    order: "x.name",
  },
  locationChildren: {
    parent: "Location",
    pattern: "(x:Location)-[r:WITHIN]->(n)",
    node: locationProjection,
    order: "x.name",
  },
  locationClaimsAbout: {
    parent: "Location",
    pattern: "(x:Claim)-[r:ABOUT]->(n)",
    node: claimProjection,
    order: "x.statedAt DESC, x.id",
  },
  locationArticles: {
    parent: "Location",
    pattern: "(x:Article)-[r:MENTIONS]->(n)",
    node: articleProjection,
    order: "x.publishedAt DESC",
  },
  claimClaimant: { parent: "Claim", pattern: "(x:Actor)-[r:MADE]->(n)", node: actorProjection, order: "x.name" },
  claimToldTo: { parent: "Claim", pattern: "(n)-[r:TOLD_TO]->(x:Actor)", node: actorProjection, order: "x.name" },
  claimAbout: { parent: "Claim", pattern: "(n)-[r:ABOUT]->(x)", node: anyProjection, order: "x.id" },
  claimLinksOut: {
    parent: "Claim",
    pattern: `(n)-[r:${CLAIM_TIES}]->(x:Claim)`,
    node: claimProjection,
    order: "x.id",
  },
  claimLinksIn: {
    parent: "Claim",
    pattern: `(x:Claim)-[r:${CLAIM_TIES}]->(n)`,
    node: claimProjection,
    order: "x.id",
  },
  claimArticles: {
    parent: "Claim",
    pattern: "(x:Article)-[r:CONTAINS]->(n)",
    node: articleProjection,
    order: "x.publishedAt",
  },
  articleEvents: {
    parent: "Article",
    pattern: "(n)-[r:REPORTS]->(x:Event)",
    node: eventProjection,
    order: "x.start, x.id",
  },
  articleActors: { parent: "Article", pattern: "(n)-[r:MENTIONS]->(x:Actor)", node: actorProjection, order: "x.name" },
  articleLocations: {
    parent: "Article",
    pattern: "(n)-[r:MENTIONS]->(x:Location)",
    node: locationProjection,
    order: "x.name",
  },
  articleClaims: { parent: "Article", pattern: "(n)-[r:CONTAINS]->(x:Claim)", node: claimProjection, order: "x.id" },
} satisfies Record<string, RelationSpec>;

export type RelationName = keyof typeof RELATIONS;

/** The first `limit` related items of each parent, with the tie's type, role, evidence and confidence. */
export function relatedOf(name: RelationName, ids: readonly string[], limit: number, role?: string | null): Statement {
  const spec: RelationSpec = RELATIONS[name];
  if (!spec) throw new Error(`invalid relation: ${name}`);
  const roleFilter = spec.role ? "WHERE $role IS NULL OR r.role = $role" : "";
  const direction = spec.pattern.startsWith("(n)") ? "OUT" : "IN";
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:${spec.parent} {id: id})
CALL (n) {
  MATCH ${spec.pattern} ${roleFilter}
  WITH x, r ORDER BY ${spec.order} LIMIT $limit
  RETURN collect({ node: ${spec.node("x")}, type: type(r), role: r.role, direction: '${direction}',
    evidence: r.evidence, confidence: r.confidence, provenance: ${provenanceProjection("r")} }) AS items
}
RETURN id, items`,
    params: { ids, limit: neo4j.int(limit), role: role ?? null },
  };
}

/** How many ties of a relation each parent has (degree counts, no nodes loaded). */
export function relatedCount(name: RelationName, ids: readonly string[], role?: string | null): Statement {
  const spec: RelationSpec = RELATIONS[name];
  const roleFilter = spec.role ? "WHERE $role IS NULL OR r.role = $role" : "";
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:${spec.parent} {id: id})
RETURN id, COUNT { MATCH ${spec.pattern} ${roleFilter} } AS count`,
    params: { ids, role: role ?? null },
  };
}

/** Nodes of one label by id. */
export function nodesById(label: Label, ids: readonly string[]): Statement {
  return {
    cypher: `MATCH (n:${label}) WHERE n.id IN $ids RETURN ${projectionOf[label]("n")} AS node`,
    params: { ids },
  };
}

/** Each node's own evidence: the spans of every article that mentions, reports or contains it, quoted. */
export function nodeEvidence(label: Exclude<Label, "Article">, ids: readonly string[], limit: number): Statement {
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:${label} {id: id})
CALL (n) {
  MATCH (a:Article)-[r:${PROVENANCE_OF[label]}]->(n)
  WITH a, r ORDER BY a.publishedAt LIMIT $limit
  UNWIND range(0, size(r.starts) - 1) AS i
  RETURN collect({ articleId: a.id, articleTitle: a.title, start: r.starts[i], end: r.ends[i],
    quote: substring(a.text, r.starts[i], r.ends[i] - r.starts[i]) }) AS spans
}
RETURN id, spans`,
    params: { ids, limit: neo4j.int(limit) },
  };
}

/** Quotes for relationship evidence strings ("articleId@start-end"), one statement for all of them. */
export function evidenceQuotes(refs: { key: string; articleId: string; start: number; end: number }[]): Statement {
  return {
    cypher: `UNWIND $refs AS ref
MATCH (a:Article {id: ref.articleId})
RETURN ref.key AS key, a.title AS articleTitle, substring(a.text, ref.start, ref.end - ref.start) AS quote`,
    params: { refs },
  };
}

/** Full article text, only when a query asks for it. */
export function articleTexts(ids: readonly string[]): Statement {
  return { cypher: "MATCH (a:Article) WHERE a.id IN $ids RETURN a.id AS id, a.text AS text", params: { ids } };
}
