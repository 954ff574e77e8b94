import { builder } from "../builder.ts";
import { linkClaims, updateEvent } from "../cypher/edit.ts";
import type { GraphContext } from "../graphql/context.ts";
import type { EventRow } from "../graphql/rows.ts";
import { forgetSpanStats } from "../graphql/span-stats.ts";
import { eventSearchText } from "../model/search-text.ts";
import type { ClaimLink } from "../model/vocabulary.ts";
import { invalid, NotFoundError, ValidationError } from "./errors.ts";
import { ClaimRef, EventRef } from "./refs.ts";
import { ClaimLinkType, EventType, Precision } from "./scalars.ts";

const EventUpdateInput = builder.inputType("EventUpdate", {
  description: "Only the fields given change; null clears summary, edtf, start or end",
  fields: (t) => ({
    type: t.field({ type: EventType, required: false }),
    title: t.string({ required: false }),
    summary: t.string({ required: false }),
    start: t.field({ type: "DateTime", required: false }),
    end: t.field({ type: "DateTime", required: false }),
    precision: t.field({ type: Precision, required: false }),
    edtf: t.string({ required: false }),
    confidence: t.float({ required: false }),
  }),
});

builder.mutationField("updateEvent", (t) =>
  t.field({
    type: EventRef,
    description: "Corrects an event's type, title, summary, dates or confidence",
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: EventUpdateInput, required: true }) },
    resolve: async (_r, { id, input }, ctx) => {
      const current = (await ctx.loaders.node(String(id))) as EventRow | null;
      if (current?.label !== "Event") throw new NotFoundError(String(id));
      const has = (k: keyof typeof input) => Object.hasOwn(input, k);
      const pick = <K extends keyof typeof input & keyof EventRow>(k: K) => (has(k) ? input[k] : current[k]);
      const title = (pick("title") ?? "").trim();
      if (!title) throw invalid("input.title", "must not be empty");
      const type = has("type") ? input.type : current.type;
      if (!type) throw invalid("input.type", "cannot be cleared");
      const precision = has("precision") ? input.precision : current.precision;
      if (!precision) throw invalid("input.precision", "cannot be cleared");
      const start = (pick("start") as string | null) ?? null;
      const end = (pick("end") as string | null) ?? null;
      if (start && end && Date.parse(start) > Date.parse(end)) throw invalid("input.end", "is before start");
      if (precision !== "UNKNOWN" && !start && !end) throw invalid("input.precision", `${precision} needs a date`);
      const confidence = pick("confidence") as number | null;
      if (confidence != null && (confidence < 0 || confidence > 1))
        throw invalid("input.confidence", "must be between 0 and 1");
      const summary = (pick("summary") as string | null) ?? null;
      const r = await ctx.writeAll([
        updateEvent({
          id: current.id,
          type,
          title,
          summary,
          start: start ? new Date(start).toISOString() : null,
          end: end ? new Date(end).toISOString() : null,
          precision,
          edtf: (pick("edtf") as string | null) ?? null,
          confidence,
          searchText: eventSearchText(title, summary),
        }),
      ]);
      forgetSpanStats(ctx.db);
      return r[0].records[0].get("node") as EventRow;
    },
  }),
);

const claimOf = async (ctx: GraphContext, id: string) =>
  (await ctx.loaders.nodeOf("Claim", id)) ?? Promise.reject(new NotFoundError(id));

const ClaimLinkResult = builder.objectRef<{ from: string; to: string; type: ClaimLink }>("ClaimLinkResult").implement({
  fields: (t) => ({
    type: t.expose("type", { type: ClaimLinkType }),
    from: t.field({ type: ClaimRef, resolve: (r, _a, ctx) => claimOf(ctx, r.from) }),
    to: t.field({ type: ClaimRef, resolve: (r, _a, ctx) => claimOf(ctx, r.to) }),
  }),
});

builder.mutationField("linkClaims", (t) =>
  t.field({
    type: ClaimLinkResult,
    description: "Records that claim `a` supports or disputes claim `b` (idempotent)",
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      a: t.arg.id({ required: true }),
      b: t.arg.id({ required: true }),
      type: t.arg({ type: ClaimLinkType, required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const [a, b] = [String(args.a), String(args.b)];
      if (a === b) throw invalid("b", "a claim cannot support or dispute itself");
      for (const [field, id] of [
        ["a", a],
        ["b", b],
      ]) {
        if (!id.startsWith("claim:")) throw invalid(field, `"${id}" is not a claim id`);
        if (!(await ctx.loaders.node(id))) throw new NotFoundError(id);
      }
      await ctx.writeAll([linkClaims(a, b, args.type)]);
      return { from: a, to: b, type: args.type };
    },
  }),
);
