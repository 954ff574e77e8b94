import type { Statement } from "../db/database.ts";

/**
 * An event's span class: how long it lasts, rounded up to a power of two of
 * days (`spanClass` on a dated Event, copied onto its ties with its type and
 * dates by cypher/tie-keys.ts), so the candidate search on ingest
 * (cypher/candidate-search.ts) can look back from an incoming event only as far as
 * each class's events may reach: an event lasting at most N days overlaps
 * [start, end] only if it starts after start − N days.
 *
 * The classes follow what a date's precision allows: HOUR and DAY events last
 * at most a day (class 1), RANGE and APPROXIMATE ones a few days to a couple
 * of weeks (2–16), a MONTH at most 31 days (class 32); 64 holds everything
 * longer. Doubling bounds what a seek reads to about twice the events that can
 * overlap, whatever the mix of spans. The class is computed from the event's
 * own start and end, never from its precision (an event whose dates are wider
 * than its precision says still lands in the class of its real span), and is
 * kept by every write that sets an event's dates, in the same statement.
 */

/** The classes' bounds in days; an event lasting at most `c` days (and more than the class below) has class `c`. */
export const SPAN_CLASSES = [1, 2, 4, 8, 16, 32, 64] as const;

const DAY_MS = 86_400_000;

/**
 * Cypher for the span class of an event with these start and end datetimes
 * (expressions), or null when either is missing (such an event lies in no
 * window, so no candidate search finds it). A span beyond every class but the
 * last is in the last.
 */
export function spanClassOf(start: string, end: string): string {
  const bounded = SPAN_CLASSES.slice(0, -1).join(", ");
  return `CASE WHEN ${start} IS NULL OR ${end} IS NULL THEN null
    ELSE head([c IN [${bounded}] WHERE ${end}.epochMillis - ${start}.epochMillis <= c * ${DAY_MS}] + [${SPAN_CLASSES[SPAN_CLASSES.length - 1]}]) END`;
}

/** A SET clause keeping event `e`'s span class after its dates changed (or were written). */
export const keepSpanClass = (e: string) => `SET ${e}.spanClass = ${spanClassOf(`${e}.start`, `${e}.end`)}`;

/**
 * The span class of every dated event, in batches: once for a graph that
 * predates it (db/migrations.ts) and after an import, which writes events
 * past the write paths. Idempotent.
 */
export function rebuildSpanClasses(): Statement {
  return {
    cypher: `MATCH (e:Event)
CALL (e) {
  ${keepSpanClass("e")}
} IN TRANSACTIONS OF 10000 ROWS`,
  };
}
