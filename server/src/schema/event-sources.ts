import { builder } from "../builder.ts";
import {
  type CandidateRow,
  candidatesOf,
  dateConflictOf,
  REPORTS_LOADED,
  type ReportRow,
  reportSet,
  type SpanRow,
  sourceCount,
} from "../loaders/event-sources.ts";
import { type Disagreement, type DisagreementValue, disagreements } from "../resolve/disagreements.ts";
import { decodeFact } from "../resolve/report-facts.ts";
import { connectionOf, offsetAfter, pageSize, toPage } from "./offset-connection.ts";
import { ArticleRef, capped, EventRef } from "./refs.ts";
import { EventType, Precision } from "./scalars.ts";

/**
 * One event, many sources: an event's reports (each article's own telling,
 * with its evidence quoted), how many independent sources back it, where the
 * reports disagree, and possible duplicates. Everything answers "as of" the
 * date the event was read with.
 */ const Span = builder.objectRef<SpanRow>("ReportSpan").implement({
  description: "A character span [start, end) of the article's text, quoted",
  fields: (t) => ({ start: t.exposeInt("start"), end: t.exposeInt("end"), text: t.exposeString("text") }),
});

const NumericFact = builder.objectRef<{ code: string; text: string }>("NumericFact").implement({
  description: "A number a report states (killed, injured, missiles, drones), with its unit and the words that say it",
  fields: (t) => ({
    kind: t.string({ resolve: (f) => decodeFact(f.code).kind }),
    value: t.int({ resolve: (f) => decodeFact(f.code).value }),
    atLeast: t.boolean({
      description: 'stated as a floor ("at least 25")',
      resolve: (f) => decodeFact(f.code).atLeast,
    }),
    quote: t.exposeString("text"),
  }),
});

const Report = builder.objectRef<ReportRow>("Report").implement({
  description: "One article's telling of an event: its own evidence, date wording, type and numbers",
  fields: (t) => ({
    article: t.field({ type: ArticleRef, resolve: (r) => r.article }),
    publisher: t.string({ resolve: (r) => r.article.publisher }),
    language: t.string({ resolve: (r) => r.article.language }),
    publishedAt: t.field({ type: "DateTime", resolve: (r) => r.article.publishedAt }),
    source: t.string({
      description: "the independent source this report counts as (a credited outlet, or the publisher)",
      resolve: (r) => r.sourceKey ?? r.article.id,
    }),
    copyOf: t.id({
      nullable: true,
      description: "the article this one republishes (syndicated copy)",
      resolve: (r) => r.copyOf,
    }),
    reportedId: t.id({ description: "the event id this article's bundle gave it", resolve: (r) => r.originalId }),
    type: t.field({ type: EventType, resolve: (r) => r.type as never }),
    title: t.exposeString("title"),
    start: t.field({ type: "DateTime", nullable: true, resolve: (r) => r.start }),
    end: t.field({ type: "DateTime", nullable: true, resolve: (r) => r.end }),
    precision: t.field({ type: Precision, nullable: true, resolve: (r) => r.precision as never }),
    edtf: t.exposeString("edtf", { nullable: true }),
    evidence: t.field({ type: [Span], resolve: (r) => r.spans }),
    facts: t.field({ type: [NumericFact], resolve: (r) => r.facts }),
  }),
});

const ReportConnection = connectionOf<ReportRow>("Report", Report);

const DisagreementReport = builder.objectRef<DisagreementValue["reports"][number]>("DisagreementReport").implement({
  fields: (t) => ({
    articleId: t.exposeID("articleId"),
    publisher: t.exposeString("publisher"),
    language: t.exposeString("language"),
    quote: t.exposeString("quote", { nullable: true }),
  }),
});

const DisagreementValueRef = builder.objectRef<DisagreementValue>("DisagreementValue").implement({
  description: "One value some reports give, and who gives it",
  fields: (t) => ({
    value: t.exposeString("value"),
    reports: t.field({ type: [DisagreementReport], resolve: (v) => v.reports }),
  }),
});

const DisagreementRef = builder.objectRef<Disagreement>("Disagreement").implement({
  description: "A fact the reports of one event do not agree on (KILLED, INJURED, MISSILES, DRONES, TYPE or DATE)",
  fields: (t) => ({
    what: t.exposeString("what"),
    unit: t.exposeString("unit", { nullable: true }),
    values: t.field({ type: [DisagreementValueRef], resolve: (d) => d.values }),
  }),
});

export const Candidate = builder.objectRef<CandidateRow>("DuplicateCandidate").implement({
  description: "An event that may be the same incident (POSSIBLY_SAME_AS), with the score and the reasons",
  fields: (t) => ({
    event: t.field({ type: EventRef, resolve: (c) => c.event }),
    score: t.float({ nullable: true, resolve: (c) => c.score }),
    reasons: t.stringList({ resolve: (c) => c.reasons ?? [] }),
    status: t.exposeString("status"),
    at: t.field({ type: "DateTime", nullable: true, resolve: (c) => c.at }),
  }),
});

const CandidateStatus = builder.enumType("CandidateStatus", { values: ["OPEN", "REJECTED"] as const });

builder.objectFields(EventRef, (t) => ({
  asOf: t.field({
    type: "DateTime",
    nullable: true,
    description: "the date this event was read as of (only articles published by then count)",
    resolve: (e) => e.asOf ?? null,
  }),
  reports: t.field({
    type: ReportConnection,
    description: "every article's report of this event, oldest first",
    args: { first: t.arg.int({ required: false, defaultValue: 20 }), after: t.arg.string({ required: false }) },
    resolve: async (e, a, ctx) => {
      const set = await reportSet(ctx, e);
      const skip = offsetAfter(a.after);
      const first = pageSize(a.first, 20, REPORTS_LOADED);
      return toPage(set.reports.slice(skip, skip + first + 1), skip, first, async () => set.total);
    },
  }),
  independentSources: t.int({
    description: "distinct sources among the reports: syndicated copies and articles crediting one outlet count once",
    // Its own light count: the reports themselves (quotes read from the articles' texts) are not needed for it.
    resolve: (e, _a, ctx) => sourceCount(ctx, e),
  }),
  reportCount: t.int({ resolve: async (e, _a, ctx) => (await reportSet(ctx, e)).total }),
  firstReportedAt: t.field({
    type: "DateTime",
    nullable: true,
    resolve: async (e, _a, ctx) => (await reportSet(ctx, e)).firstReportedAt,
  }),
  lastReportedAt: t.field({
    type: "DateTime",
    nullable: true,
    resolve: async (e, _a, ctx) => (await reportSet(ctx, e)).lastReportedAt,
  }),
  dateConflict: t.boolean({
    description: "the reports' dates do not intersect (the event then spans all of them)",
    resolve: (e, _a, ctx) => dateConflictOf(ctx, e),
  }),
  disagreements: t.field({
    type: [DisagreementRef],
    description: "facts the reports do not agree on, with who says which",
    resolve: async (e, _a, ctx) => {
      const set = await reportSet(ctx, e);
      return disagreements(
        set.reports.map((r) => ({
          articleId: r.article.id,
          publisher: r.article.publisher,
          language: r.article.language,
          type: r.type,
          start: r.start,
          end: r.end,
          facts: r.facts,
        })),
        await dateConflictOf(ctx, e),
      );
    },
  }),
  candidates: t.field({
    type: [Candidate],
    description: "events that may be the same incident, best first",
    args: {
      status: t.arg({ type: CandidateStatus, required: false, defaultValue: "OPEN" }),
      first: t.arg.int({ required: false }),
    },
    resolve: (e, a, ctx) => candidatesOf(ctx, e.id, a.status ?? "OPEN", capped(a.first, 20, 100)),
  }),
}));

builder.queryField("eventAsOf", (t) =>
  t.field({
    type: EventRef,
    nullable: true,
    description:
      "One event as it stood on a date: its reports, sources and disagreements count only articles published by then (null when none had)",
    authScopes: { reader: true },
    args: { id: t.arg.id({ required: true }), asOf: t.arg({ type: "DateTime", required: false }) },
    resolve: async (_r, a, ctx) => {
      const row = await ctx.loaders.node(String(a.id));
      if (row?.label !== "Event") return null;
      const e = { ...row, asOf: a.asOf ?? null };
      if (a.asOf && (await reportSet(ctx, e)).total === 0) return null;
      return e;
    },
  }),
);
