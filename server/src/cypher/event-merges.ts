import type { Statement } from "../db/database.ts";
import { AUDIT_ENTRY, MERGE_RECORD, MERGED_INTO, POSSIBLY_SAME_AS } from "../model/vocabulary.ts";
import { keepSpanClass } from "./span-class.ts";

/**
 * An analyst's merges and splits of events, and the audit trail. A merge
 * moves each report (with its own date, type and wording) onto the kept
 * event; a split gives each report back its own event, with the ties whose
 * evidence points into that report's article. Pure: values in, statements out.
 */

/** What a merge or split needs to know first: the events, their reports, and articles that report more than one of them. */
export function eventsForEdit(ids: string[]): Statement {
  return {
    cypher: `UNWIND $ids AS id
OPTIONAL MATCH (e:Event {id: id})
RETURN id, e IS NOT NULL AS found,
  [(a:Article)-[r:REPORTS]->(e) | {article: a.id, originalId: coalesce(r.originalId, e.id), title: coalesce(r.title, e.title),
    publishedAt: toString(a.publishedAt)}] AS reports,
  e.independentSources AS sources, toString(e.start) AS start, toString(e.end) AS end, e.title AS title`,
    params: { ids },
  };
}

/** Reports move with everything they said; the id the article gave the event is kept for a later split. */
export function moveReports(keep: string, merge: string[]): Statement {
  return {
    cypher: `MATCH (keep:Event {id: $keep})
MATCH (a:Article)-[r:REPORTS]->(dup:Event) WHERE dup.id IN $merge
CREATE (a)-[moved:REPORTS]->(keep)
SET moved = properties(r), moved.originalId = coalesce(r.originalId, dup.id)
DELETE r
WITH keep
MATCH (m:${MERGE_RECORD})-[t:${MERGED_INTO}]->(dup:Event) WHERE dup.id IN $merge
CREATE (m)-[:${MERGED_INTO}]->(keep)
DELETE t`,
    params: { keep, merge },
  };
}

/**
 * One new event per row {article, newId, searchText}: the article's report
 * and the ties whose evidence comes from it move there; ties still backed by
 * other articles keep that evidence on the original event.
 */
export function splitReports(id: string, rows: unknown[]): Statement {
  return {
    cypher: `UNWIND $rows AS row
MATCH (a:Article {id: row.article})-[r:REPORTS]->(e:Event {id: $id})
CREATE (n:Event {id: row.newId})
SET n.type = coalesce(r.type, e.type), n.title = coalesce(r.title, e.title), n.start = r.start, n.end = r.end,
  n.precision = coalesce(r.precision, e.precision), n.edtf = r.edtf, n.confidence = coalesce(r.confidence, e.confidence),
  n.searchText = row.searchText, n.uncounted = true
${keepSpanClass("n")}
CREATE (a)-[r2:REPORTS]->(n)
SET r2 = properties(r)
DELETE r
WITH a, e, n, row
CALL (e, n, row) {
  MATCH (x:Actor)-[p:PARTICIPATED_IN]->(e) WHERE any(s IN coalesce(p.evidence, []) WHERE s STARTS WITH row.prefix)
  MERGE (x)-[p2:PARTICIPATED_IN {role: p.role}]->(n)
  SET p2.evidence = [s IN p.evidence WHERE s STARTS WITH row.prefix], p2.confidence = p.confidence,
    p.evidence = [s IN p.evidence WHERE NOT s STARTS WITH row.prefix]
  WITH p WHERE size(p.evidence) = 0
  DELETE p
}
CALL (e, n, row) {
  MATCH (e)-[o:OCCURRED_IN]->(l:Location) WHERE any(s IN coalesce(o.evidence, []) WHERE s STARTS WITH row.prefix)
  MERGE (n)-[o2:OCCURRED_IN]->(l)
  SET o2.evidence = [s IN o.evidence WHERE s STARTS WITH row.prefix], o.evidence = [s IN o.evidence WHERE NOT s STARTS WITH row.prefix]
  WITH o WHERE size(o.evidence) = 0
  DELETE o
}
CALL (a, e, n) {
  MATCH (a)-[:CONTAINS]->(c:Claim)-[ab:ABOUT]->(e)
  CREATE (c)-[ab2:ABOUT]->(n)
  SET ab2 = properties(ab)
  DELETE ab
}
// Split parts are not offered again as duplicates of each other.
MERGE (n)-[c:${POSSIBLY_SAME_AS}]->(e)
SET c.status = 'REJECTED', c.at = datetime(), c.score = null, c.reasons = ['split by an analyst']
RETURN n.id AS id`,
    params: { id, rows },
  };
}

export function markMergesUndone(id: string): Statement {
  return {
    cypher: `MATCH (m:${MERGE_RECORD})-[:${MERGED_INTO}]->(:Event {id: $id}) WHERE m.undoneAt IS NULL SET m.undoneAt = datetime()`,
    params: { id },
  };
}

export function setCandidateStatus(a: string, b: string, status: "REJECTED" | "OPEN"): Statement {
  return {
    cypher: `MATCH (x:Event {id: $a})-[c:${POSSIBLY_SAME_AS}]-(y:Event {id: $b})
SET c.status = $status, c.decidedAt = datetime()
RETURN count(c) AS changed`,
    params: { a, b, status },
  };
}
