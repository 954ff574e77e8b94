import { builder } from "../builder.ts";
import type { EventOrder } from "../cypher/events.ts";
import type { ActorRow, ArticleRow, ClaimRow, EventRow, LocationRow, ParticipationRow } from "../cypher/rows.ts";
import { datesAsOf } from "../loaders/event-sources.ts";
import { eventSpanStats } from "../loaders/span-stats.ts";
import { EVENT_TYPES } from "../model/vocabulary.ts";
import { EventFilterInput, toEventFilter } from "./event-filter.ts";
import { COUNT_CAP, type EventTotal, eventsConnection } from "./event-pages.ts";
import { EventActor, EventPlace, Evidence } from "./evidence.ts";
import { provenanceField } from "./provenance.ts";
import { ArticleRef, ClaimRef, capped, EventRef, LocationRef, NodeRef } from "./refs.ts";
import { EventType, Precision, Role } from "./scalars.ts";

EventRef.implement({
  description: "Something that happened, with uncertain dates kept as a range (start..end) plus precision and EDTF",
  interfaces: [NodeRef],
  isTypeOf: (row) => (row as EventRow).label === "Event",
  fields: (t) => ({
    type: t.expose("type", { type: EventType }),
    typeLabel: t.string({ resolve: (e) => EVENT_TYPES[e.type]?.label ?? e.type }),
    cameo: t.string({ nullable: true, description: "CAMEO code", resolve: (e) => EVENT_TYPES[e.type]?.cameo ?? null }),
    acled: t.string({ nullable: true, description: "ACLED type", resolve: (e) => EVENT_TYPES[e.type]?.acled ?? null }),
    title: t.exposeString("title"),
    summary: t.exposeString("summary", { nullable: true }),
    // Read as of a date, the dates are those the reports published by then allowed.
    start: t.field({
      type: "DateTime",
      nullable: true,
      description: "earliest instant (as of asOf, when the event was read with one)",
      resolve: async (e, _a, ctx) => ((await datesAsOf(ctx, e)) ?? e).start,
    }),
    end: t.field({
      type: "DateTime",
      nullable: true,
      description: "latest instant (as of asOf, when the event was read with one)",
      resolve: async (e, _a, ctx) => ((await datesAsOf(ctx, e)) ?? e).end,
    }),
    precision: t.field({
      type: Precision,
      resolve: async (e, _a, ctx) => ((await datesAsOf(ctx, e))?.precision ?? e.precision) as EventRow["precision"],
    }),
    edtf: t.exposeString("edtf", { nullable: true }),
    confidence: t.exposeFloat("confidence", { nullable: true }),
    provenance: provenanceField(t),
    actors: t.field({
      type: [EventActor],
      args: { role: t.arg({ type: Role, required: false }), first: t.arg.int({ required: false }) },
      resolve: (e, a, ctx) =>
        ctx.loaders.related<ActorRow, ParticipationRow<ActorRow>>(
          "eventActors",
          e.id,
          capped(a.first, 100, 500),
          a.role,
        ),
    }),
    locations: t.field({
      type: [LocationRef],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (e, a, ctx) =>
        (await ctx.loaders.related<LocationRow>("eventLocations", e.id, capped(a.first, 100, 500))).map((r) => r.node),
    }),
    places: t.field({
      type: [EventPlace],
      description: "the places it occurred in, with who asserted each",
      args: { first: t.arg.int({ required: false }) },
      resolve: (e, a, ctx) => ctx.loaders.related<LocationRow>("eventLocations", e.id, capped(a.first, 100, 500)),
    }),
    claims: t.field({
      type: [ClaimRef],
      description: "claims about this event",
      args: { first: t.arg.int({ required: false }) },
      resolve: async (e, a, ctx) =>
        (await ctx.loaders.related<ClaimRow>("eventClaims", e.id, capped(a.first, 100, 500))).map((r) => r.node),
    }),
    articles: t.field({
      type: [ArticleRef],
      description: "articles that report this event",
      args: { first: t.arg.int({ required: false }) },
      resolve: async (e, a, ctx) =>
        (await ctx.loaders.related<ArticleRow>("eventArticles", e.id, capped(a.first, 50, 500))).map((r) => r.node),
    }),
    evidence: t.field({
      type: [Evidence],
      args: { first: t.arg.int({ required: false, description: "articles to quote (default 20)" }) },
      resolve: (e, a, ctx) => ctx.loaders.nodeEvidence("Event", e.id, capped(a.first, 20, 200)),
    }),
  }),
});

const EventOrderEnum = builder.enumType("EventOrder", {
  values: ["START_ASC", "START_DESC", "CONFIDENCE_DESC", "RELEVANCE"] as const,
});

builder.queryField("events", (t) =>
  t.connection(
    {
      type: EventRef,
      description:
        "Events matching a filter, a page at a time (first ≤ 500, default 50). START_ASC/START_DESC page by keyset cursors on (start, id): every page costs about the same however deep; CONFIDENCE_DESC and RELEVANCE sort all matches and page by position (first/after only)",
      authScopes: { reader: true },
      args: {
        filter: t.arg({ type: EventFilterInput, required: false }),
        orderBy: t.arg({ type: EventOrderEnum, required: false, defaultValue: "START_ASC" }),
      },
      resolve: async (_root, args, ctx) => {
        const filter = toEventFilter(args.filter);
        const order: EventOrder =
          args.orderBy === "RELEVANCE" && !filter.text ? "START_ASC" : (args.orderBy ?? "START_ASC");
        return eventsConnection(ctx, filter, await eventSpanStats(ctx), order, args);
      },
    },
    {
      name: "EventConnection",
      fields: (tc) => ({
        totalCount: tc.int({
          description: `How many events match: exact when totalCountIsExact, else at least this many (${COUNT_CAP.toLocaleString("en")}). Exact whenever the filter is only a window and event types (read from the per-day aggregates) or at most ${COUNT_CAP.toLocaleString("en")} events match`,
          resolve: async (c) => (await (c as unknown as { total: () => Promise<EventTotal> }).total()).count,
        }),
        totalCountIsExact: tc.boolean({
          description: "false when counting stopped at the cap and totalCount is a lower bound",
          resolve: async (c) => (await (c as unknown as { total: () => Promise<EventTotal> }).total()).exact,
        }),
      }),
    },
    { name: "EventEdge" },
  ),
);
