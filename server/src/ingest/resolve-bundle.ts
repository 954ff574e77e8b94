import { randomUUID } from "node:crypto";
import type { ArticleBundle, BundleEvent } from "../bundle/types.ts";
import * as q from "../cypher/resolve.ts";
import type { Run } from "../db/database.ts";
import { creditedOutlet, publisherKey } from "../resolve/article-source.ts";
import { resolveEntityIds } from "../resolve/entity-ids.ts";
import { type EventFacts, matchEvents, type PlaceFacts } from "../resolve/match-score.ts";
import { bandKeys, minhashSignature, SYNDICATION_THRESHOLD, similarity } from "../resolve/minhash.ts";
import { factsByEvent } from "../resolve/report-facts.ts";
import { addBundleRows, emptyRows, endInstant, type ReportExtras, startInstant } from "./bundle-rows.ts";
import { entityStatements, eventStatements } from "./bundle-statements.ts";

/**
 * Writes one validated bundle, resolving it against the graph inside the same
 * write transaction: the article joins its syndication group (or starts its
 * own source), each event either becomes another report of a stored event
 * (high confidence, recorded in a MergeRecord), or a new event, with
 * POSSIBLY_SAME_AS candidates for weaker matches. Returns the ids of every
 * event whose derived facts changed.
 */

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

export async function resolveAndWrite(run: Run, incoming: ArticleBundle): Promise<ResolvedArticle> {
  const bundle = await resolveEntityIds(run, incoming);
  const articleId = bundle.article.id;
  const base = addBundleRows(emptyRows(), bundle);
  for (const s of entityStatements(base)) await run(s);

  const source = await resolveSource(run, bundle);
  const ids = await resolveEvents(run, bundle);

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
  for (const s of eventStatements(addBundleRows(emptyRows(), rewritten, extras))) await run(s);

  const touched = new Set(rewritten.events.map((e) => e.id));
  if (source.group.length > 1) {
    const r = await run({
      cypher: "MATCH (a:Article)-[:REPORTS]->(e:Event) WHERE a.id IN $group RETURN DISTINCT e.id AS id",
      params: { group: source.group },
    });
    for (const rec of r.records) touched.add(rec.get("id"));
  }
  await run(q.refreshEvents([...touched]));
  if (ids.merges.length > 0)
    await run(
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
    );
  if (ids.candidates.length > 0) await run(q.recordCandidates(ids.candidates));
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

async function resolveSource(run: Run, bundle: ArticleBundle) {
  const articleId = bundle.article.id;
  const sig = minhashSignature(bundle.article.text);
  const bands = bandKeys(sig);
  const found = await run(q.syndicationCandidates(bands.join(" "), articleId));
  let best: { id: string; sourceKey: string | null; similarity: number } | null = null;
  for (const r of found.records) {
    const stored = r.get("minhash") as number[] | null;
    if (!stored) continue;
    const sim = similarity(sig, stored);
    if (sim >= SYNDICATION_THRESHOLD && (!best || sim > best.similarity))
      best = { id: r.get("id"), sourceKey: r.get("sourceKey"), similarity: sim };
  }
  const sourceKey = creditedOutlet(bundle) ?? best?.sourceKey ?? publisherKey(bundle.article.publisher);
  const r = await run(
    q.setArticleSource({
      articleId,
      minhash: sig,
      bands: bands.join(" "),
      sourceKey,
      copyOf: best?.id ?? null,
      similarity: best?.similarity ?? null,
    }),
  );
  const group = (r.records[0]?.get("group") as string[] | undefined) ?? [];
  return { sourceKey, copyOf: best?.id ?? null, group };
}

function millis(iso: string | null): number | null {
  return iso === null ? null : Date.parse(iso);
}

async function resolveEvents(run: Run, bundle: ArticleBundle) {
  const articleId = bundle.article.id;
  const target = new Map<string, string>();
  const original = new Map<string, string>();
  const merges: { incoming: string; target: string; score: number; reasons: string[] }[] = [];
  const candidates: { from: string; to: string; score: number; reasons: string[] }[] = [];

  // Re-ingesting an article keeps the events it was resolved to.
  const already = await run(q.reportedBy(articleId));
  for (const r of already.records) target.set(r.get("originalId"), r.get("eventId"));
  const open = bundle.events.filter((e) => !target.has(e.id) && (e.start || e.end));
  for (const e of bundle.events) if (target.has(e.id)) original.set(e.id, e.id);
  if (open.length === 0) return { target, original, merges, candidates };

  const placeIds = [...new Set(open.flatMap((e) => e.locations))];
  const places = new Map<string, PlaceFacts>();
  if (placeIds.length > 0) {
    const r = await run(q.placeFacts(placeIds));
    for (const rec of r.records) {
      const point = rec.get("point") as { x: number; y: number } | null;
      places.set(rec.get("id"), {
        id: rec.get("id"),
        kind: rec.get("kind"),
        point: point ? { longitude: point.x, latitude: point.y } : null,
        ancestors: rec.get("ancestors"),
      });
    }
  }
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
  const rows = [...incoming.values()].map((f) => {
    const start = f.start ?? (f.end as number) - q.MAX_MATCH_SPAN_DAYS * DAY_MS;
    const end = f.end ?? (f.start as number) + q.MAX_MATCH_SPAN_DAYS * DAY_MS;
    return {
      key: f.id,
      lo: new Date(start - q.MAX_MATCH_SPAN_DAYS * DAY_MS).toISOString(),
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      places: f.places.map((p) => p.id),
      ancestors: [...new Set(f.places.flatMap((p) => p.ancestors))],
      actors: f.actors.filter((a) => !a.id.startsWith("actor:anon-")).map((a) => a.id),
    };
  });
  const found = await run(q.eventCandidates(articleId, rows));
  const scored = found.records.map((r) => {
    const stored: EventFacts = {
      id: r.get("id"),
      type: r.get("type"),
      start: r.get("start"),
      end: r.get("end"),
      precision: r.get("precision"),
      places: (
        r.get("places") as { id: string; kind: string; point: { x: number; y: number } | null; ancestors: string[] }[]
      ).map((p) => ({ ...p, point: p.point ? { longitude: p.point.x, latitude: p.point.y } : null })),
      actors: r.get("actors"),
      articles: r.get("articles"),
    };
    const key = r.get("key") as string;
    return { key, stored: stored.id, match: matchEvents(incoming.get(key) as EventFacts, stored) };
  });
  // Best matches first, so each stored event takes this article's strongest claim on it.
  scored.sort((a, b) => b.match.score - a.match.score);
  const taken = new Set<string>();
  for (const s of scored) {
    if (s.match.decision !== "MERGE" || target.has(s.key) || taken.has(s.stored)) continue;
    target.set(s.key, s.stored);
    original.set(s.key, s.key);
    taken.add(s.stored);
    merges.push({ incoming: s.key, target: s.stored, score: s.match.score, reasons: s.match.reasons });
  }
  for (const s of scored) {
    if (s.match.decision === "NONE" || target.get(s.key) === s.stored) continue;
    const from = target.get(s.key) ?? s.key;
    candidates.push({ from, to: s.stored, score: s.match.score, reasons: s.match.reasons });
  }
  return { target, original, merges, candidates };
}
