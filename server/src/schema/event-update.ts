import { builder } from "../builder.ts";
import type { GraphContext } from "../context.ts";
import { linkClaims } from "../cypher/edit.ts";
import type { EventRow } from "../cypher/rows.ts";
import { audited } from "../edit/audit.ts";
import { updateEventFields } from "../edit/event-fields.ts";
import type { ClaimLink } from "../model/vocabulary.ts";
import { edited, invalid, NotFoundError, ValidationError } from "./errors.ts";
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

const EventEditResult = builder.objectRef<{ event: EventRow; auditId: string }>("EventEditResult").implement({
  fields: (t) => ({
    event: t.field({ type: EventRef, resolve: (r) => r.event }),
    auditId: t.exposeID("auditId", { description: "the audit entry; undo(auditId) puts the event back" }),
  }),
});

builder.mutationField("updateEvent", (t) =>
  t.field({
    type: EventRef,
    description:
      "Corrects an event's type, title, summary, dates or confidence (checked as a bundle's event is; audited; the fields set are kept on re-ingest)",
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: EventUpdateInput, required: true }) },
    resolve: async (_r, { id, input }, ctx) =>
      (await edited(() => updateEventFields(ctx.db, ctx.who, String(id), input))).result,
  }),
);

const EventDateInput = builder.inputType("EventDate", {
  description:
    "An event's dates: EDTF alone sets start and end to the span it allows; start/end given with EDTF must lie inside it",
  fields: (t) => ({
    start: t.field({ type: "DateTime", required: false }),
    end: t.field({ type: "DateTime", required: false }),
    precision: t.field({ type: Precision, required: true }),
    edtf: t.string({ required: false, description: "Extended Date/Time Format, e.g. 2024-08, 2024-08-15/2024-08-21" }),
  }),
});

builder.mutationField("setEventDate", (t) =>
  t.field({
    type: EventEditResult,
    description: "Moves an event's date (start, end, precision, EDTF); its timeline day moves with it",
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }), date: t.arg({ type: EventDateInput, required: true }) },
    resolve: async (_r, { id, date }, ctx) => {
      const input = {
        start: date.start ?? null,
        end: date.end ?? null,
        precision: date.precision,
        edtf: date.edtf ?? null,
      };
      // Only EDTF: its span gives the dates.
      if (date.edtf && date.start == null && date.end == null) {
        delete (input as { start?: unknown }).start;
        delete (input as { end?: unknown }).end;
      }
      const r = await edited(() => updateEventFields(ctx.db, ctx.who, String(id), input, "setEventDate"));
      return { event: r.result, auditId: r.auditId };
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
      await edited(() =>
        audited(
          ctx.db,
          { who: ctx.who, action: "linkClaims", target: `${a} ${b}`, touches: [{ id: a, ties: true }] },
          async (run) => {
            await run(linkClaims(a, b, args.type));
            return { result: null };
          },
        ),
      );
      return { from: a, to: b, type: args.type };
    },
  }),
);
