import { builder } from "../builder.ts";
import { eventsInWindow } from "../cypher/events.ts";

interface ActorRef {
  id: string;
  name: string;
  nameAr: string | null;
  kind: string;
  role?: string;
}
interface LocationRef {
  id: string;
  name: string;
  nameAr: string | null;
  kind: string;
  latitude: number | null;
  longitude: number | null;
}
interface EvidenceSpan {
  articleId: string;
  articleTitle: string;
  start: number;
  end: number;
  quote: string;
}
interface ClaimRef {
  id: string;
  text: string;
  gloss: string | null;
  certainty: string;
  statedAt: string | null;
  claimant: ActorRef | null;
}
export interface EventRow {
  id: string;
  type: string;
  title: string;
  summary: string | null;
  start: string | null;
  end: string | null;
  precision: string;
  edtf: string | null;
  confidence: number | null;
  actors: ActorRef[];
  locations: LocationRef[];
  claims: ClaimRef[];
  evidence: EvidenceSpan[][];
}

const Actor = builder.objectRef<ActorRef>("EventActor").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    nameAr: t.exposeString("nameAr", { nullable: true }),
    kind: t.exposeString("kind"),
    role: t.exposeString("role", { nullable: true }),
  }),
});

const Location = builder.objectRef<LocationRef>("EventLocation").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    nameAr: t.exposeString("nameAr", { nullable: true }),
    kind: t.exposeString("kind"),
    latitude: t.exposeFloat("latitude", { nullable: true }),
    longitude: t.exposeFloat("longitude", { nullable: true }),
  }),
});

const Evidence = builder.objectRef<EvidenceSpan>("Evidence").implement({
  description: "A character span [start, end) of an article's text that supports an item",
  fields: (t) => ({
    articleId: t.exposeID("articleId"),
    articleTitle: t.exposeString("articleTitle"),
    start: t.exposeInt("start"),
    end: t.exposeInt("end"),
    quote: t.exposeString("quote"),
  }),
});

const Claim = builder.objectRef<ClaimRef>("EventClaim").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    text: t.exposeString("text"),
    gloss: t.exposeString("gloss", { nullable: true }),
    certainty: t.exposeString("certainty"),
    statedAt: t.exposeString("statedAt", { nullable: true }),
    claimant: t.field({ type: Actor, nullable: true, resolve: (c) => c.claimant }),
  }),
});

export const Event = builder.objectRef<EventRow>("Event").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.exposeString("type"),
    title: t.exposeString("title"),
    summary: t.exposeString("summary", { nullable: true }),
    start: t.exposeString("start", { nullable: true, description: "earliest instant (ISO 8601, UTC)" }),
    end: t.exposeString("end", { nullable: true, description: "latest instant (ISO 8601, UTC)" }),
    precision: t.exposeString("precision"),
    edtf: t.exposeString("edtf", { nullable: true }),
    confidence: t.exposeFloat("confidence", { nullable: true }),
    actors: t.field({ type: [Actor], resolve: (e) => e.actors }),
    locations: t.field({ type: [Location], resolve: (e) => e.locations }),
    claims: t.field({ type: [Claim], resolve: (e) => e.claims }),
    evidence: t.field({ type: [Evidence], resolve: (e) => e.evidence.flat() }),
  }),
});

builder.queryField("events", (t) =>
  t.field({
    type: [Event],
    description: "Events whose date range overlaps the window, earliest first",
    authScopes: { reader: true },
    args: {
      from: t.arg.string({ required: false }),
      to: t.arg.string({ required: false }),
      first: t.arg.int({ required: false, defaultValue: 100 }),
    },
    resolve: async (_root, args, ctx) => {
      const limit = Math.min(Math.max(args.first ?? 100, 0), 1000);
      const result = await ctx.db.read(eventsInWindow({ from: args.from, to: args.to, limit }));
      return result.records.map((r) => r.get("event") as EventRow);
    },
  }),
);
