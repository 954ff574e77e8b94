import { request } from "./api.ts";
import type { ResultOf } from "./graphql.ts";
import { candidatesQuery, eventSourcesQuery, mergeEventsMutation, rejectCandidateMutation } from "./queries.ts";

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

/** The event as the sources query answers it. */
type RawSources = NonNullable<ResultOf<typeof eventSourcesQuery>["eventAsOf"]>;

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
  const data = await request(eventSourcesQuery, { id, asOf: asOf?.toISOString() ?? null }, { signal });
  const raw = data.eventAsOf;
  return raw ? shapeSources(raw, asOf) : null;
}

/** A pair of events that may report the same thing, with why. */
export type CandidatePairItem = ResultOf<typeof candidatesQuery>["candidateDuplicates"]["nodes"][number];

export async function loadCandidates(): Promise<{ total: number; pairs: CandidatePairItem[] }> {
  const data = await request(candidatesQuery, { first: 50 });
  return { total: data.candidateDuplicates.totalCount, pairs: data.candidateDuplicates.nodes };
}

/** Accepting a candidate merges the pair (the first event is kept); the reason names the review. */
export async function acceptCandidate(pair: CandidatePairItem, key: string): Promise<void> {
  const r = await request(
    mergeEventsMutation,
    { ids: [pair.a.id, pair.b.id], reason: `accepted in candidate review (score ${pair.score ?? "?"})` },
    { key },
  );
  if ("message" in r.mergeEvents) throw new Error(r.mergeEvents.message);
}

export async function rejectCandidatePair(pair: CandidatePairItem, key: string): Promise<void> {
  const r = await request(rejectCandidateMutation, { a: pair.a.id, b: pair.b.id }, { key });
  if ("message" in r.rejectCandidate) throw new Error(r.rejectCandidate.message);
}
