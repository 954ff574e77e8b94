import { resolveOffsetConnection } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { type AuditEntryRow, auditCount, auditPage } from "../cypher/audit.ts";
import { undo } from "../edit/audit.ts";
import { once, PAGE } from "./connections.ts";
import { edited, NotFoundError, ValidationError } from "./errors.ts";
import { AuditAction } from "./scalars.ts";

/**
 * The audit log (editor key): every mutation's entry — who, when, what,
 * the state before and after as JSON — filtered and paged as a relay
 * connection, and `undo`, which puts an entry's "before" back.
 */
const AuditEntry = builder.objectRef<AuditEntryRow>("AuditEntry").implement({
  description: "One mutation: who, when, what, and the state before and after (JSON)",
  fields: (t) => ({
    id: t.exposeID("id"),
    at: t.field({ type: "DateTime", resolve: (x) => x.at }),
    who: t.exposeString("who"),
    action: t.exposeString("action"),
    target: t.exposeString("target", { description: "the id (or ids, space separated) the mutation changed" }),
    before: t.exposeString("before"),
    after: t.exposeString("after"),
    undoable: t.exposeBoolean("undoable", {
      description: "whether undo(id) can reverse it (ingest and deletes cannot)",
    }),
    undoneBy: t.exposeString("undoneBy", { nullable: true, description: "the entry of the undo that reversed it" }),
    undoes: t.exposeString("undoes", { nullable: true, description: "for an undo: the entry it reversed" }),
  }),
});

const AuditFilter = builder.inputType("AuditFilter", {
  fields: (t) => ({
    who: t.string({ required: false, description: "the key's name (or 'editor key <fingerprint>')" }),
    action: t.field({ type: AuditAction, required: false }),
    target: t.id({ required: false, description: "entries that changed this id" }),
    since: t.field({ type: "DateTime", required: false }),
    until: t.field({ type: "DateTime", required: false }),
  }),
});

builder.queryField("auditLog", (t) =>
  t.connection(
    {
      type: AuditEntry,
      description: "Mutations, newest first",
      authScopes: { editor: true },
      args: { filter: t.arg({ type: AuditFilter, required: false }) },
      resolve: async (_r, args, ctx) => {
        const f = { ...args.filter, target: args.filter?.target ? String(args.filter.target) : null };
        const page = await resolveOffsetConnection({ args, ...PAGE }, async ({ offset, limit }) =>
          (await ctx.read(auditPage(f, offset, limit))).records.map((r) => r.get("entry") as AuditEntryRow),
        );
        return {
          ...page,
          totalCount: once(async () => Number((await ctx.read(auditCount(f))).records[0].get("total"))),
        };
      },
    },
    {
      name: "AuditEntryConnection",
      fields: (tc) => ({
        totalCount: tc.int({
          resolve: (c) => (c as unknown as { totalCount: () => Promise<number> }).totalCount(),
        }),
      }),
    },
    { name: "AuditEntryEdge" },
  ),
);

const UndoResult = builder
  .objectRef<{ auditId: string; undid: string; action: string; target: string }>("UndoResult")
  .implement({
    fields: (t) => ({
      auditId: t.exposeID("auditId", { description: "the undo's own entry (undo it to redo)" }),
      undid: t.exposeID("undid"),
      action: t.exposeString("action"),
      target: t.exposeString("target"),
    }),
  });

builder.mutationField("undo", (t) =>
  t.field({
    type: UndoResult,
    description:
      "Puts back the state before an audited edit (default: your newest edit not yet undone), in one transaction; refused when what it changed has changed since",
    authScopes: { editor: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { auditId: t.arg.id({ required: false }) },
    resolve: (_r, a, ctx) => edited(() => undo(ctx.db, a.auditId ? String(a.auditId) : null, ctx.who)),
  }),
);
