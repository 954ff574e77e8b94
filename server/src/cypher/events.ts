import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";

/**
 * Events whose [start, end] overlaps [from, to], with their actors, locations,
 * claims and evidence projected in the same statement (one round trip however
 * many events). Evidence spans are resolved to quoted text here, in Cypher, so
 * the article body never travels to the client unless asked for.
 */
export function eventsInWindow(window: { from?: string | null; to?: string | null; limit: number }): Statement {
  return {
    cypher: `MATCH (e:Event)
WHERE ($from IS NULL OR e.end >= datetime($from)) AND ($to IS NULL OR e.start <= datetime($to))
WITH e ORDER BY e.start, e.id LIMIT $limit
RETURN e {
  .id, .type, .title, .summary, .precision, .edtf, .confidence,
  start: toString(e.start), end: toString(e.end),
  actors: [(x:Actor)-[p:PARTICIPATED_IN]->(e) | x { .id, .name, .nameAr, .kind, role: p.role }],
  locations: [(e)-[:OCCURRED_IN]->(l:Location) | l { .id, .name, .nameAr, .kind,
    latitude: l.point.latitude, longitude: l.point.longitude }],
  claims: [(c:Claim)-[:ABOUT]->(e) | c { .id, .text, .gloss, .certainty, statedAt: toString(c.statedAt),
    claimant: head([(m:Actor)-[:MADE]->(c) | m { .id, .name, .nameAr, .kind }]) }],
  evidence: [(a:Article)-[r:REPORTS]->(e) | [i IN range(0, size(r.starts) - 1) | {
    articleId: a.id, articleTitle: a.title, start: r.starts[i], end: r.ends[i],
    quote: substring(a.text, r.starts[i], r.ends[i] - r.starts[i]) }]]
} AS event`,
    params: { from: window.from ?? null, to: window.to ?? null, limit: neo4j.int(window.limit) },
  };
}
