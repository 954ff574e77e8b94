import { randomUUID } from "node:crypto";
import type { Record as Neo4jRecord } from "neo4j-driver";
import type { ArticleBundle, BundleEvent } from "../bundle/types.ts";
import { MAX_MATCH_SPAN_DAYS } from "../cypher/candidate-search.ts";
import * as q from "../cypher/resolve.ts";
import { SPAN_CLASSES } from "../cypher/span-class.ts";
import type { Run } from "../db/database.ts";
import { incidentKeyOf } from "../model/vocabulary.ts";
import { creditedOutlet, publisherKey } from "../resolve/article-source.ts";
import { entityRows, renameMatched, type Stored } from "../resolve/entity-ids.ts";
import { CANDIDATE_SCORE, CANDIDATES_PER_EVENT, type EventFacts, EXACT, KEY_ROLES } from "../resolve/match-score.ts";
import { bandKeys, minhashSignature, SYNDICATION_THRESHOLD, similarity } from "../resolve/minhash.ts";
import { factsByEvent } from "../resolve/report-facts.ts";
import { addBundleRows, emptyRows, endInstant, type ReportExtras, startInstant } from "./bundle-rows.ts";
import { entityStatements, eventStatements } from "./bundle-statements.ts";
import {
  type CandidateRecords,
  type Details,
  type FoundCandidate,
  placeFacts,
  rankOrder,
  type StoredPlace,
  scoreCandidates,
} from "./score-candidates.ts";

/**
 * Writes one validated bundle, resolving it against the graph inside the same
 * write transaction: the article joins its syndication group (or starts its
 * own source), each event either becomes another report of a stored event
 * (high confidence, recorded in a MergeRecord), or a new event, with
 * POSSIBLY_SAME_AS candidates for weaker matches. Returns the ids of every
 * event whose derived facts changed.
 *
 * Statements on top of the plain write: before anything is written, how the
 * graph knows the actors and places and the syndication candidates; after
 * the actors and places, ONE statement for the article's source, what it
 * already reports, its places' facts and the candidate events as the tie
 * index knows them; then the records of the candidates that can matter
 * (usually one round trip; ingest/score-candidates.ts); after the events, the refresh of the touched events and the merge and candidate
 * records (when there are any). Kept apart where folding measured slower
 * (bench:ingest, 2026-11-30: a statement joining the refresh and the records
 * took 233 ms against 51 ms for the three).
 */

type Matched = Stored & { id: string };
type Copy = { id: string; minhash: number[] | null; sourceKey: string | null };

export interface ResolvedArticle {
  articleId: string;
  sourceKey: string;
  copyOf: string | null;
  /** Bundle event id → the event it was written as. */
  events: Map<string, string>;
  merged: number;
  candidates: number;
  touchedEvents: string[];
}

const DAY_MS = 86_400_000;
/**
 * The search returns a candidate only if its score bound reaches this: one
 * that cannot reach CANDIDATE_SCORE is neither a merge nor a candidate. Half
 * a rounding step lower, since scoreUpperBound rounds to hundredths.
 */
export const SEARCH_MIN_BOUND = CANDIDATE_SCORE - 0.005;

export async function resolveAndWrite(run: Run, incoming: ArticleBundle, analyst?: string): Promise<ResolvedArticle> {
  const articleId = incoming.article.id;
  const sig = minhashSignature(incoming.article.text);
  const bands = bandKeys(sig).join(" ");
  const rows = entityRows(incoming);
  // Round trip 1: how the graph knows the actors and places, and the syndication candidates.
  const [looked] = (await run(q.articleLookups({ actors: rows.actors, locations: rows.locations, bands, articleId })))
    .records;
  const actors = looked.get("actors") as Matched[];
  const locations = looked.get("locations") as Matched[];
  const copies = looked.get("copies") as Copy[];
  const bundle = renameMatched(incoming, { actors, locations });
  const base = addBundleRows(emptyRows(), bundle, { analyst });

  // Round trip 2: the article, actors and places written, then (run after them, in the same pipeline)
  // the source and the candidate search.
  const source = chooseSource(bundle, sig, copies);
  const written = entityStatements(base).map(run);
  const resolution = run(
    q.resolveArticle({
      articleId,
      source: { minhash: sig, bands, ...source },
      placeIds: [...new Set(bundle.events.flatMap((e) => e.locations))],
      rows: candidateRows(bundle),
      minBound: SEARCH_MIN_BOUND,
    }),
  );
  const [found] = (await Promise.all([resolution, ...written]))[0].records;
  const ids = await decideEvents(run, bundle, found);

  const rewritten: ArticleBundle = {
    ...bundle,
    events: bundle.events.map((e) => ({ ...e, id: ids.target.get(e.id) ?? e.id })),
    claims: bundle.claims.map((c) => ({ ...c, about: c.about.map((t) => ids.target.get(t) ?? t) })),
  };
  const facts = factsByEvent(bundle);
  const extras = new Map<string, ReportExtras>();
  for (const e of bundle.events) {
    const merge = ids.merges.find((m) => m.incoming === e.id);
    extras.set(ids.target.get(e.id) ?? e.id, {
      originalId: ids.original.get(e.id) ?? e.id,
      facts: facts.get(e.id) ?? [],
      resolvedBy: merge ? "MERGED" : null,
      score: merge?.score ?? null,
    });
  }
  // Round trip 3: the events and what they tie, the refresh of the touched events and the records, pipelined.
  const writes = eventStatements(addBundleRows(emptyRows(), rewritten, { reports: extras, analyst })).map(run);
  // The group's events change too: their source counts follow the group's one key.
  const touched = new Set([...rewritten.events.map((e) => e.id), ...(found.get("groupEvents") as string[])]);
  // A new event is written with what it derives from its one report (cypher/ingest.ts); only stored
  // events (merged into, reported again, or reported by the copy's group) are refreshed.
  const created = new Set(bundle.events.filter((e) => !ids.target.has(e.id)).map((e) => e.id));
  const stale = [...touched].filter((id) => !created.has(id));
  if (stale.length > 0) writes.push(run(q.refreshEvents(stale)));
  if (ids.merges.length > 0)
    writes.push(
      run(
        q.recordMerges(
          ids.merges.map((m) => ({
            id: `merge:${randomUUID()}`,
            event: m.target,
            by: bundle.producer?.name ?? "ingest",
            byKind: "EXTRACTOR",
            reason: "matched on ingest",
            score: m.score,
            reasons: m.reasons,
            events: [m.incoming, m.target],
            articles: [articleId],
          })),
        ),
      ),
    );
  if (ids.candidates.length > 0) writes.push(run(q.recordCandidates(ids.candidates)));
  await Promise.all(writes);
  return {
    articleId,
    sourceKey: source.sourceKey,
    copyOf: source.copyOf,
    events: ids.target,
    merged: ids.merges.length,
    candidates: ids.candidates.length,
    touchedEvents: [...touched],
  };
}

/** The stored article this one copies (the most similar above the threshold), and the source it counts as. */
function chooseSource(bundle: ArticleBundle, sig: number[], copies: Copy[]) {
  let best: { id: string; sourceKey: string | null; similarity: number } | null = null;
  for (const c of copies) {
    if (!c.minhash) continue;
    const sim = similarity(sig, c.minhash);
    if (sim >= SYNDICATION_THRESHOLD && (!best || sim > best.similarity))
      best = { id: c.id, sourceKey: c.sourceKey, similarity: sim };
  }
  return {
    sourceKey: creditedOutlet(bundle) ?? best?.sourceKey ?? publisherKey(bundle.article.publisher),
    copyOf: best?.id ?? null,
    similarity: best?.similarity ?? null,
  };
}

function millis(iso: string | null): number | null {
  return iso === null ? null : Date.parse(iso);
}

/** The candidate search's rows (cypher/candidate-search.ts): each dated event's incident key, match window, places and named actors. */
export function candidateRows(bundle: ArticleBundle) {
  return bundle.events
    .filter((e) => e.start || e.end)
    .map((e) => {
      const s = millis(startInstant(e.start));
      const t = millis(endInstant(e.end ?? e.start));
      const start = s ?? (t as number) - MAX_MATCH_SPAN_DAYS * DAY_MS;
      const end = t ?? (s as number) + MAX_MATCH_SPAN_DAYS * DAY_MS;
      const day = s !== null && EXACT.has(e.precision) ? Math.floor(s / DAY_MS) * DAY_MS : null;
      return {
        key: e.id,
        type: e.type,
        incident: incidentKeyOf(e.type),
        // An event of span class c lasts at most c days, so it overlaps only if it starts after start − c days.
        lookbacks: SPAN_CLASSES.map((c) => ({
          spanClass: c,
          from: new Date(start - Math.min(c, MAX_MATCH_SPAN_DAYS) * DAY_MS).toISOString(),
        })),
        start: new Date(start).toISOString(),
        end: new Date(end).toISOString(),
        dayFrom: day,
        dayTo: day === null ? null : day + DAY_MS,
        places: [...new Set(e.locations)],
        actors: e.participants.filter((p) => !p.actor.startsWith("actor:anon-")).map((p) => p.actor),
        keyActors: e.participants
          .filter((p) => !p.actor.startsWith("actor:anon-") && KEY_ROLES.has(p.role))
          .map((p) => `${p.actor}|${p.role}`),
      };
    });
}

/**
 * Which stored event each incoming event is (a merge), or what it may be (a
 * candidate), from what {@link q.resolveArticle} found; the candidates that
 * can matter are read and scored by ingest/score-candidates.ts.
 * `readAll`: read every candidate (the reference the pruning is tested against).
 */
export async function decideEvents(run: Run, bundle: ArticleBundle, found: Neo4jRecord, readAll = false) {
  const articleId = bundle.article.id;
  const target = new Map<string, string>();
  const original = new Map<string, string>();
  const merges: { incoming: string; target: string; score: number; reasons: string[] }[] = [];
  const candidates: q.CandidateRow[] = [];

  // Re-ingesting an article keeps the events it was resolved to.
  for (const r of found.get("already") as { originalId: string; eventId: string }[])
    target.set(r.originalId, r.eventId);
  const open = bundle.events.filter((e) => !target.has(e.id) && (e.start || e.end));
  for (const e of bundle.events) if (target.has(e.id)) original.set(e.id, e.id);
  if (open.length === 0) return { target, original, merges, candidates };

  const places = new Map((found.get("places") as StoredPlace[]).map((p) => [p.id, placeFacts(p)]));
  const actorKinds = new Map(bundle.actors.map((a) => [a.id, a.kind]));
  const facts = (e: BundleEvent): EventFacts => ({
    id: e.id,
    type: e.type,
    start: millis(startInstant(e.start)),
    end: millis(endInstant(e.end ?? e.start)),
    precision: e.precision,
    places: e.locations.flatMap((id) => places.get(id) ?? []),
    actors: e.participants.map((p) => ({ id: p.actor, role: p.role, kind: actorKinds.get(p.actor) })),
    articles: [articleId],
  });
  const incoming = new Map(open.map((e) => [e.id, facts(e)]));
  const windows = new Map(
    candidateRows(bundle).map((r) => [r.key, { start: Date.parse(r.start), end: Date.parse(r.end) }]),
  );
  // No candidate is reported by this article (the search leaves those out), so their articles are not read.
  const scored = await scoreCandidates(
    run,
    incoming,
    windows,
    found.get("candidates") as FoundCandidate[],
    { details: found.get("preread") as Details[], ancestry: found.get("ancestry") as CandidateRecords["ancestry"] },
    readAll,
  );
  // Best matches first, so each stored event takes this article's strongest claim on it; equal scores
  // in a fixed order (incoming event, then each one's rank order), so the same graph gives the same decisions.
  scored.sort((a, b) => b.match.score - a.match.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : rankOrder(a, b)));
  const taken = new Set<string>();
  for (const s of scored) {
    if (s.match.decision !== "MERGE" || target.has(s.key) || taken.has(s.stored)) continue;
    target.set(s.key, s.stored);
    original.set(s.key, s.key);
    taken.add(s.stored);
    merges.push({ incoming: s.key, target: s.stored, score: s.match.score, reasons: s.match.reasons });
  }
  // The rest are candidates for review: each incoming event's best CANDIDATES_PER_EVENT (scored is best first).
  const kept = new Map<string, number>();
  for (const s of scored) {
    if (s.match.decision === "NONE" || target.get(s.key) === s.stored) continue;
    const n = kept.get(s.key) ?? 0;
    if (n >= CANDIDATES_PER_EVENT) continue;
    kept.set(s.key, n + 1);
    const from = target.get(s.key) ?? s.key;
    candidates.push({ from, to: s.stored, score: s.match.score, reasons: s.match.reasons });
  }
  return { target, original, merges, candidates };
}
