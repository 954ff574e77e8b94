import { builder } from "../builder.ts";
import { claimList } from "../cypher/entities.ts";
import type { ActorRow, ArticleRow, ClaimRow, EventRow, LocationRow } from "../cypher/rows.ts";
import { countedConnection, listPage } from "./connections.ts";
import { ClaimLink, Evidence } from "./evidence.ts";
import { provenanceField } from "./provenance.ts";
import { ActorRef, ArticleRef, ClaimRef, capped, EventRef, LocationRef, NodeRef } from "./refs.ts";
import { Certainty, Language } from "./scalars.ts";

/** What a claim is about: an event, an actor or a place. */
export const ClaimTarget = builder.unionType("ClaimTarget", {
  types: [EventRef, ActorRef, LocationRef],
  resolveType: (row: { label: string }) => row.label,
});

ClaimRef.implement({
  description: "A statement made by an actor, verbatim in its original language, with an English gloss",
  interfaces: [NodeRef],
  isTypeOf: (row) => (row as ClaimRow).label === "Claim",
  fields: (t) => ({
    text: t.exposeString("text"),
    gloss: t.exposeString("gloss", { nullable: true }),
    language: t.expose("language", { type: Language }),
    statedAt: t.field({ type: "DateTime", nullable: true, resolve: (c) => c.statedAt }),
    certainty: t.expose("certainty", { type: Certainty }),
    confidence: t.exposeFloat("confidence", { nullable: true }),
    provenance: provenanceField(t),
    claimant: t.field({
      type: ActorRef,
      nullable: true,
      resolve: async (c, _a, ctx) => (await ctx.loaders.related<ActorRow>("claimClaimant", c.id, 1))[0]?.node ?? null,
    }),
    toldTo: t.field({
      type: ActorRef,
      nullable: true,
      description: "the outlet or party the claim was made to",
      resolve: async (c, _a, ctx) => (await ctx.loaders.related<ActorRow>("claimToldTo", c.id, 1))[0]?.node ?? null,
    }),
    about: t.field({
      type: [ClaimTarget],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (c, a, ctx) =>
        (
          await ctx.loaders.related<EventRow | ActorRow | LocationRow>("claimAbout", c.id, capped(a.first, 50, 500))
        ).map((r) => r.node),
    }),
    links: t.field({
      type: [ClaimLink],
      description: "claims this one supports or disputes, and claims that support or dispute it",
      args: { first: t.arg.int({ required: false }) },
      resolve: async (c, a, ctx) => {
        const n = capped(a.first, 50, 500);
        const [out, inn] = await Promise.all([
          ctx.loaders.related<ClaimRow>("claimLinksOut", c.id, n),
          ctx.loaders.related<ClaimRow>("claimLinksIn", c.id, n),
        ]);
        return [...out, ...inn].slice(0, n);
      },
    }),
    articles: t.field({
      type: [ArticleRef],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (c, a, ctx) =>
        (await ctx.loaders.related<ArticleRow>("claimArticles", c.id, capped(a.first, 20, 500))).map((r) => r.node),
    }),
    evidence: t.field({
      type: [Evidence],
      args: { first: t.arg.int({ required: false }) },
      resolve: (c, a, ctx) => ctx.loaders.nodeEvidence("Claim", c.id, capped(a.first, 20, 200)),
    }),
  }),
});

const ClaimFilterInput = builder.inputType("ClaimFilter", {
  fields: (t) => ({
    claimants: t.idList({ required: false }),
    about: t.idList({ required: false, description: "about any of these events, actors or places" }),
    certainty: t.field({ type: [Certainty], required: false }),
    language: t.field({ type: Language, required: false }),
    text: t.string({ required: false, description: "full text over the claim and its gloss" }),
    articles: t.idList({ required: false }),
    statedFrom: t.field({ type: "DateTime", required: false }),
    statedTo: t.field({ type: "DateTime", required: false }),
  }),
});

builder.queryField("claims", (t) =>
  t.connection(
    {
      type: ClaimRef,
      authScopes: { reader: true },
      args: {
        filter: t.arg({ type: ClaimFilterInput, required: false }),
      },
      resolve: (_r, args, ctx) => {
        const f = args.filter ?? {};
        const ids = (l: readonly (string | number)[] | null | undefined) => l?.map(String) ?? null;
        const statements = claimList({
          ...f,
          claimants: ids(f.claimants),
          about: ids(f.about),
          articles: ids(f.articles),
        });
        return listPage<ClaimRow>(ctx, statements, args);
      },
    },
    ...countedConnection("Claim"),
  ),
);
