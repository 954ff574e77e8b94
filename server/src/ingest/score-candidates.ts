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
 * only the candidates that can matter. Each candidate's score is bounded
 * from what the search knows of it (match-score.ts scoreUpperBound). First
 * the records the search already returned (each incoming event's most
 * promising few) are scored; then, in one more statement when needed, every
 * candidate not read yet that could be a merge or whose bound reaches the
 * score of the (CANDIDATES_PER_EVENT + 1)-th best read so far (or the
 * candidate threshold). What is left cannot be a merge nor among the
 * candidates kept, so the decisions are those of reading every candidate
 * (test/resolve/candidate-search.test.ts checks it) — while at a million
 * events an incoming event has ~80 candidates, and reading each one's
 * record and ties was most of what resolution cost.
 */

/** A candidate as the search returns it. */
export interface FoundCandidate extends CandidateHint {
  key: string;
  ref: string;
}

/** A scored pair: incoming event `key` against stored event `stored` (element id `ref`). */
export interface ScoredPair {
  key: string;
  stored: string;
  ref: string;
  /** How far apart the two starts are (ms, by the search's keys): among equal scores, the nearest ranks first. */
  apart: number;
  match: Match;
}

/**
 * The order candidates rank in: best score first; among equal scores the
 * nearest in time, then by element id (stable within a graph). Everything
 * after the score is known before a candidate is read, which is what lets
 * ingest leave unread a candidate that can at most tie the last one kept.
 */
export const rankOrder = (a: ScoredPair, b: ScoredPair): number =>
  b.match.score - a.match.score || a.apart - b.apart || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);

/** The incoming event's match window (cypher/candidate-search.ts rows), epoch milliseconds. */
export interface Window {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** Neo4j points come back as {x: longitude, y: latitude}. */
export type StoredPlace = { id: string; kind: string; point: { x: number; y: number } | null; ancestors: string[] };
export const placeFacts = (p: StoredPlace): PlaceFacts => ({
  ...p,
  point: p.point ? { longitude: p.point.x, latitude: p.point.y } : null,
});

/** A stored event as matching compares it (cypher/candidate-search.ts candidateDetails). */
export interface Details {
  ref: string;
  id: string;
  type: EventType;
  start: number | null;
  end: number | null;
  precision: EventFacts["precision"];
  /** Its places; their ancestors come in the records' `ancestry`. */
  places: Omit<StoredPlace, "ancestors">[];
  actors: EventFacts["actors"];
}

/** Candidates' records as a read returns them: the events, and their places' ancestors once each. */
export interface CandidateRecords {
  details: Details[];
  ancestry: { id: string; ancestors: string[] }[];
}

/**
 * `preread`: the records the search returned with the candidates (its most
 * promising few per incoming event). `readAll` reads every candidate: the
 * reference the pruning is tested against.
 */
export async function scoreCandidates(
  run: Run,
  incoming: Map<string, EventFacts>,
  windows: Map<string, Window>,
  found: FoundCandidate[],
  preread: CandidateRecords,
  readAll = false,
): Promise<ScoredPair[]> {
  // Each incoming event's candidates with the most each can score.
  type Queued = { c: FoundCandidate; bound: number; mergeable: boolean; apart: number };
  const queues = new Map<string, Queued[]>();
  for (const c of found) {
    const facts = incoming.get(c.key);
    if (!facts) continue;
    const b = scoreUpperBound(facts, c);
    const q = queues.get(c.key) ?? [];
    const apart = Math.abs((c.start ?? 0) - (windows.get(c.key) as Window).start);
    q.push({ c, bound: b.score, mergeable: b.mergeable, apart });
    queues.set(c.key, q);
  }

  // The reference reads everything itself.
  const details = new Map<string, Details | null>(readAll ? [] : preread.details.map((d) => [d.ref, d]));
  const ancestors = new Map(preread.ancestry.map((a) => [a.id, a.ancestors]));
  const scored = new Map<string, ScoredPair[]>();
  /** Per incoming event, the candidates read and scored. */
  const done = new Map<string, Set<string>>([...queues.keys()].map((key) => [key, new Set()]));
  /** Reads (one statement, for those not read yet) and scores the candidates chosen per incoming event. */
  const readAndScore = async (chosen: Map<string, Queued[]>) => {
    const refs = new Set([...chosen.values()].flat().map((x) => x.c.ref));
    const missing = [...refs].filter((ref) => !details.has(ref));
    if (missing.length > 0) {
      const r = await run(candidateDetails(missing));
      const records = r.records[0].toObject() as unknown as CandidateRecords;
      for (const ref of missing) details.set(ref, null);
      for (const d of records.details) details.set(d.ref, d);
      for (const a of records.ancestry) ancestors.set(a.id, a.ancestors);
    }
    for (const [key, cs] of chosen) {
      const facts = incoming.get(key) as EventFacts;
      const pairs = scored.get(key) ?? [];
      for (const { c, apart } of cs) {
        (done.get(key) as Set<string>).add(c.ref);
        const d = details.get(c.ref);
        if (!d || !inWindow(facts, windows.get(key) as Window, d)) continue;
        pairs.push({
          key,
          stored: d.id,
          ref: c.ref,
          apart,
          match: matchEvents(facts, {
            ...d,
            articles: [],
            places: d.places.map((p) => placeFacts({ ...p, ancestors: ancestors.get(p.id) ?? [] })),
          }),
        });
      }
      scored.set(key, pairs);
    }
  };
  // First: what the search read already (or, for the reference, everything).
  const first = new Map<string, Queued[]>();
  for (const [key, q] of queues)
    first.set(
      key,
      q.filter((x) => readAll || details.has(x.c.ref)),
    );
  await readAndScore(first);
  // Then, at most once more, every candidate not read yet that may be a merge or could rank above the
  // (kept + 1)-th best read so far (one more than kept: a merge's own target is not kept as its
  // candidate) — or reach the candidate threshold while fewer were found. Reading more only raises
  // that bar, so nothing left unread can pass it.
  const more = new Map<string, Queued[]>();
  for (const [key, q] of queues) {
    const ranked = (scored.get(key) ?? []).filter((p) => p.match.decision !== "NONE").sort(rankOrder);
    const bar = ranked[CANDIDATES_PER_EVENT];
    const read = done.get(key) as Set<string>;
    const next = q.filter(
      (x) =>
        !read.has(x.c.ref) &&
        (x.mergeable ||
          (bar
            ? rankOrder(bar, { ...bar, ref: x.c.ref, apart: x.apart, match: { ...bar.match, score: x.bound } }) > 0
            : x.bound >= CANDIDATE_SCORE)),
    );
    if (next.length > 0) more.set(key, next);
  }
  if (more.size > 0) await readAndScore(more);
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
