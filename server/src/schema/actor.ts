import { builder } from "../builder.ts";
import { actorList } from "../cypher/entities.ts";
import type { ActorRow, ArticleRow, ClaimRow, EventRow, ParticipationRow } from "../cypher/rows.ts";
import { countedConnection, listPage } from "./connections.ts";
import { ActorTie, Evidence, Participation } from "./evidence.ts";
import { provenanceField } from "./provenance.ts";
import { ActorRef, ArticleRef, ClaimRef, capped, NodeRef } from "./refs.ts";
import { Role } from "./scalars.ts";

ActorRef.implement({
  description: "A person, group, government, state, military, media outlet or anonymous source",
  interfaces: [NodeRef],
  isTypeOf: (row) => (row as ActorRow).label === "Actor",
  fields: (t) => ({
    name: t.exposeString("name"),
    nameAr: t.exposeString("nameAr", { nullable: true }),
    aliases: t.exposeStringList("aliases"),
    kind: t.exposeString("kind"),
    description: t.exposeString("description", { nullable: true }),
    wikidataId: t.exposeString("wikidataId", { nullable: true }),
    provenance: provenanceField(t),
    mergedIds: t.idList({
      description: "ids merged into this one (splitEntity(input: {restore}) gives each back)",
      resolve: (n) => n.mergedIds ?? [],
    }),
    events: t.field({
      type: [Participation],
      description: "events this actor took part in, latest first",
      args: { role: t.arg({ type: Role, required: false }), first: t.arg.int({ required: false }) },
      resolve: (a, args, ctx) =>
        ctx.loaders.related<EventRow, ParticipationRow<EventRow>>(
          "actorEvents",
          a.id,
          capped(args.first, 20, 500),
          args.role,
        ),
    }),
    eventCount: t.int({
      args: { role: t.arg({ type: Role, required: false }) },
      resolve: (a, args, ctx) => ctx.loaders.count("actorEvents", a.id, args.role),
    }),
    ties: t.field({
      type: [ActorTie],
      description: "stated ties to other actors, both directions",
      args: { first: t.arg.int({ required: false }) },
      resolve: async (a, args, ctx) => {
        const n = capped(args.first, 50, 500);
        const [out, inn] = await Promise.all([
          ctx.loaders.related<ActorRow>("actorTiesOut", a.id, n),
          ctx.loaders.related<ActorRow>("actorTiesIn", a.id, n),
        ]);
        return [...out, ...inn].slice(0, n);
      },
    }),
    claimsMade: t.field({
      type: [ClaimRef],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (a, args, ctx) =>
        (await ctx.loaders.related<ClaimRow>("actorClaimsMade", a.id, capped(args.first, 20, 500))).map((r) => r.node),
    }),
    claimsAbout: t.field({
      type: [ClaimRef],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (a, args, ctx) =>
        (await ctx.loaders.related<ClaimRow>("actorClaimsAbout", a.id, capped(args.first, 20, 500))).map((r) => r.node),
    }),
    articles: t.field({
      type: [ArticleRef],
      description: "articles that mention this actor, latest first",
      args: { first: t.arg.int({ required: false }) },
      resolve: async (a, args, ctx) =>
        (await ctx.loaders.related<ArticleRow>("actorArticles", a.id, capped(args.first, 20, 500))).map((r) => r.node),
    }),
    evidence: t.field({
      type: [Evidence],
      args: { first: t.arg.int({ required: false, description: "articles to quote (default 20)" }) },
      resolve: (a, args, ctx) => ctx.loaders.nodeEvidence("Actor", a.id, capped(args.first, 20, 200)),
    }),
  }),
});

const ActorFilterInput = builder.inputType("ActorFilter", {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    kinds: t.stringList({ required: false }),
    text: t.string({ required: false, description: "any name or alias, Arabic or English" }),
  }),
});
const ActorOrder = builder.enumType("ActorOrder", { values: ["NAME", "EVENT_COUNT"] as const });

builder.queryField("actors", (t) =>
  t.connection(
    {
      type: ActorRef,
      authScopes: { reader: true },
      args: {
        filter: t.arg({ type: ActorFilterInput, required: false }),
        orderBy: t.arg({ type: ActorOrder, required: false, defaultValue: "NAME" }),
      },
      resolve: (_r, args, ctx) => {
        const f = args.filter ?? {};
        const statements = actorList({ ids: f.ids?.map(String), kinds: f.kinds, text: f.text }, args.orderBy ?? "NAME");
        return listPage<ActorRow>(ctx, statements, args);
      },
    },
    ...countedConnection("Actor"),
  ),
);
