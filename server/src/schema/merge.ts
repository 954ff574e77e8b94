import { builder } from "../builder.ts";
import { mergeEntities, splitEntity } from "../edit/entities.ts";
import { edited, NotFoundError, ValidationError } from "./errors.ts";
import { NodeRef } from "./refs.ts";

/** Merging duplicates and splitting a wrong merge (service: server/src/edit/entities.ts). */
const MergeResult = builder
  .objectRef<{ keepId: string; merged: string[]; tiesMoved: number; auditId: string }>("MergeResult")
  .implement({
    fields: (t) => ({
      kept: t.field({
        type: NodeRef,
        resolve: async (r, _a, ctx) =>
          (await ctx.loaders.node(r.keepId)) ?? Promise.reject(new NotFoundError(r.keepId)),
      }),
      merged: t.idList({ resolve: (r) => r.merged }),
      tiesMoved: t.exposeInt("tiesMoved"),
      auditId: t.exposeID("auditId", { description: "the audit entry; undo(auditId) separates them again exactly" }),
    }),
  });

builder.mutationField("mergeEntities", (t) =>
  t.field({
    type: MergeResult,
    description:
      "Merges duplicate actors, locations or events into `keep`: ties are rewired, names become aliases, evidence is kept; what each merged node was is recorded (splitEntity restore) and the merge is audited (undo). Nodes with different Wikidata or GeoNames ids are never merged",
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { keep: t.arg.id({ required: true }), merge: t.arg.idList({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const r = await edited(() => mergeEntities(ctx.db, ctx.who, String(args.keep), args.merge.map(String)));
      return { ...r.result, auditId: r.auditId };
    },
  }),
);

const SplitInput = builder.inputType("SplitEntityInput", {
  description:
    "What leaves the node: `restore` gives back a node an earlier merge recorded; otherwise choose the name, kind, the aliases and the articles (their mentions and evidence) that belong to the new node",
  fields: (t) => ({
    restore: t.id({ required: false, description: "the id of a node merged into this one" }),
    id: t.id({ required: false, description: "the new node's id (default: from its name)" }),
    name: t.string({ required: false }),
    nameAr: t.string({ required: false }),
    kind: t.string({ required: false }),
    aliases: t.stringList({ required: false }),
    articles: t.idList({ required: false }),
    ties: t.idList({
      required: false,
      description:
        "events, claims, actors or places whose every tie with this node moves to the new one, evidence or not: its roles in those events, the claims it made, was told or is named in, its analytic ties, its places",
    }),
  }),
});

const SplitResult = builder
  .objectRef<{ id: string; newId: string; tiesMoved: number; auditId: string }>("SplitEntityResult")
  .implement({
    fields: (t) => ({
      original: t.field({ type: NodeRef, resolve: async (r, _a, ctx) => (await ctx.loaders.node(r.id)) as never }),
      created: t.field({ type: NodeRef, resolve: async (r, _a, ctx) => (await ctx.loaders.node(r.newId)) as never }),
      tiesMoved: t.exposeInt("tiesMoved"),
      auditId: t.exposeID("auditId"),
    }),
  });

builder.mutationField("splitEntity", (t) =>
  t.field({
    type: SplitResult,
    description:
      "Splits a wrongly merged actor or place: the chosen names, the chosen articles' mentions and evidence, and every tie with the chosen nodes (`ties`) move to a new node; audited, undone by `undo`",
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: SplitInput, required: true }) },
    resolve: async (_r, { id, input }, ctx) => {
      const r = await edited(() =>
        splitEntity(ctx.db, ctx.who, String(id), {
          ...input,
          restore: input.restore ? String(input.restore) : null,
          id: input.id ? String(input.id) : null,
          articles: input.articles?.map(String) ?? null,
          ties: input.ties?.map(String) ?? null,
        }),
      );
      return { ...r.result, auditId: r.auditId };
    },
  }),
);
