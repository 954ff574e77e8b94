import DataLoader from "dataloader";
import { eventCandidatesOf, eventReports, eventSourceCounts } from "../cypher/event-sources.ts";
import type { ArticleRow, EventRow } from "../cypher/rows.ts";
import { type MergedDates, mergeReportDates } from "../resolve/merged-dates.ts";
import type { Read } from "./loaders.ts";

/**
 * Batch loaders for "one event, many sources": every event of a response
 * gets its reports (as of its asOf) in one statement per asOf, and its
 * candidate duplicates in one statement per (status, limit). They live as
 * long as the request object they are keyed by.
 */

/** What the loaders need of a request: its read (the GraphQL context has it). */
export interface Reader {
  read: Read;
}

export interface SpanRow {
  start: number;
  end: number;
  text: string;
}
export interface ReportRow {
  article: ArticleRow;
  sourceKey: string | null;
  copyOf: string | null;
  originalId: string;
  type: string;
  title: string;
  start: string | null;
  end: string | null;
  precision: string | null;
  edtf: string | null;
  spans: SpanRow[];
  facts: { code: string; text: string }[];
}
export interface ReportSet {
  sources: number;
  total: number;
  firstReportedAt: string | null;
  lastReportedAt: string | null;
  dateConflict: boolean | null;
  reports: ReportRow[];
}
export interface CandidateRow {
  event: EventRow;
  score: number | null;
  reasons: string[];
  status: string;
  at: string | null;
}

export const REPORTS_LOADED = 200;
const reportLoaders = new WeakMap<Reader, Map<string, DataLoader<string, ReportSet>>>();

/** One batched statement per asOf for all the events of a response. */
export function reportSet(ctx: Reader, e: EventRow): Promise<ReportSet> {
  let byAsOf = reportLoaders.get(ctx);
  if (!byAsOf) {
    byAsOf = new Map();
    reportLoaders.set(ctx, byAsOf);
  }
  const key = e.asOf ?? "";
  let loader = byAsOf.get(key);
  if (!loader) {
    loader = new DataLoader<string, ReportSet>(async (ids) => {
      const r = await ctx.read(eventReports([...ids], e.asOf ?? null, REPORTS_LOADED));
      const got = new Map(r.records.map((x) => [x.get("id") as string, x.toObject() as unknown as ReportSet]));
      const empty: ReportSet = {
        sources: 0,
        total: 0,
        firstReportedAt: null,
        lastReportedAt: null,
        dateConflict: null,
        reports: [],
      };
      return ids.map((id) => got.get(id) ?? empty);
    });
    byAsOf.set(key, loader);
  }
  return loader.load(e.id);
}

const sourceCountLoaders = new WeakMap<Reader, Map<string, DataLoader<string, number>>>();

/**
 * How many independent sources report the event (as of its asOf), one batched
 * statement per asOf: the count alone, for lists of events that show it
 * without the reports (the timeline draws single-source events hollow).
 */
export function sourceCount(ctx: Reader, e: EventRow): Promise<number> {
  let byAsOf = sourceCountLoaders.get(ctx);
  if (!byAsOf) {
    byAsOf = new Map();
    sourceCountLoaders.set(ctx, byAsOf);
  }
  const key = e.asOf ?? "";
  let loader = byAsOf.get(key);
  if (!loader) {
    loader = new DataLoader<string, number>(async (ids) => {
      const r = await ctx.read(eventSourceCounts([...ids], e.asOf ?? null));
      const got = new Map(r.records.map((x) => [x.get("id") as string, Number(x.get("sources"))]));
      return ids.map((id) => got.get(id) ?? 0);
    });
    byAsOf.set(key, loader);
  }
  return loader.load(e.id);
}

/**
 * The event's dates as they stood on its asOf (merged from the reports
 * published by then); null when it is read without asOf or no report then
 * carried a date, and the stored dates stand.
 */
export async function datesAsOf(ctx: Reader, e: EventRow): Promise<MergedDates | null> {
  if (!e.asOf) return null;
  return mergeReportDates((await reportSet(ctx, e)).reports);
}

/** Whether the reports' dates conflict: as they stood on asOf, or as stored. */
export async function dateConflictOf(ctx: Reader, e: EventRow): Promise<boolean> {
  if (e.asOf) return (await datesAsOf(ctx, e))?.conflict ?? false;
  return Boolean((await reportSet(ctx, e)).dateConflict);
}

const candidateLoaders = new WeakMap<Reader, Map<string, DataLoader<string, CandidateRow[]>>>();

/** One batched statement per (status, limit) for the candidates of all the events of a response. */
export function candidatesOf(ctx: Reader, id: string, status: string, limit: number): Promise<CandidateRow[]> {
  let byArgs = candidateLoaders.get(ctx);
  if (!byArgs) {
    byArgs = new Map();
    candidateLoaders.set(ctx, byArgs);
  }
  const key = `${status}:${limit}`;
  let loader = byArgs.get(key);
  if (!loader) {
    loader = new DataLoader<string, CandidateRow[]>(async (ids) => {
      const r = await ctx.read(eventCandidatesOf([...ids], status, limit));
      const got = new Map(r.records.map((x) => [x.get("id") as string, x.get("candidates") as CandidateRow[]]));
      return ids.map((i) => got.get(i) ?? []);
    });
    byArgs.set(key, loader);
  }
  return loader.load(id);
}
