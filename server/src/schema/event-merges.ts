import { builder } from "../builder.ts";
import { openCandidateCount, openCandidates } from "../cypher/event-sources.ts";
import type { EventRow } from "../cypher/rows.ts";
import { EditError, EventNotFound, mergeEvents, rejectCandidate, splitEvent } from "../resolve/event-edits.ts";
import { invalid, NotFoundError, ValidationError } from "./errors.ts";
import { connectionOf, offsetAfter, pageSize, toPage } from "./offset-connection.ts";
import { EventRef } from "./refs.ts";

/**
 * An analyst's hand on event resolution: the review list of candidate
 * duplicates, mergeEvents / splitEvent / rejectCandidate (editor key, each
 * audited; the log is schema/audit.ts).
 */
interface PairRow {
  a: EventRow;
  b: EventRow;
  score: number | null;
  reasons: string[];
  status: string;
  at: string | null;
}

const CandidatePair = builder.objectRef<PairRow>("CandidatePair").implement({
  description: "Two events that may be one incident, for review",
  fields: (t) => ({
    a: t.field({ type: EventRef, resolve: (p) => p.a }),
    b: t.field({ type: EventRef, resolve: (p) => p.b }),
    score: t.float({ nullable: true, resolve: (p) => p.score }),
    reasons: t.stringList({ resolve: (p) => p.reasons ?? [] }),
    status: t.exposeString("status"),
    at: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.at }),
  }),
});

builder.queryField("candidateDuplicates", (t) =>
  t.field({
    type: connectionOf<PairRow>("CandidatePair", CandidatePair),
    description: "Open candidate duplicates (POSSIBLY_SAME_AS), best score first",
    authScopes: { reader: true },
    args: { first: t.arg.int({ required: false, defaultValue: 50 }), after: t.arg.string({ required: false }) },
    resolve: async (_r, a, ctx) => {
      const first = pageSize(a.first, 50, 200);
      const skip = offsetAfter(a.after);
      const r = await ctx.read(openCandidates(skip, first + 1));
      return toPage(
        r.records.map((x) => x.toObject() as PairRow),
        skip,
        first,
        async () => Number((await ctx.read(openCandidateCount())).records[0].get("total")),
      );
    },
  }),
);

/** Edit failures become the schema's typed errors, naming the argument or the missing id. */
async function typed<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof EditError) throw invalid(error.path, error.message.slice(error.path.length + 2));
    if (error instanceof EventNotFound) throw new NotFoundError(error.id);
    throw error;
  }
}

const MergeEventsResult = builder
  .objectRef<{ keep: string; merged: string[]; mergeRecord: string; auditId: string }>("MergeEventsResult")
  .implement({
    fields: (t) => ({
      event: t.field({ type: EventRef, resolve: async (r, _a, ctx) => (await ctx.loaders.node(r.keep)) as never }),
      merged: t.idList({ resolve: (r) => r.merged }),
      mergeRecord: t.exposeID("mergeRecord"),
      auditId: t.exposeID("auditId"),
    }),
  });

builder.mutationField("mergeEvents", (t) =>
  t.field({
    type: MergeEventsResult,
    description:
      "Makes these events one (the first id is kept): every report moves with its own evidence, date and wording; recorded and reversible with splitEvent",
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { ids: t.arg.idList({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_r, a, ctx) => {
      const result = await typed(() => mergeEvents(ctx.db, a.ids.map(String), a.reason, ctx.who));
      return result;
    },
  }),
);

const SplitEventResult = builder.objectRef<{ events: string[]; auditId: string }>("SplitEventResult").implement({
  fields: (t) => ({
    events: t.field({
      type: [EventRef],
      resolve: async (r, _a, ctx) => (await Promise.all(r.events.map((id) => ctx.loaders.node(id)))) as never,
    }),
    auditId: t.exposeID("auditId"),
  }),
});

builder.mutationField("splitEvent", (t) =>
  t.field({
    type: SplitEventResult,
    description: "Gives every report of the event its own event again (undoes merges); the first report keeps the id",
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, a, ctx) => {
      const result = await typed(() => splitEvent(ctx.db, String(a.id), ctx.who));
      return result;
    },
  }),
);

const RejectCandidateResult = builder
  .objectRef<{ a: string; b: string; auditId: string }>("RejectCandidateResult")
  .implement({
    fields: (t) => ({ a: t.exposeID("a"), b: t.exposeID("b"), auditId: t.exposeID("auditId") }),
  });

builder.mutationField("rejectCandidate", (t) =>
  t.field({
    type: RejectCandidateResult,
    description: "Marks two candidate duplicates as different events; they are not offered again",
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { a: t.arg.id({ required: true }), b: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => typed(() => rejectCandidate(ctx.db, String(a.a), String(a.b), ctx.who)),
  }),
);
