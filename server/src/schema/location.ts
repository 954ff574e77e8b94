import { builder } from "../builder.ts";
import { locationList } from "../cypher/entities.ts";
import type { ArticleRow, ClaimRow, EventRow, LocationRow } from "../cypher/rows.ts";
import { countedConnection, listPage } from "./connections.ts";
import { Evidence } from "./evidence.ts";
import { provenanceField } from "./provenance.ts";
import { ArticleRef, ClaimRef, capped, EventRef, LocationRef, NodeRef } from "./refs.ts";

LocationRef.implement({
  description: "A country, region, province, city, facility or military base",
  interfaces: [NodeRef],
  isTypeOf: (row) => (row as LocationRow).label === "Location",
  fields: (t) => ({
    name: t.exposeString("name"),
    nameAr: t.exposeString("nameAr", { nullable: true }),
    aliases: t.exposeStringList("aliases"),
    kind: t.exposeString("kind"),
    latitude: t.exposeFloat("latitude", { nullable: true }),
    longitude: t.exposeFloat("longitude", { nullable: true }),
    countryCode: t.exposeString("countryCode", { nullable: true }),
    wikidataId: t.exposeString("wikidataId", { nullable: true }),
    geonamesId: t.int({ nullable: true, description: "GeoNames id", resolve: (l) => l.geonamesId ?? null }),
    provenance: provenanceField(t),
    mergedIds: t.idList({
      description: "ids merged into this one (splitEntity(input: {restore}) gives each back)",
      resolve: (n) => n.mergedIds ?? [],
    }),
    within: t.field({
      type: LocationRef,
      nullable: true,
      description: "the enclosing place",
      resolve: async (l, _a, ctx) =>
        (await ctx.loaders.related<LocationRow>("locationParents", l.id, 1))[0]?.node ?? null,
    }),
    contains: t.field({
      type: [LocationRef],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (l, a, ctx) =>
        (await ctx.loaders.related<LocationRow>("locationChildren", l.id, capped(a.first, 50, 500))).map((r) => r.node),
    }),
    events: t.field({
      type: [EventRef],
      description: "events that took place here, latest first",
      args: { first: t.arg.int({ required: false }) },
      resolve: async (l, a, ctx) =>
        (await ctx.loaders.related<EventRow>("locationEvents", l.id, capped(a.first, 20, 500))).map((r) => r.node),
    }),
    eventCount: t.int({ resolve: (l, _a, ctx) => ctx.loaders.count("locationEvents", l.id) }),
    claimsAbout: t.field({
      type: [ClaimRef],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (l, a, ctx) =>
        (await ctx.loaders.related<ClaimRow>("locationClaimsAbout", l.id, capped(a.first, 20, 500))).map((r) => r.node),
    }),
    articles: t.field({
      type: [ArticleRef],
      args: { first: t.arg.int({ required: false }) },
      resolve: async (l, a, ctx) =>
        (await ctx.loaders.related<ArticleRow>("locationArticles", l.id, capped(a.first, 20, 500))).map((r) => r.node),
    }),
    evidence: t.field({
      type: [Evidence],
      args: { first: t.arg.int({ required: false }) },
      resolve: (l, a, ctx) => ctx.loaders.nodeEvidence("Location", l.id, capped(a.first, 20, 200)),
    }),
  }),
});

const LocationFilterInput = builder.inputType("LocationFilter", {
  fields: (t) => ({
    ids: t.idList({ required: false }),
    kinds: t.stringList({ required: false }),
    within: t.id({ required: false, description: "places inside this one, at any depth up to 4" }),
    countryCode: t.string({ required: false }),
    text: t.string({ required: false, description: "any name or alias, Arabic or English" }),
  }),
});

builder.queryField("locations", (t) =>
  t.connection(
    {
      type: LocationRef,
      authScopes: { reader: true },
      args: {
        filter: t.arg({ type: LocationFilterInput, required: false }),
      },
      resolve: (_r, args, ctx) => {
        const f = args.filter ?? {};
        const statements = locationList({ ...f, ids: f.ids?.map(String), within: f.within ? String(f.within) : null });
        return listPage<LocationRow>(ctx, statements, args);
      },
    },
    ...countedConnection("Location"),
  ),
);
