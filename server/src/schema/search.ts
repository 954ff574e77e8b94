import { builder } from "../builder.ts";
import type { EntityRow } from "../cypher/rows.ts";
import { SEARCH_KINDS, type SearchKind, search } from "../cypher/search.ts";
import { badInput } from "./event-filter.ts";
import { ActorRef, ClaimRef, EventRef, LocationRef } from "./refs.ts";

// Named in capitals in the API; the values inside are the node labels.
const SearchKindEnum = builder.enumType("SearchKind", {
  values: {
    ACTOR: { value: "Actor" },
    LOCATION: { value: "Location" },
    EVENT: { value: "Event" },
    CLAIM: { value: "Claim" },
  } as const satisfies Record<string, { value: SearchKind }>,
});

export const SearchResult = builder.unionType("SearchResult", {
  types: [ActorRef, LocationRef, EventRef, ClaimRef],
  resolveType: (row: EntityRow) => row.label,
});

const SearchHit = builder.objectRef<{ node: EntityRow; score: number }>("SearchHit").implement({
  fields: (t) => ({
    score: t.exposeFloat("score", {
      description: "relevance in (0, 1]: half from the text match (scaled by the best hit), half for naming it exactly",
    }),
    kind: t.field({ type: SearchKindEnum, resolve: (h) => h.node.label }),
    node: t.field({ type: SearchResult, resolve: (h) => h.node }),
  }),
});

builder.queryField("search", (t) =>
  t.field({
    type: [SearchHit],
    description:
      "One box over actors, locations, events and claims: all names and aliases, Arabic and English, with Arabic spelling variants (hamza forms, ta marbuta, alef maqsura, diacritics, tatweel) folded",
    authScopes: { reader: true },
    args: {
      text: t.arg.string({ required: true }),
      kinds: t.arg({ type: [SearchKindEnum], required: false }),
      first: t.arg.int({ required: false, defaultValue: 20 }),
      asOf: t.arg({
        type: "DateTime",
        required: false,
        description: "only what had been published by then (events and claims reported, actors and places named)",
      }),
    },
    resolve: async (_r, args, ctx) => {
      const text = args.text.trim();
      if (!text) throw badInput("text", "must not be empty");
      if (text.length > 200) throw badInput("text", "at most 200 characters");
      const kinds = args.kinds?.length ? args.kinds : [...SEARCH_KINDS];
      const first = Math.min(Math.max(args.first ?? 20, 1), 100);
      const r = await ctx.read(search(text, kinds, first, args.asOf ?? null));
      // Events found as of a date answer for that date too (reports, sources, dates).
      const asOf = args.asOf ?? null;
      return r.records.map((rec) => {
        const node = rec.get("node") as EntityRow;
        return { node: node.label === "Event" ? { ...node, asOf } : node, score: Number(rec.get("score")) };
      });
    },
  }),
);
