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

type Loaders<V> = WeakMap<Reader, Map<string, DataLoader<string, V>>>;

/**
 * The request's loader for one variant (an asOf, a status and limit), made on
 * first use: `batch` answers all the ids of a response in one statement.
 */
function loaderFor<V>(
  all: Loaders<V>,
  ctx: Reader,
  variant: string,
  batch: (ids: string[]) => Promise<V[]>,
): DataLoader<string, V> {
  let byVariant = all.get(ctx);
  if (!byVariant) {
    byVariant = new Map();
    all.set(ctx, byVariant);
  }
  let loader = byVariant.get(variant);
  if (!loader) {
    loader = new DataLoader<string, V>((ids) => batch([...ids]));
    byVariant.set(variant, loader);
  }
  return loader;
}

const NO_REPORTS: ReportSet = {
  sources: 0,
  total: 0,
  firstReportedAt: null,
  lastReportedAt: null,
  dateConflict: null,
  reports: [],
};
const reportLoaders: Loaders<ReportSet> = new WeakMap();

/** One batched statement per asOf for all the events of a response. */
export function reportSet(ctx: Reader, e: EventRow): Promise<ReportSet> {
  const asOf = e.asOf ?? null;
  return loaderFor(reportLoaders, ctx, asOf ?? "", async (ids) => {
    const r = await ctx.read(eventReports(ids, asOf, REPORTS_LOADED));
    const got = new Map(r.records.map((x) => [x.get("id") as string, x.toObject() as unknown as ReportSet]));
    return ids.map((id) => got.get(id) ?? NO_REPORTS);
  }).load(e.id);
}

const sourceCountLoaders: Loaders<number> = new WeakMap();

/**
 * How many independent sources report the event (as of its asOf), one batched
 * statement per asOf: the count alone, for lists of events that show it
 * without the reports (the timeline draws single-source events hollow).
 */
export function sourceCount(ctx: Reader, e: EventRow): Promise<number> {
  const asOf = e.asOf ?? null;
  return loaderFor(sourceCountLoaders, ctx, asOf ?? "", async (ids) => {
    const r = await ctx.read(eventSourceCounts(ids, asOf));
    const got = new Map(r.records.map((x) => [x.get("id") as string, Number(x.get("sources"))]));
    return ids.map((id) => got.get(id) ?? 0);
  }).load(e.id);
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

const candidateLoaders: Loaders<CandidateRow[]> = new WeakMap();

/** One batched statement per (status, limit) for the candidates of all the events of a response. */
export function candidatesOf(ctx: Reader, id: string, status: string, limit: number): Promise<CandidateRow[]> {
  return loaderFor(candidateLoaders, ctx, `${status}:${limit}`, async (ids) => {
    const r = await ctx.read(eventCandidatesOf(ids, status, limit));
    const got = new Map(r.records.map((x) => [x.get("id") as string, x.get("candidates") as CandidateRow[]]));
    return ids.map((i) => got.get(i) ?? []);
  }).load(id);
}
