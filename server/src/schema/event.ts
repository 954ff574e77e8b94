import { builder } from "../builder.ts";
import { type EventOrder, eventsCount, eventsPage } from "../cypher/events.ts";
import type { ActorRow, ArticleRow, ClaimRow, EventRow, LocationRow, ParticipationRow } from "../graphql/rows.ts";
import { eventSpanStats } from "../graphql/span-stats.ts";
import { EVENT_TYPES } from "../model/vocabulary.ts";
import { connectionOf, offsetAfter, pageSize, toPage } from "./connection.ts";
import { EventFilterInput, toEventFilter } from "./event-filter.ts";
import { EventActor, Evidence } from "./evidence.ts";
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
    start: t.field({ type: "DateTime", nullable: true, description: "earliest instant", resolve: (e) => e.start }),
    end: t.field({ type: "DateTime", nullable: true, description: "latest instant", resolve: (e) => e.end }),
    precision: t.expose("precision", { type: Precision }),
    edtf: t.exposeString("edtf", { nullable: true }),
    confidence: t.exposeFloat("confidence", { nullable: true }),
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

export const EventConnection = connectionOf<EventRow>("Event", EventRef);

builder.queryField("events", (t) =>
  t.field({
    type: EventConnection,
    description: "Events matching a filter, a page at a time (first ≤ 500)",
    authScopes: { reader: true },
    args: {
      filter: t.arg({ type: EventFilterInput, required: false }),
      orderBy: t.arg({ type: EventOrderEnum, required: false, defaultValue: "START_ASC" }),
      first: t.arg.int({ required: false, defaultValue: 50 }),
      after: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const filter = toEventFilter(args.filter);
      const first = pageSize(args.first, 50, 500);
      const skip = offsetAfter(args.after);
      const order: EventOrder =
        args.orderBy === "RELEVANCE" && !filter.text ? "START_ASC" : (args.orderBy ?? "START_ASC");
      const span = await eventSpanStats(ctx);
      const r = await ctx.read(eventsPage(filter, span, { order, skip, limit: first + 1 }));
      const rows = r.records.map((rec) => ({ ...(rec.get("node") as EventRow), asOf: filter.asOf ?? null }));
      return toPage(rows, skip, first, async () =>
        Number((await ctx.read(eventsCount(filter, span))).records[0].get("total")),
      );
    },
  }),
);
