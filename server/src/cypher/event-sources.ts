import type { Statement } from "../db/database.ts";
import { articleProjection, eventProjection } from "./projections.ts";

/**
 * Reads for "one event, many sources": each event's reports (as of a date,
 * when given) with their evidence quoted, and candidate duplicates. Batched
 * by event id (one statement for all the events of a response).
 */

/** Reports per event, oldest first, at most `limit` each; the summary counts all of them. */
export function eventReports(ids: string[], asOf: string | null, limit: number): Statement {
  return {
    cypher: `UNWIND $ids AS id
MATCH (e:Event {id: id})
CALL (e) {
  MATCH (a:Article)-[r:REPORTS]->(e)
  WHERE $asOf IS NULL OR a.publishedAt <= datetime($asOf)
  WITH a, r ORDER BY a.publishedAt, a.id
  RETURN count(DISTINCT coalesce(a.sourceKey, a.id)) AS sources, count(r) AS total,
    toString(min(a.publishedAt)) AS firstReportedAt, toString(max(a.publishedAt)) AS lastReportedAt,
    collect({article: ${articleProjection("a")}, sourceKey: a.sourceKey,
      copyOf: head([(a)-[:SYNDICATES]->(o:Article) | o.id]),
      originalId: coalesce(r.originalId, e.id), type: coalesce(r.type, e.type), title: coalesce(r.title, e.title),
      start: toString(r.start), end: toString(r.end), precision: r.precision, edtf: r.edtf,
      spans: [i IN range(0, size(coalesce(r.starts, [])) - 1) |
        {start: r.starts[i], end: r.ends[i], text: substring(a.text, r.starts[i], r.ends[i] - r.starts[i])}],
      facts: [f IN coalesce(r.facts, []) | {code: f,
        text: substring(a.text, toInteger(split(f, '|')[3]), toInteger(split(f, '|')[4]) - toInteger(split(f, '|')[3]))}]
    })[0..toInteger($limit)] AS reports
}
RETURN id, sources, total, firstReportedAt, lastReportedAt, e.dateConflict AS dateConflict, reports`,
    params: { ids, asOf, limit },
  };
}

/**
 * How many independent sources report each event (as of asOf): the same count
 * as eventReports gives, without reading the reports' quotes from the
 * articles' texts — what a list of events shows beside each one.
 */
export function eventSourceCounts(ids: string[], asOf: string | null): Statement {
  return {
    cypher: `UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN id, COUNT {
  MATCH (a:Article)-[:REPORTS]->(e)
  WHERE $asOf IS NULL OR a.publishedAt <= datetime($asOf)
  RETURN DISTINCT coalesce(a.sourceKey, a.id) AS source
} AS sources`,
    params: { ids, asOf },
  };
}

/** Possible duplicates of each event (either direction), best first. */
export function eventCandidatesOf(ids: string[], status: string, limit: number): Statement {
  return {
    cypher: `UNWIND $ids AS id
MATCH (e:Event {id: id})-[c:POSSIBLY_SAME_AS]-(o:Event)
WHERE c.status = $status
WITH id, c, o ORDER BY c.score DESC
WITH id, collect({event: ${eventProjection("o")}, score: c.score, reasons: c.reasons, status: c.status,
  at: toString(c.at)})[0..toInteger($limit)] AS candidates
RETURN id, candidates`,
    params: { ids, status, limit },
  };
}

/** Open candidate pairs for the review list, best first (relationship index on status). */
export function openCandidates(skip: number, limit: number): Statement {
  return {
    cypher: `MATCH (a:Event)-[c:POSSIBLY_SAME_AS]->(b:Event)
WHERE c.status = 'OPEN'
WITH a, b, c ORDER BY c.score DESC, a.id, b.id SKIP toInteger($skip) LIMIT toInteger($limit)
RETURN ${eventProjection("a")} AS a, ${eventProjection("b")} AS b, c.score AS score, c.reasons AS reasons,
  c.status AS status, toString(c.at) AS at`,
    params: { skip, limit },
  };
}

export function openCandidateCount(): Statement {
  return { cypher: "MATCH (:Event)-[c:POSSIBLY_SAME_AS]->(:Event) WHERE c.status = 'OPEN' RETURN count(c) AS total" };
}
