import type { Statement } from "../db/database.ts";
import { DUPLICATE_DISMISSAL } from "../model/vocabulary.ts";

/**
 * Cypher for duplicate suggestions among actors and places: the names to
 * match, what an analyst dismissed, the evidence shown for each member, and
 * storing a dismissal. Labels come from this allow-list only.
 */
export const DUPLICATE_LABELS = ["Actor", "Location"] as const;
export type DuplicateLabel = (typeof DUPLICATE_LABELS)[number];

function checked(label: DuplicateLabel): DuplicateLabel {
  if (!DUPLICATE_LABELS.includes(label)) throw new Error(`invalid duplicate label: ${label}`);
  return label;
}

/** Every actor (but unnamed sources, which are described, not named) or place, with its names. */
export function namedEntities(label: DuplicateLabel): Statement {
  const where = checked(label) === "Actor" ? "WHERE n.kind <> 'ANONYMOUS_SOURCE'" : "";
  return {
    cypher: `MATCH (n:${label}) ${where}
RETURN n.id AS id, n.name AS name, n.nameAr AS nameAr, coalesce(n.aliases, []) AS aliases, n.kind AS kind`,
  };
}

/** The pairs of this label an analyst dismissed, as their pair keys. */
export function dismissedPairs(label: DuplicateLabel): Statement {
  return {
    cypher: `MATCH (d:${DUPLICATE_DISMISSAL} {label: $label}) RETURN d.pair AS pair`,
    params: { label: checked(label) },
  };
}

/**
 * For each id: names, how often articles mention it (spans and articles), a
 * few quoted mentions (latest articles first), and the events it is tied to
 * (an actor's participations, a place's events), to tell shared events.
 */
export function memberEvidence(label: DuplicateLabel, ids: string[], samples: number): Statement {
  const events =
    checked(label) === "Actor"
      ? "OPTIONAL MATCH (n)-[:PARTICIPATED_IN]->(e:Event)"
      : "OPTIONAL MATCH (e:Event)-[:OCCURRED_IN]->(n)";
  return {
    cypher: `UNWIND $ids AS id
MATCH (n:${label} {id: id})
CALL (n) {
  OPTIONAL MATCH (a:Article)-[m:MENTIONS]->(n)
  WITH a, m ORDER BY a.publishedAt DESC
  RETURN sum(size(coalesce(m.starts, []))) AS mentions, count(a) AS articles,
    collect(CASE WHEN a IS NULL OR size(coalesce(m.starts, [])) = 0 THEN null ELSE {
      articleId: a.id, articleTitle: a.title, start: m.starts[0], end: m.ends[0],
      quote: substring(a.text, m.starts[0], m.ends[0] - m.starts[0])} END)[0..toInteger($samples)] AS samples
}
CALL (n) {
  ${events}
  RETURN collect(DISTINCT e.id)[0..1000] AS events
}
RETURN n.id AS id, n.name AS name, n.nameAr AS nameAr, coalesce(n.aliases, []) AS aliases, n.kind AS kind,
  mentions, articles, samples, events`,
    params: { ids, samples },
  };
}

/** Which of these ids are nodes of the label. */
export function existingOf(label: DuplicateLabel, ids: string[]): Statement {
  return {
    cypher: `UNWIND $ids AS id MATCH (n:${checked(label)} {id: id}) RETURN n.id AS id`,
    params: { ids },
  };
}

/** Stores dismissals (one node per pair, found by its key; dismissing twice changes nothing). */
export function dismissPairs(
  rows: { id: string; pair: string; a: string; b: string; label: DuplicateLabel; who: string }[],
): Statement {
  return {
    cypher: `UNWIND $rows AS row
MERGE (d:${DUPLICATE_DISMISSAL} {pair: row.pair})
ON CREATE SET d.id = row.id, d.a = row.a, d.b = row.b, d.label = row.label, d.at = datetime(), d.who = row.who
RETURN count(d) AS dismissed`,
    params: { rows },
  };
}
