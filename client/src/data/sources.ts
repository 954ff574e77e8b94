import { graphql } from "./api.ts";

/**
 * One event, many sources, for the client: an event's reports, independent
 * source count and disagreements (as of a date), and the candidate-duplicate
 * review list with its two decisions. Shaped once here; views get plain data.
 */
export interface ReportItem {
  articleId: string;
  title: string;
  publisher: string;
  language: string;
  publishedAt: Date;
  source: string;
  copyOf: string | null;
  spans: string[];
  /** The numbers this report states (killed, injured, missiles, drones), with the words that say them. */
  facts: ReportFact[];
}

export interface ReportFact {
  kind: string;
  value: number;
  /** Stated as a floor ("at least 25"). */
  atLeast: boolean;
  quote: string;
}

export interface DisagreementItem {
  what: string;
  unit: string | null;
  values: { value: string; reports: { publisher: string; language: string; quote: string | null }[] }[];
}

export interface EventSources {
  id: string;
  title: string;
  asOf: Date | null;
  independentSources: number;
  reportCount: number;
  firstReportedAt: Date | null;
  lastReportedAt: Date | null;
  dateConflict: boolean;
  reports: ReportItem[];
  disagreements: DisagreementItem[];
}

export const eventSourcesQuery = `query RasdEventSources($id: ID!, $asOf: DateTime) {
  eventAsOf(id: $id, asOf: $asOf) {
    id title independentSources reportCount firstReportedAt lastReportedAt dateConflict
    reports(first: 50) { nodes { article { id title } publisher language publishedAt source copyOf evidence { text } facts { kind value atLeast quote } } }
    disagreements { what unit values { value reports { publisher language quote } } }
  }
}`;

interface RawSources {
  id: string;
  title: string;
  independentSources: number;
  reportCount: number;
  firstReportedAt: string | null;
  lastReportedAt: string | null;
  dateConflict: boolean;
  reports: {
    nodes: {
      article: { id: string; title: string };
      publisher: string;
      language: string;
      publishedAt: string;
      source: string;
      copyOf: string | null;
      evidence: { text: string }[];
      facts: ReportFact[];
    }[];
  };
  disagreements: DisagreementItem[];
}

export function shapeSources(raw: RawSources, asOf: Date | null): EventSources {
  return {
    id: raw.id,
    title: raw.title,
    asOf,
    independentSources: raw.independentSources,
    reportCount: raw.reportCount,
    firstReportedAt: raw.firstReportedAt ? new Date(raw.firstReportedAt) : null,
    lastReportedAt: raw.lastReportedAt ? new Date(raw.lastReportedAt) : null,
    dateConflict: raw.dateConflict,
    reports: raw.reports.nodes.map((r) => ({
      articleId: r.article.id,
      title: r.article.title,
      publisher: r.publisher,
      language: r.language,
      publishedAt: new Date(r.publishedAt),
      source: r.source,
      copyOf: r.copyOf,
      spans: r.evidence.map((s) => s.text),
      facts: r.facts,
    })),
    disagreements: raw.disagreements,
  };
}

/** The event's sources as of a date; null when the event had not been reported by then. */
export async function loadEventSources(
  id: string,
  asOf: Date | null,
  signal?: AbortSignal,
): Promise<EventSources | null> {
  const data = await graphql<{ eventAsOf: RawSources | null }>(
    eventSourcesQuery,
    { id, asOf: asOf?.toISOString() ?? null },
    { signal },
  );
  const raw = data.eventAsOf;
  return raw ? shapeSources(raw, asOf) : null;
}

export interface CandidatePairItem {
  a: { id: string; title: string; start: string | null; type: string };
  b: { id: string; title: string; start: string | null; type: string };
  score: number | null;
  reasons: string[];
}

export const candidatesQuery = `query RasdCandidates($first: Int) {
  candidateDuplicates(first: $first) { totalCount nodes {
    a { id title start type } b { id title start type } score reasons
  } }
}`;

export async function loadCandidates(): Promise<{ total: number; pairs: CandidatePairItem[] }> {
  const data = await graphql<{ candidateDuplicates: { totalCount: number; nodes: CandidatePairItem[] } }>(
    candidatesQuery,
    { first: 50 },
  );
  return { total: data.candidateDuplicates.totalCount, pairs: data.candidateDuplicates.nodes };
}

const mergeMutation = `mutation RasdMergeEvents($ids: [ID!]!, $reason: String!) {
  mergeEvents(ids: $ids, reason: $reason) { __typename ... on Error { message } }
}`;
const rejectMutation = `mutation RasdRejectCandidate($a: ID!, $b: ID!) {
  rejectCandidate(a: $a, b: $b) { __typename ... on Error { message } }
}`;

/** Accepting a candidate merges the pair (the first event is kept); the reason names the review. */
export async function acceptCandidate(pair: CandidatePairItem, key: string): Promise<void> {
  const r = await graphql<{ mergeEvents: { __typename: string; message?: string } }>(
    mergeMutation,
    { ids: [pair.a.id, pair.b.id], reason: `accepted in candidate review (score ${pair.score ?? "?"})` },
    { key },
  );
  if (r.mergeEvents.message) throw new Error(r.mergeEvents.message);
}

export async function rejectCandidatePair(pair: CandidatePairItem, key: string): Promise<void> {
  const r = await graphql<{ rejectCandidate: { __typename: string; message?: string } }>(
    rejectMutation,
    { a: pair.a.id, b: pair.b.id },
    { key },
  );
  if (r.rejectCandidate.message) throw new Error(r.rejectCandidate.message);
}
