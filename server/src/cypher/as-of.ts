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

// Inner variables are named so they cannot capture a caller's `a`, `r` or `n`.
const published = (a: string) => `${a}.publishedAt <= datetime($asOf)`;

/** Node `v` (any label) had been published by $asOf. */
export function nodePublished(v: string): string {
  const reported = (edge: string) =>
    `EXISTS { MATCH (asOfArticle:Article)-[:${edge}]->(${v}) WHERE ${published("asOfArticle")} }`;
  const mentioned = `EXISTS { MATCH (:Article)-[:${PROVENANCE_OF.Actor}]->(${v}) }`;
  return `($asOf IS NULL OR CASE
  WHEN ${v}:Event THEN ${reported(PROVENANCE_OF.Event)}
  WHEN ${v}:Claim THEN ${reported(PROVENANCE_OF.Claim)}
  WHEN ${v}:Article THEN ${published(v)}
  ELSE NOT ${mentioned} OR ${reported(PROVENANCE_OF.Actor)} END)`;
}

/** Relationship `r` is backed by evidence published by $asOf (or carries none). */
export function tiePublished(r: string): string {
  return `($asOf IS NULL OR size(coalesce(${r}.evidence, [])) = 0
  OR any(asOfSpan IN ${r}.evidence WHERE EXISTS {
    MATCH (asOfArticle:Article {id: split(asOfSpan, '@')[0]}) WHERE ${published("asOfArticle")} }))`;
}

/**
 * An event's dates as they stood on $asOf: the intersection of the reports
 * published by then (their union when they do not intersect), as
 * cypher/resolve.ts refreshEvents merges them; binds `asOfStart`, `asOfEnd`
 * for the event `v` (its stored dates when no asOf or no dated report).
 */
export function eventDatesAsOf(v: string): string {
  return `CALL (${v}) {
  OPTIONAL MATCH (asOfArticle:Article)-[report:REPORTS]->(${v})
  WHERE $asOf IS NOT NULL AND ${v}:Event AND ${published("asOfArticle")}
  WITH max(report.start) AS lo, min(report.end) AS hi, min(report.start) AS first, max(report.end) AS last,
    count(report.start) + count(report.end) AS dated
  RETURN CASE WHEN dated = 0 THEN ${v}.start WHEN lo > hi THEN first ELSE lo END AS asOfStart,
    CASE WHEN dated = 0 THEN ${v}.end WHEN lo > hi THEN last ELSE hi END AS asOfEnd
}`;
}

/**
 * Event `v`'s dates as they stood on $asOf meet the window $from–$to (either
 * may be null): the dates of eventDatesAsOf, as an expression without
 * aggregation, so it can sit inside a path's list predicate (export walks).
 * With R the reports published by then: no dated report → today's dates;
 * R's intervals intersect → [latest start, earliest end]; they conflict →
 * [earliest start, latest end]. The hull test in front is the cheap one.
 */
export function eventInWindowAsOf(v: string): string {
  const reports = (cond: string) =>
    `EXISTS { MATCH (asOfArticle:Article)-[asOfReport:REPORTS]->(${v}) WHERE ${published("asOfArticle")} AND ${cond} }`;
  const dated = reports("(asOfReport.start IS NOT NULL OR asOfReport.end IS NOT NULL)");
  // Some report starts after some report (itself included) ends: latest start > earliest end.
  const conflict = `(${reports("asOfReport.start > asOfReport.end")} OR EXISTS {
    MATCH (asOfA1:Article)-[asOfR1:REPORTS]->(${v})<-[asOfR2:REPORTS]-(asOfA2:Article)
    WHERE ${published("asOfA1")} AND ${published("asOfA2")} AND asOfR1.start > asOfR2.end })`;
  const startsBy = `CASE WHEN NOT ${dated} THEN ${v}.start IS NULL OR ${v}.start <= datetime($to)
    WHEN ${conflict} THEN ${reports("asOfReport.start <= datetime($to)")}
    ELSE NOT ${reports("asOfReport.start > datetime($to)")} END`;
  const endsFrom = `CASE WHEN NOT ${dated} THEN ${v}.end >= datetime($from)
    WHEN ${conflict} THEN ${reports("asOfReport.end >= datetime($from)")}
    ELSE ${reports("asOfReport.end IS NOT NULL")} AND NOT ${reports("asOfReport.end < datetime($from)")} END`;
  // Every earlier state lies within today's dates or the reports' hull (keepReportedHull).
  const hull = `($to IS NULL OR ${v}.start IS NULL OR ${v}.start <= datetime($to) OR ${v}.reportedStart <= datetime($to))
  AND ($from IS NULL OR ${v}.end >= datetime($from) OR ${v}.reportedEnd >= datetime($from))`;
  return `(${hull}
  AND ($to IS NULL OR ${startsBy})
  AND ($from IS NULL OR ${endsFrom}))`;
}

/**
 * Keeps `reportedStart`/`reportedEnd` on the event `v`: the hull of its
 * reports' intervals (earliest start, latest end). Every state the event had
 * as of an earlier date lies inside it, so an as-of window finds the events
 * whose dates may have been wider then through the `reportedStart` index
 * (event-filter.ts). Kept only where today's dates may differ from an earlier
 * state's — more than one dated report, or dates other than the hull (an
 * analyst's) — and null elsewhere, so that index holds the few, not all.
 * Run after anything that changes an event's reports or dates.
 */
export function keepReportedHull(v: string): string {
  return `CALL (${v}) {
  OPTIONAL MATCH (:Article)-[hullReport:REPORTS]->(${v})
  WITH min(hullReport.start) AS first, max(hullReport.end) AS last, count(hullReport.start) AS dated
  WITH first, last, first IS NOT NULL AND last IS NOT NULL
    AND (dated > 1 OR ${v}.start IS NULL OR ${v}.end IS NULL OR first <> ${v}.start OR last <> ${v}.end) AS kept
  SET ${v}.reportedStart = CASE WHEN kept THEN first END, ${v}.reportedEnd = CASE WHEN kept THEN last END
}`;
}
