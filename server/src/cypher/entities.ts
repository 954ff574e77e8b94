import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import { fulltextQuery } from "./fulltext.ts";
import { actorProjection, articleProjection, claimProjection, locationProjection } from "./projections.ts";

/**
 * Lists of actors, locations, claims and articles. Each builder returns the
 * page statement and the count statement over the same MATCH, so totalCount
 * never loads nodes.
 */
export interface ListStatements {
  page: (skip: number, limit: number) => Statement;
  count: Statement;
}

function list(match: string, params: Record<string, unknown>, order: string, projection: string): ListStatements {
  return {
    page: (skip, limit) => ({
      cypher: `${match}\nWITH n ORDER BY ${order} SKIP $skip LIMIT $limit\nRETURN ${projection} AS node`,
      params: { ...params, skip: neo4j.int(skip), limit: neo4j.int(limit) },
    }),
    count: { cypher: `${match}\nRETURN count(n) AS total`, params },
  };
}

/** Names and aliases through the full-text indexes, both analysers, for one label. */
function namesMatch(label: string): string {
  return `CALL db.index.fulltext.queryNodes('names_ar', $q) YIELD node, score
WITH node AS n, max(score) AS score WHERE n:${label}`;
}

const where = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(" AND ")}` : "");

export interface ActorFilter {
  ids?: string[] | null;
  kinds?: string[] | null;
  text?: string | null;
}
export function actorList(f: ActorFilter, order: "NAME" | "EVENT_COUNT"): ListStatements {
  const cond: string[] = [];
  if (f.ids?.length) cond.push("n.id IN $ids");
  if (f.kinds?.length) cond.push("n.kind IN $kinds");
  const root = f.text?.trim() ? namesMatch("Actor") : "MATCH (n:Actor)";
  const match = `${root}\n${f.text?.trim() ? (cond.length ? `AND ${cond.join(" AND ")}` : "") : where(cond)}`;
  const sort = order === "EVENT_COUNT" ? "COUNT { (n)-[:PARTICIPATED_IN]->() } DESC, n.name, n.id" : "n.name, n.id";
  const params = { ids: f.ids ?? null, kinds: f.kinds ?? null, q: f.text ? fulltextQuery(f.text) : null };
  return list(match, params, sort, actorProjection("n"));
}

export interface LocationFilter {
  ids?: string[] | null;
  kinds?: string[] | null;
  within?: string | null;
  countryCode?: string | null;
  text?: string | null;
}
export function locationList(f: LocationFilter): ListStatements {
  const cond: string[] = [];
  if (f.ids?.length) cond.push("n.id IN $ids");
  if (f.kinds?.length) cond.push("n.kind IN $kinds");
  if (f.countryCode) cond.push("n.countryCode = $countryCode");
  if (f.within) cond.push("EXISTS { MATCH (n)-[:WITHIN*1..4]->(:Location {id: $within}) }");
  const root = f.text?.trim() ? namesMatch("Location") : "MATCH (n:Location)";
  const match = `${root}\n${f.text?.trim() ? (cond.length ? `AND ${cond.join(" AND ")}` : "") : where(cond)}`;
  const params = {
    ids: f.ids ?? null,
    kinds: f.kinds ?? null,
    within: f.within ?? null,
    countryCode: f.countryCode ?? null,
    q: f.text ? fulltextQuery(f.text) : null,
  };
  return list(match, params, "n.name, n.id", locationProjection("n"));
}

export interface ClaimFilter {
  claimants?: string[] | null;
  about?: string[] | null;
  certainty?: string[] | null;
  language?: string | null;
  text?: string | null;
  articles?: string[] | null;
  statedFrom?: string | null;
  statedTo?: string | null;
}
export function claimList(f: ClaimFilter): ListStatements {
  const cond: string[] = [];
  if (f.claimants?.length) cond.push("EXISTS { MATCH (a:Actor)-[:MADE]->(n) WHERE a.id IN $claimants }");
  if (f.about?.length) cond.push("EXISTS { MATCH (n)-[:ABOUT]->(x) WHERE x.id IN $about }");
  if (f.certainty?.length) cond.push("n.certainty IN $certainty");
  if (f.language) cond.push("n.language = $language");
  if (f.articles?.length) cond.push("EXISTS { MATCH (a:Article)-[:CONTAINS]->(n) WHERE a.id IN $articles }");
  if (f.statedFrom) cond.push("n.statedAt >= datetime($statedFrom)");
  if (f.statedTo) cond.push("n.statedAt <= datetime($statedTo)");
  const root = f.text?.trim()
    ? `CALL db.index.fulltext.queryNodes('claims_ar', $q) YIELD node, score
WITH node AS n, max(score) AS score`
    : "MATCH (n:Claim)";
  const match = `${root}\n${cond.length ? `WHERE ${cond.join(" AND ")}` : ""}`;
  const params = { ...f, q: f.text ? fulltextQuery(f.text) : null };
  return list(match, params, "n.statedAt DESC, n.id", claimProjection("n"));
}

export interface ArticleFilter {
  publishers?: string[] | null;
  language?: string | null;
  from?: string | null;
  to?: string | null;
}
export function articleList(f: ArticleFilter): ListStatements {
  const cond: string[] = [];
  if (f.publishers?.length) cond.push("n.publisher IN $publishers");
  if (f.language) cond.push("n.language = $language");
  if (f.from) cond.push("n.publishedAt >= datetime($from)");
  if (f.to) cond.push("n.publishedAt <= datetime($to)");
  return list(`MATCH (n:Article)\n${where(cond)}`, { ...f }, "n.publishedAt DESC, n.id", articleProjection("n"));
}
