import { builder } from "../builder.ts";
import type { ActorRow, EventRow, EvidenceRow, LocationRow, ParticipationRow, RelatedRow } from "../cypher/rows.ts";
import { provenanceField } from "./provenance.ts";
import { ActorRef, ArticleRef, ClaimRef, capped, EventRef, LocationRef } from "./refs.ts";
import { Direction, Role } from "./scalars.ts";

/** A character span [start, end) of an article's text, quoted. */
export const Evidence = builder.objectRef<EvidenceRow>("Evidence").implement({
  description: "A character span [start, end) of an article's text that supports an item, with the quoted text",
  fields: (t) => ({
    articleId: t.exposeID("articleId"),
    articleTitle: t.exposeString("articleTitle"),
    start: t.exposeInt("start"),
    end: t.exposeInt("end"),
    quote: t.exposeString("quote"),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      resolve: (e, _a, ctx) => ctx.loaders.nodeOf("Article", e.articleId),
    }),
  }),
});

/** Quotes a tie's "articleId@start-end" evidence strings (one statement for every tie in the request). */
export async function tieEvidence(
  row: { evidence: string[] | null },
  ctx: { loaders: { evidence(ref: string): Promise<EvidenceRow | null> } },
  first = 20,
): Promise<EvidenceRow[]> {
  const refs = (row.evidence ?? []).slice(0, first);
  const spans = await Promise.all(refs.map((r) => ctx.loaders.evidence(r)));
  return spans.filter((s): s is EvidenceRow => s !== null);
}

const evidenceArgs = { first: { description: "at most this many spans (default 20, max 200)" } };

/**
 * An actor's part in an event. The actor's own fields are repeated flat (id,
 * name, kind…) so a timeline can draw participants without a nested selection.
 */
export const EventActor = builder.objectRef<ParticipationRow<ActorRow> & { event?: EventRow }>("EventActor").implement({
  fields: (t) => ({
    id: t.id({ resolve: (r) => r.node.id }),
    name: t.string({ resolve: (r) => r.node.name }),
    nameAr: t.string({ nullable: true, resolve: (r) => r.node.nameAr }),
    kind: t.string({ resolve: (r) => r.node.kind }),
    role: t.expose("role", { type: Role }),
    provenance: provenanceField(t),
    actor: t.field({ type: ActorRef, resolve: (r) => r.node }),
    evidence: t.field({
      type: [Evidence],
      description: evidenceArgs.first.description,
      args: { first: t.arg.int({ required: false }) },
      resolve: (r, a, ctx) => tieEvidence(r, ctx, capped(a.first, 20, 200)),
    }),
  }),
});

/** An event an actor took part in, and in what role. */
export const Participation = builder.objectRef<ParticipationRow<EventRow>>("Participation").implement({
  fields: (t) => ({
    role: t.expose("role", { type: Role }),
    provenance: provenanceField(t),
    event: t.field({ type: EventRef, resolve: (r) => r.node }),
    evidence: t.field({
      type: [Evidence],
      args: { first: t.arg.int({ required: false }) },
      resolve: (r, a, ctx) => tieEvidence(r, ctx, capped(a.first, 20, 200)),
    }),
  }),
});

/** A stated tie between two actors (AFFILIATED_WITH, ALLIED_WITH, OPPOSES, LEADS). */
export const ActorTie = builder.objectRef<RelatedRow<ActorRow>>("ActorTie").implement({
  fields: (t) => ({
    type: t.exposeString("type"),
    direction: t.field({ type: Direction, description: "OUT: this actor → other", resolve: (r) => r.direction }),
    other: t.field({ type: ActorRef, resolve: (r) => r.node }),
    provenance: provenanceField(t),
    confidence: t.float({ nullable: true, resolve: (r) => r.confidence }),
    evidence: t.field({
      type: [Evidence],
      args: { first: t.arg.int({ required: false }) },
      resolve: (r, a, ctx) => tieEvidence(r, ctx, capped(a.first, 20, 200)),
    }),
  }),
});

/** A SUPPORTS or DISPUTES link between claims. */
export const ClaimLink = builder.objectRef<RelatedRow<import("../cypher/rows.ts").ClaimRow>>("ClaimLink").implement({
  fields: (t) => ({
    type: t.exposeString("type"),
    direction: t.field({ type: Direction, description: "OUT: this claim → other", resolve: (r) => r.direction }),
    other: t.field({ type: ClaimRef, resolve: (r) => r.node }),
    evidence: t.field({
      type: [Evidence],
      args: { first: t.arg.int({ required: false }) },
      resolve: (r, a, ctx) => tieEvidence(r, ctx, capped(a.first, 20, 200)),
    }),
  }),
});

/** A place an event occurred in, with who asserted the tie. */
export const EventPlace = builder.objectRef<RelatedRow<LocationRow>>("EventPlace").implement({
  fields: (t) => ({
    location: t.field({ type: LocationRef, resolve: (r) => r.node }),
    provenance: provenanceField(t),
    evidence: t.field({
      type: [Evidence],
      args: { first: t.arg.int({ required: false }) },
      resolve: (r, a, ctx) => tieEvidence(r, ctx, capped(a.first, 20, 200)),
    }),
  }),
});
