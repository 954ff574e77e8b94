import { builder } from "../builder.ts";
import { updateClaim } from "../edit/claims.ts";
import { addParticipant, removeParticipant, setEventPlace, setRole } from "../edit/event-ties.ts";
import { updateNamed } from "../edit/named.ts";
import { edited, NotFoundError, ValidationError } from "./errors.ts";
import { ClaimRef, EventRef, NodeRef } from "./refs.ts";
import { Certainty, Role } from "./scalars.ts";

/**
 * Typed corrections of stored facts (editor key). Each is checked first
 * (ids, vocabulary), runs in one write transaction, carries ANALYST
 * provenance, survives re-ingest of the article and leaves an audit entry
 * that `undo` can reverse. Services: server/src/edit/.
 */
const EditResult = builder.objectRef<{ id: string; auditId: string }>("EditResult").implement({
  description: "The edited node and the audit entry of the edit (undo(auditId) reverses it)",
  fields: (t) => ({
    node: t.field({ type: NodeRef, resolve: async (r, _a, ctx) => (await ctx.loaders.node(r.id)) as never }),
    auditId: t.exposeID("auditId"),
  }),
});

const EventTieResult = builder.objectRef<{ event: string; auditId: string }>("EventTieResult").implement({
  fields: (t) => ({
    event: t.field({ type: EventRef, resolve: async (r, _a, ctx) => (await ctx.loaders.node(r.event)) as never }),
    auditId: t.exposeID("auditId"),
  }),
});

const editor = {
  authScopes: { editor: true as const },
  errors: { types: [ValidationError, NotFoundError] },
};

/**
 * Who took part in an event, and in which role. The role is required except
 * when removing (then every role of the actor in the event goes).
 */
const participantEdits = [
  {
    name: "setRole",
    edit: setRole,
    roleRequired: true,
    description:
      "The actor's role in the event becomes `role` (its evidence is kept; the role it replaces is retracted)",
  },
  {
    name: "addParticipant",
    edit: addParticipant,
    roleRequired: true,
    description: "Adds the actor to the event in `role`",
  },
  {
    name: "removeParticipant",
    edit: removeParticipant,
    roleRequired: false,
    description: "Removes the actor from the event (only that role, when given); a re-ingest does not add it back",
  },
] as const;

for (const { name, edit, roleRequired, description } of participantEdits)
  builder.mutationField(name, (t) =>
    t.field({
      ...editor,
      type: EventTieResult,
      description,
      args: {
        event: t.arg.id({ required: true }),
        actor: t.arg.id({ required: true }),
        role: t.arg({ type: Role, required: roleRequired }),
      },
      resolve: async (_r, a, ctx) => {
        const args = { event: String(a.event), actor: String(a.actor), role: a.role ?? null };
        const r = await edited(() => edit(ctx.db, ctx.who, args));
        return { event: args.event, auditId: r.auditId };
      },
    }),
  );

for (const [name, add] of [
  ["addEventPlace", true],
  ["removeEventPlace", false],
] as const)
  builder.mutationField(name, (t) =>
    t.field({
      ...editor,
      type: EventTieResult,
      description: add
        ? "The event took place here too"
        : "The event did not take place here (a re-ingest does not add it back)",
      args: { event: t.arg.id({ required: true }), location: t.arg.id({ required: true }) },
      resolve: async (_r, a, ctx) => {
        const r = await edited(() =>
          setEventPlace(ctx.db, ctx.who, { event: String(a.event), location: String(a.location), add }),
        );
        return { event: String(a.event), auditId: r.auditId };
      },
    }),
  );

const ClaimUpdateInput = builder.inputType("ClaimUpdate", {
  description: "Only the fields given change",
  fields: (t) => ({
    claimant: t.id({ required: false, description: "the actor who made the claim" }),
    certainty: t.field({ type: Certainty, required: false }),
    events: t.idList({
      required: false,
      description: "the events the claim is about (replacing the events it was about)",
    }),
  }),
});

const ClaimEditResult = builder.objectRef<{ id: string; auditId: string }>("ClaimEditResult").implement({
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: async (r, _a, ctx) => (await ctx.loaders.node(r.id)) as never }),
    auditId: t.exposeID("auditId"),
  }),
});

builder.mutationField("updateClaim", (t) =>
  t.field({
    ...editor,
    type: ClaimEditResult,
    description: "Changes a claim's speaker, certainty or target event(s)",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: ClaimUpdateInput, required: true }) },
    resolve: async (_r, { id, input }, ctx) => {
      const clean: Parameters<typeof updateClaim>[3] = {};
      if (input.claimant != null) clean.claimant = String(input.claimant);
      if (input.certainty != null) clean.certainty = input.certainty;
      if (input.events != null) clean.events = input.events.map(String);
      const r = await edited(() => updateClaim(ctx.db, ctx.who, String(id), clean));
      return { id: String(id), auditId: r.auditId };
    },
  }),
);

const EntityUpdateInput = builder.inputType("EntityUpdate", {
  description: "Only the fields given change; null clears nameAr, wikidataId or geonamesId",
  fields: (t) => ({
    name: t.string({ required: false }),
    nameAr: t.string({ required: false }),
    kind: t.string({ required: false, description: "an actor or location kind of the vocabulary" }),
    wikidataId: t.string({ required: false, description: "Wikidata QID, e.g. Q794" }),
    geonamesId: t.int({ required: false, description: "GeoNames id (places only)" }),
  }),
});

builder.mutationField("updateEntity", (t) =>
  t.field({
    ...editor,
    type: EditResult,
    description:
      "Renames or re-types an actor or place, or sets its Wikidata/GeoNames id (the old name stays an alias; an id another node holds is refused: merge them)",
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: EntityUpdateInput, required: true }) },
    resolve: async (_r, { id, input }, ctx) => {
      const r = await edited(() => updateNamed(ctx.db, ctx.who, String(id), input));
      return { id: String(id), auditId: r.auditId };
    },
  }),
);
