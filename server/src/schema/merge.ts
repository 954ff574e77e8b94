import { builder } from "../builder.ts";
import { MERGEABLE, type MergeLabel, mergeCandidates, mergeStatements } from "../cypher/merge-entities.ts";
import { labelOfId } from "../cypher/projections.ts";
import { forgetSpanStats } from "../graphql/span-stats.ts";
import { foldedNames } from "../model/search-text.ts";
import { invalid, NotFoundError, ValidationError } from "./errors.ts";
import { NodeRef } from "./refs.ts";

const MergeResult = builder
  .objectRef<{ keepId: string; merged: string[]; tiesMoved: number }>("MergeResult")
  .implement({
    fields: (t) => ({
      kept: t.field({
        type: NodeRef,
        resolve: async (r, _a, ctx) =>
          (await ctx.loaders.node(r.keepId)) ?? Promise.reject(new NotFoundError(r.keepId)),
      }),
      merged: t.idList({ resolve: (r) => r.merged }),
      tiesMoved: t.exposeInt("tiesMoved"),
    }),
  });

builder.mutationField("mergeEntities", (t) =>
  t.field({
    type: MergeResult,
    description:
      "Merges duplicate actors, locations or events into `keep`: ties are rewired, names become aliases, evidence is kept",
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { keep: t.arg.id({ required: true }), merge: t.arg.idList({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const keep = String(args.keep);
      const merge = [...new Set(args.merge.map(String))];
      const label = labelOfId(keep);
      if (!label || !MERGEABLE.includes(label as MergeLabel))
        throw invalid("keep", `only actors, locations and events can be merged (got "${keep}")`);
      if (merge.length === 0 || merge.length > 100) throw invalid("merge", "give between 1 and 100 ids");
      if (merge.includes(keep)) throw invalid("merge", "cannot merge a node into itself");
      merge.forEach((id, i) => {
        if (labelOfId(id) !== label) throw invalid(`merge.${i}`, `"${id}" is not a ${label} like "${keep}"`);
      });
      const found = await ctx.read(mergeCandidates(label as MergeLabel, [keep, ...merge]));
      const byId = new Map(found.records.map((r) => [r.get("id"), r]));
      for (const id of [keep, ...merge]) if (!byId.has(id)) throw new NotFoundError(id);
      // Folded forms of every merged name, so the kept node is found by all of them.
      const normNames = foldedNames(
        merge.flatMap((id) => {
          const r = byId.get(id);
          return [r?.get("name"), r?.get("nameAr"), ...(r?.get("aliases") ?? [])];
        }),
      );
      const results = await ctx.writeAll(mergeStatements(label as MergeLabel, keep, merge, normNames));
      forgetSpanStats(ctx.db);
      const tiesMoved = results.slice(0, -1).reduce((s, r) => s + Number(r.records[0]?.get("moved") ?? 0), 0);
      return { keepId: keep, merged: merge, tiesMoved };
    },
  }),
);
