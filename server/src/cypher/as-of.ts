import { PROVENANCE_OF } from "../model/vocabulary.ts";

/**
 * "As of" a date, as Cypher conditions: only what had been published by then.
 * Every read that takes `asOf` (events, timeline, search, neighbourhood,
 * actorNetwork, export) uses these, with the date in the `$asOf` parameter
 * (null: no restriction), so the rule lives in one place.
 *
 * - An event or a claim counts when an article published by then reports or
 *   contains it; an article, when it was published by then.
 * - An actor or a place counts unless every article naming it came later
 *   (places known only from the gazetteer, such as a strike's country, stay).
 * - A tie counts when it has no evidence, or some of its evidence comes from
 *   an article published by then.
 */

const published = (a: string) => `${a}.publishedAt <= datetime($asOf)`;

/** Node `v` (any label) had been published by $asOf. */
export function nodePublished(v: string): string {
  const reported = (edge: string) => `EXISTS { MATCH (a:Article)-[:${edge}]->(${v}) WHERE ${published("a")} }`;
  const mentioned = `EXISTS { MATCH (a:Article)-[:${PROVENANCE_OF.Actor}]->(${v}) }`;
  return `($asOf IS NULL OR CASE
  WHEN ${v}:Event THEN ${reported(PROVENANCE_OF.Event)}
  WHEN ${v}:Claim THEN ${reported(PROVENANCE_OF.Claim)}
  WHEN ${v}:Article THEN ${published(v)}
  ELSE NOT ${mentioned} OR ${reported(PROVENANCE_OF.Actor)} END)`;
}

/** Relationship `r` is backed by evidence published by $asOf (or carries none). */
export function tiePublished(r: string): string {
  return `($asOf IS NULL OR size(coalesce(${r}.evidence, [])) = 0
  OR any(ev IN ${r}.evidence WHERE EXISTS { MATCH (a:Article {id: split(ev, '@')[0]}) WHERE ${published("a")} }))`;
}

/**
 * An event's dates as they stood on $asOf: the intersection of the reports
 * published by then (their union when they do not intersect), as
 * cypher/resolve.ts refreshEvents merges them; binds `asOfStart`, `asOfEnd`
 * for the event `v` (its stored dates when no asOf or no dated report).
 */
export function eventDatesAsOf(v: string): string {
  return `CALL (${v}) {
  OPTIONAL MATCH (a:Article)-[r:REPORTS]->(${v}) WHERE $asOf IS NOT NULL AND ${v}:Event AND ${published("a")}
  WITH max(r.start) AS lo, min(r.end) AS hi, min(r.start) AS first, max(r.end) AS last,
    count(r.start) + count(r.end) AS dated
  RETURN CASE WHEN dated = 0 THEN ${v}.start WHEN lo > hi THEN first ELSE lo END AS asOfStart,
    CASE WHEN dated = 0 THEN ${v}.end WHEN lo > hi THEN last ELSE hi END AS asOfEnd
}`;
}
