import type { EventType } from "../bundle/types.ts";

/**
 * Every name that "one event, many sources" adds to the graph, in one place
 * (to move into the shared vocabulary module when it lands). Cypher text takes
 * these constants, never input.
 *
 * (Article)-[:REPORTS {originalId, type, title, start, end, precision, edtf,
 *   starts, ends, facts, resolvedBy, score}]->(Event)  one article's telling
 * (Event)-[:POSSIBLY_SAME_AS {score, reasons, at, status}]->(Event)  a candidate duplicate
 * (Article)-[:SYNDICATES {similarity, at}]->(Article)  near-duplicate copy of an earlier-stored article
 * (:MergeRecord {id, at, by, byKind, reason, score, reasons, events, articles})-[:MERGED_INTO]->(Event)
 * (:AuditEntry {id, at, who, action, target, before, after})
 * Article.sourceKey  the independent source an article counts as
 * Article.minhash / Article.minhashBands  syndication fingerprint
 * Event.independentSources / reportCount / firstReportedAt / lastReportedAt / dateConflict  kept on write
 */
export const REPORTS = "REPORTS";
export const POSSIBLY_SAME_AS = "POSSIBLY_SAME_AS";
export const SYNDICATES = "SYNDICATES";
export const MERGED_INTO = "MERGED_INTO";
export const MERGE_RECORD = "MergeRecord";
export const AUDIT_ENTRY = "AuditEntry";

/** Who decided a merge. */
export const MERGE_AUTHORS = ["EXTRACTOR", "ANALYST"] as const;
export type MergeAuthor = (typeof MERGE_AUTHORS)[number];

export const CANDIDATE_STATUSES = ["OPEN", "REJECTED"] as const;
export type CandidateStatus = (typeof CANDIDATE_STATUSES)[number];

/** Numeric facts read from reports; each is a count of people or things with its unit. */
export const FACT_KINDS = ["KILLED", "INJURED", "MISSILES", "DRONES"] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/**
 * Type families: events of the same family can be one incident told
 * differently (one outlet's "shelling" is another's "attack"); across
 * families they never merge.
 */
export const EVENT_FAMILIES: Record<EventType, string> = {
  ATTACK: "violence",
  AIRSTRIKE: "violence",
  SHELLING: "violence",
  ARMED_CLASH: "violence",
  THREAT: "threat",
  CEASEFIRE: "truce",
  CEASEFIRE_END: "truce-end",
  NEGOTIATION: "talks",
  MEETING: "talks",
  MEDIATION: "talks",
  AGREEMENT: "agreement",
  ANNOUNCEMENT: "announcement",
  POSTPONEMENT: "postponement",
  WITHDRAWAL: "withdrawal",
  DEPLOYMENT: "deployment",
  PROTEST: "protest",
  ARREST: "arrest",
  OTHER: "other",
};
