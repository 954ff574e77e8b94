import type { EventType } from "../bundle/types.ts";
import { candidateDetails, MAX_MATCH_SPAN_DAYS } from "../cypher/candidate-search.ts";
import type { Run } from "../db/database.ts";
import { sameIncidentTypes } from "../model/vocabulary.ts";
import {
  CANDIDATE_SCORE,
  CANDIDATES_PER_EVENT,
  type CandidateHint,
  type EventFacts,
  type Match,
  matchEvents,
  type PlaceFacts,
  scoreUpperBound,
} from "../resolve/match-score.ts";

/**
 * Scores an article's candidate events (as the candidate search found them
 * in the tie index: cypher/candidate-search.ts) against its incoming events, reading
 * only the candidates that can matter. Each incoming event's candidates are
 * taken in order of the most they can score (match-score.ts
 * scoreUpperBound): first every one that could be a merge and the best few
 * bounds, then (one more statement, when needed) every one whose bound
 * reaches the score of the (CANDIDATES_PER_EVENT + 1)-th best candidate read
 * so far (or the candidate threshold). What is left cannot be a merge nor among the
 * candidates kept, so the decisions are those of reading every candidate
 * (test/resolve/candidate-search.test.ts checks it) — while at a million
 * events an incoming event has ~50 candidates, and reading each one's
 * record and ties from the store was most of what resolution cost.
 */

/** A candidate as the search returns it. */
export interface FoundCandidate extends CandidateHint {
  key: string;
  ref: string;
}

/** A scored pair: incoming event `key` against stored event `stored`. */
export interface ScoredPair {
  key: string;
  stored: string;
  match: Match;
}

/** The incoming event's match window (cypher/candidate-search.ts rows), epoch milliseconds. */
export interface Window {
  start: number;
  end: number;
}

/** Candidates read per incoming event first (beside every possible merge). */
export const FIRST_READ = 8;

const DAY_MS = 86_400_000;

/** Neo4j points come back as {x: longitude, y: latitude}. */
export type StoredPlace = { id: string; kind: string; point: { x: number; y: number } | null; ancestors: string[] };
export const placeFacts = (p: StoredPlace): PlaceFacts => ({
  ...p,
  point: p.point ? { longitude: p.point.x, latitude: p.point.y } : null,
});

interface Details {
  id: string;
  type: EventType;
  start: number | null;
  end: number | null;
  precision: EventFacts["precision"];
  places: StoredPlace[];
  actors: EventFacts["actors"];
}

/**
 * `firstRead`: how many to read per incoming event first (Infinity reads
 * them all: the reference the pruning is tested against).
 */
export async function scoreCandidates(
  run: Run,
  incoming: Map<string, EventFacts>,
  windows: Map<string, Window>,
  found: FoundCandidate[],
  firstRead = FIRST_READ,
): Promise<ScoredPair[]> {
  // Each incoming event's candidates, the most promising first (ties by element id: a stable order).
  const queues = new Map<string, { c: FoundCandidate; bound: number; mergeable: boolean }[]>();
  for (const c of found) {
    const facts = incoming.get(c.key);
    if (!facts) continue;
    const b = scoreUpperBound(facts, c);
    const q = queues.get(c.key) ?? [];
    q.push({ c, bound: b.score, mergeable: b.mergeable });
    queues.set(c.key, q);
  }
  for (const q of queues.values()) q.sort((a, b) => b.bound - a.bound || (a.c.ref < b.c.ref ? -1 : 1));

  const details = new Map<string, Details | null>();
  const scored = new Map<string, ScoredPair[]>();
  const read = new Map<string, number>();
  /** Reads (one statement) and scores each incoming event's queue up to the index given. */
  const readUpTo = async (upTo: Map<string, number>) => {
    const refs = new Set<string>();
    for (const [key, n] of upTo)
      for (const x of (queues.get(key) ?? []).slice(read.get(key) ?? 0, n))
        if (!details.has(x.c.ref)) refs.add(x.c.ref);
    if (refs.size > 0) {
      const r = await run(candidateDetails([...refs]));
      for (const ref of refs) details.set(ref, null);
      for (const rec of r.records) details.set(rec.get("ref") as string, rec.toObject() as unknown as Details);
    }
    for (const [key, n] of upTo) {
      const facts = incoming.get(key) as EventFacts;
      const pairs = scored.get(key) ?? [];
      for (const x of (queues.get(key) ?? []).slice(read.get(key) ?? 0, n)) {
        const d = details.get(x.c.ref);
        if (!d || !inWindow(facts, windows.get(key) as Window, d)) continue;
        pairs.push({
          key,
          stored: d.id,
          match: matchEvents(facts, { ...d, articles: [], places: d.places.map(placeFacts) }),
        });
      }
      scored.set(key, pairs);
      read.set(key, n);
    }
  };
  // First: every possible merge and the best few.
  const first = new Map<string, number>();
  for (const [key, q] of queues) {
    const lastMergeable = q.reduce((at, x, i) => (x.mergeable ? i : at), -1);
    first.set(key, Math.min(q.length, Math.max(firstRead, lastMergeable + 1)));
  }
  await readUpTo(first);
  // Then, at most once more, every candidate whose bound reaches the score of the (kept + 1)-th best
  // read so far (one more than kept: a merge's own target is not kept as its candidate), or the
  // candidate threshold while fewer were found. Reading more only raises that bar, so nothing left
  // unread can reach it.
  const more = new Map<string, number>();
  for (const [key, q] of queues) {
    const scores = (scored.get(key) ?? [])
      .filter((p) => p.match.decision !== "NONE")
      .map((p) => p.match.score)
      .sort((a, b) => b - a);
    const bar = scores.length > CANDIDATES_PER_EVENT ? scores[CANDIDATES_PER_EVENT] : CANDIDATE_SCORE;
    let n = read.get(key) ?? 0;
    while (n < q.length && q[n].bound >= bar) n++;
    if (n > (read.get(key) ?? 0)) more.set(key, n);
  }
  if (more.size > 0) await readUpTo(more);
  return [...scored.values()].flat();
}

/**
 * The search's window, on the event's own dates (the keys it was found by are
 * copies): a compatible type, dates overlapping the incoming ones, starting
 * at most MAX_MATCH_SPAN_DAYS before them.
 */
function inWindow(incoming: EventFacts, w: Window, d: Details): boolean {
  return (
    sameIncidentTypes(incoming.type, d.type) &&
    d.start !== null &&
    d.end !== null &&
    d.start <= w.end &&
    d.end >= w.start &&
    d.start >= w.start - MAX_MATCH_SPAN_DAYS * DAY_MS
  );
}
