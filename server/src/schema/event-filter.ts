import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";
import type { EventFilter } from "../cypher/event-filter.ts";
import { EventType, Role, TimeMatch } from "./scalars.ts";

/** Inputs shared by events, timeline and actorNetwork. */
export const TimeWindowInput = builder.inputType("TimeWindow", {
  fields: (t) => ({
    from: t.field({ type: "DateTime", required: false }),
    to: t.field({ type: "DateTime", required: false }),
    match: t.field({ type: TimeMatch, required: false, defaultValue: "OVERLAPS" }),
  }),
});

const ActorRoleInput = builder.inputType("ActorRoleFilter", {
  fields: (t) => ({
    id: t.id({ required: true }),
    role: t.field({ type: Role, required: false, description: "only when the actor had this role" }),
  }),
});

export const EventFilterInput = builder.inputType("EventFilter", {
  fields: (t) => ({
    window: t.field({ type: TimeWindowInput, required: false }),
    types: t.field({ type: [EventType], required: false }),
    actors: t.field({ type: [ActorRoleInput], required: false, description: "every listed actor took part" }),
    locations: t.idList({ required: false, description: "in any of these places or in a place within them" }),
    text: t.string({ required: false, description: "full text over titles and summaries (Arabic and English)" }),
    minConfidence: t.float({ required: false }),
    articles: t.idList({ required: false, description: "reported by any of these articles" }),
    publishers: t.stringList({ required: false, description: "reported by any of these publishers" }),
    asOf: t.field({
      type: "DateTime",
      required: false,
      description: "only what had been published by then (reports, counts and sources as they stood)",
    }),
    minIndependentSources: t.int({ required: false, description: "backed by at least this many independent sources" }),
  }),
});

type Input = typeof EventFilterInput.$inferInput;

const MAX_LIST = 100;

/** Maps the GraphQL filter onto the Cypher builder's, refusing what cannot be meant. */
export function toEventFilter(input: Input | null | undefined): EventFilter {
  const f = input ?? {};
  const from = f.window?.from ?? null;
  const to = f.window?.to ?? null;
  if (from && to && Date.parse(from) > Date.parse(to)) throw badInput("filter.window", "from is after to");
  for (const [name, list] of Object.entries({ actors: f.actors, locations: f.locations, articles: f.articles })) {
    if (list && list.length > MAX_LIST) throw badInput(`filter.${name}`, `at most ${MAX_LIST} ids`);
  }
  if (f.minIndependentSources != null && f.minIndependentSources < 0)
    throw badInput("filter.minIndependentSources", "must be 0 or more");
  if (f.minConfidence != null && (f.minConfidence < 0 || f.minConfidence > 1))
    throw badInput("filter.minConfidence", "must be between 0 and 1");
  return {
    from,
    to,
    match: f.window?.match ?? "OVERLAPS",
    types: f.types ?? null,
    actors: f.actors?.map((a) => ({ id: String(a.id), role: a.role ?? null })) ?? null,
    locations: f.locations?.map(String) ?? null,
    text: f.text ?? null,
    minConfidence: f.minConfidence ?? null,
    articles: f.articles?.map(String) ?? null,
    publishers: f.publishers ?? null,
    asOf: f.asOf ?? null,
    minIndependentSources: f.minIndependentSources ?? null,
  };
}

export const badInput = (path: string, message: string) =>
  new GraphQLError(`${path}: ${message}`, { extensions: { code: "BAD_USER_INPUT", field: path } });
