import { builder } from "../builder.ts";
import type { ActorRow, ArticleRow, ClaimRow, EventRow, LocationRow, NodeRow } from "../cypher/rows.ts";

/**
 * Type references declared before they are implemented, so types that point
 * at each other (an event's actors, an actor's events) can live in their own
 * files. Each is implemented in schema/<type>.ts.
 */
export const NodeRef = builder.interfaceRef<NodeRow>("Node");
export const EventRef = builder.objectRef<EventRow>("Event");
export const ActorRef = builder.objectRef<ActorRow>("Actor");
export const LocationRef = builder.objectRef<LocationRow>("Location");
export const ClaimRef = builder.objectRef<ClaimRow>("Claim");
export const ArticleRef = builder.objectRef<ArticleRow>("Article");

NodeRef.implement({
  description: "Anything with a stable id: Event, Actor, Location, Claim or Article",
  resolveType: (row) => row.label,
  fields: (t) => ({ id: t.exposeID("id") }),
});

/** Caps a nested list's size: small by default, never beyond `max`. */
export const capped = (first: number | null | undefined, fallback: number, max: number) =>
  Math.min(Math.max(first ?? fallback, 0), max);
