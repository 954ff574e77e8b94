/**
 * The shapes Cypher projections return (cypher/projections.ts) and resolvers
 * receive. `label` says which GraphQL type a row is, for the Node interface.
 * Enum-valued properties carry the vocabulary's unions: only validated
 * bundles and checked edits write them.
 */

import type {
  Asserter,
  Certainty,
  DatePrecision,
  EventType,
  GraphRelation,
  Language,
  NodeLabel,
  Role,
} from "../model/vocabulary.ts";

/** Who asserted a node or tie (EXTRACTOR, ANALYST, IMPORT; null for facts stored before provenance was kept). */
export interface ProvenanceRow {
  by: Asserter | null;
  /** The extractor's version, the analyst's key name, or the importing tool. */
  name: string | null;
  at: string | null;
  correctedBy: string | null;
  correctedAt: string | null;
}

export interface EventRow {
  label: "Event";
  id: string;
  type: EventType;
  title: string;
  summary: string | null;
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  edtf: string | null;
  confidence: number | null;
  provenance?: ProvenanceRow;
  /** Set by reads asked "as of" a date, so an event's reports and counts answer for that date too. */
  asOf?: string | null;
}

export interface ActorRow {
  label: "Actor";
  id: string;
  name: string;
  nameAr: string | null;
  aliases: string[];
  kind: string;
  description: string | null;
  wikidataId: string | null;
  /** Ids merged into this node (splitEntity can restore each). */
  mergedIds?: string[];
  provenance?: ProvenanceRow;
}

export interface LocationRow {
  label: "Location";
  id: string;
  name: string;
  nameAr: string | null;
  aliases: string[];
  kind: string;
  latitude: number | null;
  longitude: number | null;
  countryCode: string | null;
  wikidataId: string | null;
  geonamesId?: number | null;
  mergedIds?: string[];
  provenance?: ProvenanceRow;
}

export interface ClaimRow {
  label: "Claim";
  id: string;
  text: string;
  gloss: string | null;
  language: Language;
  statedAt: string | null;
  certainty: Certainty;
  confidence: number | null;
  provenance?: ProvenanceRow;
}

export interface ArticleRow {
  label: "Article";
  id: string;
  url: string | null;
  title: string;
  publisher: string;
  language: Language;
  publishedAt: string;
  producer: string | null;
  contentHash: string;
}

export type EntityRow = EventRow | ActorRow | LocationRow | ClaimRow;
export type NodeRow = EntityRow | ArticleRow;

/** Every row kind is one of the graph's node labels. */
export type RowLabel = NodeRow["label"] & NodeLabel;

/** One item of a relationship list: the node at the other end and the relationship's own data. */
export interface RelatedRow<N = NodeRow> {
  node: N;
  type: GraphRelation;
  role: Role | null;
  direction: "OUT" | "IN";
  evidence: string[] | null;
  confidence: number | null;
  provenance?: ProvenanceRow;
}

/** A PARTICIPATED_IN item: its role is always set (ingest and merges write it). */
export interface ParticipationRow<N> extends RelatedRow<N> {
  role: Role;
}

/** A resolved span of an article's text. */
export interface EvidenceRow {
  articleId: string;
  articleTitle: string;
  start: number;
  end: number;
  quote: string;
}
