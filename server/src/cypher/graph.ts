import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import { ENTITY_RELATIONS, GRAPH_RELATIONS, type GraphRelation, relationPattern } from "../model/vocabulary.ts";
import { eventInWindowAsOf, nodePublished, tiePublished } from "./as-of.ts";
import { type EventFilter, eventMatch, type SpanStats } from "./event-filter.ts";
import { anyProjection, LABELS } from "./projections.ts";

/** Ties a graph query may walk: any of GRAPH_RELATIONS; by default the entity ones (provenance ties are opt-in). */
const relTypes = (types: readonly string[]) => {
  const ok = types.filter((t): t is GraphRelation => (GRAPH_RELATIONS as readonly string[]).includes(t));
  if (ok.length === 0) throw new Error("no valid relationship types");
  return relationPattern(ok);
};

const edge = (r: string) =>
  `{ id: elementId(${r}), type: type(${r}), source: startNode(${r}).id, target: endNode(${r}).id, role: ${r}.role }`;

/** The start nodes of a neighbourhood, by id (each label through its own index). */
export function neighborhoodSeeds(ids: string[]): Statement {
  const branches = LABELS.map((l) => `MATCH (n:${l}) WHERE n.id IN $ids RETURN n`).join("\n  UNION\n  ");
  return {
    cypher: `CALL () {\n  ${branches}\n}\nRETURN elementId(n) AS eid, ${anyProjection("n")} AS node`,
    params: { ids },
  };
}

/**
 * One hop out from the frontier: at most `perNode` ties per node, `limit` in
 * all. Events outside the window or of other types are not entered; with
 * `asOf`, neither is anything not yet published then, nor a tie whose
 * evidence all came later, and the window is met by the event's dates as they
 * stood then.
 */
const todaysWindow = (m: string) =>
  `($to IS NULL OR ${m}.start IS NULL OR ${m}.start <= datetime($to)) AND ($from IS NULL OR ${m}.end >= datetime($from))`;

export function neighborhoodHop(
  frontier: string[],
  opts: {
    relations: readonly string[];
    labels: readonly string[];
    from?: string | null;
    to?: string | null;
    types?: string[] | null;
    asOf?: string | null;
    perNode: number;
    limit: number;
  },
): Statement {
  return {
    cypher: `UNWIND $frontier AS fid
MATCH (n) WHERE elementId(n) = fid
CALL (n) {
  MATCH (n)-[r:${relTypes(opts.relations)}]-(m)
  WHERE any(l IN labels(m) WHERE l IN $labels)
    AND (NOT m:Event OR (${opts.asOf ? eventInWindowAsOf("m") : todaysWindow("m")} AND ($types IS NULL OR m.type IN $types)))
    AND ${tiePublished("r")} AND ${nodePublished("m")}
  RETURN r, m LIMIT $perNode
}
WITH r, m LIMIT $limit
RETURN elementId(m) AS eid, ${anyProjection("m")} AS node, ${edge("r")} AS edge`,
    params: {
      frontier,
      labels: opts.labels,
      from: opts.from ?? null,
      to: opts.to ?? null,
      types: opts.types ?? null,
      asOf: opts.asOf ?? null,
      perNode: neo4j.int(opts.perNode),
      limit: neo4j.int(opts.limit),
    },
  };
}

/**
 * Actors tied by taking part in the same events, weighted by how many, with
 * the events behind each tie; as of a date, only participations reported by then.
 */
export function actorNetwork(
  f: EventFilter,
  span: SpanStats,
  opts: { minWeight: number; limit: number; eventsPerTie: number },
): Statement {
  const m = eventMatch(f, span);
  return {
    cypher: `${m.cypher}
MATCH (a:Actor)-[pa:PARTICIPATED_IN]->(e)<-[pb:PARTICIPATED_IN]-(b:Actor)
WHERE a.id < b.id${f.asOf ? ` AND ${tiePublished("pa")} AND ${tiePublished("pb")}` : ""}
WITH a.id AS source, b.id AS target, count(DISTINCT e) AS weight, collect(DISTINCT e.id)[..$eventsPerTie] AS eventIds
WHERE weight >= $minWeight
RETURN source, target, weight, eventIds
ORDER BY weight DESC, source, target
LIMIT $limit`,
    params: {
      ...m.params,
      minWeight: neo4j.int(opts.minWeight),
      limit: neo4j.int(opts.limit),
      eventsPerTie: neo4j.int(opts.eventsPerTie),
    },
  };
}

/** Shortest paths between two nodes over analytic ties; maxHops is an integer checked to be 1–4. */
export function paths(fromLabel: string, from: string, toLabel: string, to: string, maxHops: number, limit: number) {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 4) throw new Error(`invalid maxHops: ${maxHops}`);
  if (![fromLabel, toLabel].every((l) => (LABELS as readonly string[]).includes(l))) throw new Error("invalid label");
  const types = relationPattern(ENTITY_RELATIONS);
  return {
    cypher: `MATCH (a:${fromLabel} {id: $from}), (b:${toLabel} {id: $to})
MATCH p = allShortestPaths((a)-[:${types}*..${maxHops}]-(b))
WITH p LIMIT $limit
RETURN [n IN nodes(p) | ${anyProjection("n")}] AS nodes, [r IN relationships(p) | ${edge("r")}] AS edges`,
    params: { from, to, limit: neo4j.int(limit) },
  };
}
