import { builder } from "../builder.ts";
import type { DuplicateLabel } from "../cypher/duplicates.ts";
import type { EvidenceRow } from "../cypher/rows.ts";
import type { DuplicateGroup, DuplicatePair as PairRow } from "../resolve/duplicate-groups.ts";
import {
  dismissDuplicates,
  type MemberEvidence,
  membersOf,
  similarEntities,
  suggestionGroups,
} from "../resolve/duplicate-suggestions.ts";
import { EditError } from "../resolve/event-edits.ts";
import { invalid, ValidationError } from "./errors.ts";
import { Evidence } from "./evidence.ts";
import { connectionOf, offsetAfter, pageSize, toPage } from "./offset-connection.ts";
import { EventRef, NodeRef } from "./refs.ts";

/**
 * Possible duplicate actors and places (same or similar names in either
 * script, different ids), each group with the evidence an analyst needs to
 * merge (mergeEntities) or dismiss (dismissDuplicates, audited).
 */

const DuplicateKind = builder.enumType("DuplicateKind", {
  values: { ACTOR: { value: "Actor" }, LOCATION: { value: "Location" } } as const satisfies Record<
    string,
    { value: DuplicateLabel }
  >,
});

interface GroupRow extends DuplicateGroup {
  label: DuplicateLabel;
  members: Map<string, MemberEvidence>;
}

const DuplicateMember = builder.objectRef<MemberEvidence>("DuplicateMember").implement({
  description: "One of a group of look-alikes: its names, how often articles mention it, and a few quoted mentions",
  fields: (t) => ({
    id: t.exposeID("id"),
    node: t.field({ type: NodeRef, nullable: true, resolve: (m, _a, ctx) => ctx.loaders.node(m.id) }),
    name: t.exposeString("name"),
    nameAr: t.exposeString("nameAr", { nullable: true }),
    aliases: t.exposeStringList("aliases"),
    kind: t.exposeString("kind"),
    mentionCount: t.int({ description: "evidence spans in all articles", resolve: (m) => m.mentions }),
    articleCount: t.int({ resolve: (m) => m.articles }),
    eventCount: t.int({ resolve: (m) => m.events.length }),
    evidence: t.field({
      type: [Evidence],
      description: "a few mentions, quoted (latest articles first)",
      resolve: (m) => m.samples as EvidenceRow[],
    }),
  }),
});

const DuplicatePair = builder.objectRef<PairRow & { group: GroupRow }>("DuplicatePair").implement({
  description: "Two members that look alike, why, and the events both are tied to",
  fields: (t) => ({
    a: t.exposeID("a"),
    b: t.exposeID("b"),
    score: t.exposeFloat("score"),
    reasons: t.exposeStringList("reasons"),
    sharedEventCount: t.int({ resolve: (p) => shared(p).length }),
    sharedEvents: t.field({
      type: [EventRef],
      args: { first: t.arg.int({ required: false, defaultValue: 5 }) },
      resolve: async (p, a, ctx) =>
        (
          await Promise.all(
            shared(p)
              .slice(0, pageSize(a.first, 5, 50))
              .map((id) => ctx.loaders.node(id)),
          )
        ).filter(Boolean) as never,
    }),
  }),
});

function shared(p: PairRow & { group: GroupRow }): string[] {
  const b = new Set(p.group.members.get(p.b)?.events ?? []);
  return (p.group.members.get(p.a)?.events ?? []).filter((e) => b.has(e));
}

const DuplicateSuggestion = builder.objectRef<GroupRow>("DuplicateSuggestion").implement({
  description: "Actors or places that may be one: merge them with mergeEntities or dismiss with dismissDuplicates",
  fields: (t) => ({
    id: t.id({ description: "the group's first member id", resolve: (g) => g.key }),
    kind: t.field({ type: DuplicateKind, resolve: (g) => g.label }),
    score: t.exposeFloat("score"),
    reasons: t.stringList({ resolve: (g) => [...new Set(g.pairs.flatMap((p) => p.reasons))] }),
    members: t.field({
      type: [DuplicateMember],
      resolve: (g) => g.ids.map((id) => g.members.get(id)).filter((m): m is MemberEvidence => Boolean(m)),
    }),
    pairs: t.field({
      type: [DuplicatePair],
      args: { first: t.arg.int({ required: false, defaultValue: 20 }) },
      resolve: (g, a) => g.pairs.slice(0, pageSize(a.first, 20, 200)).map((p) => ({ ...p, group: g })),
    }),
  }),
});

builder.queryField("duplicateSuggestions", (t) =>
  t.field({
    type: connectionOf<GroupRow>("DuplicateSuggestion", DuplicateSuggestion),
    description:
      "Actors or places with the same or similar names in either script (transliteration-aware) and different ids, grouped, strongest first; dismissed pairs are left out",
    authScopes: { reader: true },
    args: {
      kind: t.arg({ type: DuplicateKind, required: true }),
      first: t.arg.int({ required: false, defaultValue: 20 }),
      after: t.arg.string({ required: false }),
    },
    resolve: async (_r, a, ctx) => {
      const first = pageSize(a.first, 20, 100);
      const skip = offsetAfter(a.after);
      const groups = await suggestionGroups(ctx.read, a.kind);
      const page = groups.slice(skip, skip + first + 1);
      const members = await membersOf(ctx.read, a.kind, page.slice(0, first));
      const rows = page.map((g) => ({ ...g, label: a.kind, members }));
      return toPage(rows, skip, first, async () => groups.length);
    },
  }),
);

const SimilarEntity = builder
  .objectRef<{
    entity: { id: string; name: string; nameAr: string | null; aliases: string[]; kind: string };
    score: number;
    reason: string;
  }>("SimilarEntity")
  .implement({
    description: "A graph node whose name looks like the one asked about, and why",
    fields: (t) => ({
      id: t.id({ resolve: (s) => s.entity.id }),
      node: t.field({ type: NodeRef, nullable: true, resolve: (s, _a, ctx) => ctx.loaders.node(s.entity.id) }),
      name: t.string({ resolve: (s) => s.entity.name }),
      nameAr: t.string({ nullable: true, resolve: (s) => s.entity.nameAr }),
      aliases: t.stringList({ resolve: (s) => s.entity.aliases }),
      kind: t.string({ resolve: (s) => s.entity.kind }),
      score: t.exposeFloat("score"),
      reason: t.exposeString("reason"),
    }),
  });

builder.queryField("similarEntities", (t) =>
  t.field({
    type: [SimilarEntity],
    description:
      "Actors or places already in the graph whose names look like `name` in either script (e.g. for a new name in an ingest review), best first",
    authScopes: { reader: true },
    args: {
      name: t.arg.string({ required: true }),
      kind: t.arg({ type: DuplicateKind, required: true }),
      first: t.arg.int({ required: false, defaultValue: 5 }),
    },
    resolve: async (_r, a, ctx) => {
      const name = a.name.trim();
      if (!name || name.length > 200) throw invalid("name", "give a name of 1 to 200 characters");
      return similarEntities(ctx.read, a.kind, name, pageSize(a.first, 5, 50));
    },
  }),
);

const DismissResult = builder
  .objectRef<{ ids: string[]; pairs: number; auditId: string }>("DismissDuplicatesResult")
  .implement({
    fields: (t) => ({
      ids: t.idList({ resolve: (r) => r.ids }),
      pairs: t.exposeInt("pairs", { description: "pairs recorded as not duplicates" }),
      auditId: t.exposeID("auditId"),
    }),
  });

builder.mutationField("dismissDuplicates", (t) =>
  t.field({
    type: DismissResult,
    description:
      "Records that these actors (or places) are different: no pair among them is suggested as a duplicate again (audited)",
    authScopes: { editor: true },
    errors: { types: [ValidationError] },
    args: { kind: t.arg({ type: DuplicateKind, required: true }), ids: t.arg.idList({ required: true }) },
    resolve: async (_r, a, ctx) => {
      try {
        return await dismissDuplicates(ctx.db, a.kind, a.ids.map(String), ctx.who);
      } catch (error) {
        if (error instanceof EditError) throw invalid(error.path, error.message.slice(error.path.length + 2));
        throw error;
      }
    },
  }),
);
