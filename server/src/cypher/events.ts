import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import { type EventFilter, eventMatch, type SpanStats } from "./event-filter.ts";
import { eventProjection } from "./projections.ts";

export const EVENT_ORDERS = {
  START_ASC: "e.start, e.id",
  START_DESC: "e.start DESC, e.id",
  CONFIDENCE_DESC: "e.confidence DESC, e.start, e.id",
  RELEVANCE: "score DESC, e.start, e.id",
} as const;
export type EventOrder = keyof typeof EVENT_ORDERS;

/**
 * One page of filtered events: `limit` is first + 1 so the caller learns
 * whether another page follows without counting. Nested fields are loaded by
 * the loaders in one statement per field for the whole page.
 */
export function eventsPage(
  f: EventFilter,
  span: SpanStats,
  page: { order: EventOrder; skip: number; limit: number },
): Statement {
  const m = eventMatch(f, span);
  const order = EVENT_ORDERS[page.order];
  if (!order) throw new Error(`invalid order: ${page.order}`);
  return {
    cypher: `${m.cypher}
WITH e, score ORDER BY ${order} SKIP $skip LIMIT $limit
RETURN ${eventProjection("e")} AS node, score`,
    params: { ...m.params, skip: neo4j.int(page.skip), limit: neo4j.int(page.limit) },
  };
}

/** How many events match: a count, no properties loaded. */
export function eventsCount(f: EventFilter, span: SpanStats): Statement {
  const m = eventMatch(f, span);
  return { cypher: `${m.cypher}\nRETURN count(e) AS total`, params: m.params };
}
