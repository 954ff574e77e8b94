import { articleIdentity } from "../bundle/article-identity.ts";
import type { ArticleBundle, Span } from "../bundle/types.ts";
import { claimSearchText, eventSearchText, foldedNames } from "../model/search-text.ts";
import { type Asserter, EXTRACTOR_PRODUCER, isClaimLink } from "../model/vocabulary.ts";

/**
 * Shapes validated bundles into the flat rows the ingest Cypher UNWINDs.
 * Several bundles can be shaped into one set of rows (bulk loads); every row
 * names its article. Relationship evidence is kept as "articleId@start-end"
 * strings because Neo4j properties cannot hold maps.
 */

export interface BundleRows {
  articles: Record<string, unknown>[];
  actors: Record<string, unknown>[];
  locations: Record<string, unknown>[];
  within: Record<string, unknown>[];
  events: ({ id: string } & Record<string, unknown>)[];
  participants: Record<string, unknown>[];
  occurredIn: Record<string, unknown>[];
  claims: Record<string, unknown>[];
  about: { Event: Record<string, unknown>[]; Actor: Record<string, unknown>[]; Location: Record<string, unknown>[] };
  actorRelations: Map<string, Record<string, unknown>[]>;
  claimRelations: Map<string, Record<string, unknown>[]>;
}

export function emptyRows(): BundleRows {
  return {
    articles: [],
    actors: [],
    locations: [],
    within: [],
    events: [],
    participants: [],
    occurredIn: [],
    claims: [],
    about: { Event: [], Actor: [], Location: [] },
    actorRelations: new Map(),
    claimRelations: new Map(),
  };
}

export const evidenceString = (articleId: string, s: Span) => `${articleId}@${s.start}-${s.end}`;

/** A date means its whole day: start at its first instant, end at its last (UTC). */
export function startInstant(iso: string | undefined): string | null {
  if (!iso) return null;
  return iso.length === 10 ? `${iso}T00:00:00Z` : iso;
}
export function endInstant(iso: string | undefined): string | null {
  if (!iso) return null;
  return iso.length === 10 ? `${iso}T23:59:59.999Z` : iso;
}

/** What resolution adds to an article's report of an event (keyed by the event id written). */
export interface ReportExtras {
  /** The id the bundle gave the event, kept so splitEvent can restore it. */
  originalId: string;
  /** Numeric facts as "KIND|value|atLeast|start|end" (server/src/resolve/report-facts.ts). */
  facts: string[];
  /** MERGED when the event was matched to a stored one, with the match score. */
  resolvedBy: string | null;
  score: number | null;
}

type Assertion = { assertedBy: Asserter; asserter: string | null };

/**
 * Who asserts a bundle's facts: Rasd's extractor (with its version), or an
 * import of a bundle someone else made (with the producer's name). Every row
 * carries it; the ingest Cypher writes it on what it creates.
 */
export function assertionOf(b: ArticleBundle): Assertion {
  if (b.producer?.name === EXTRACTOR_PRODUCER)
    return { assertedBy: "EXTRACTOR", asserter: `${EXTRACTOR_PRODUCER} ${b.producer.version ?? ""}`.trim() };
  return { assertedBy: "IMPORT", asserter: b.producer?.name ?? null };
}

/** What {@link addBundleRows} needs besides the bundle. */
export interface RowOptions {
  /** What resolution adds to each event's report, by the event id written. */
  reports?: Map<string, ReportExtras>;
  /** The editor key's name of the analyst who reviewed the bundle: the items they marked are asserted by them. */
  analyst?: string;
}

/**
 * Who asserts one item: the analyst, when the review marked it (and an
 * analyst is named: validation refused marks from anyone else), else whoever
 * asserts the bundle.
 */
function itemAssertion(bundle: Assertion, analyst: string | undefined) {
  const byAnalyst: Assertion | null = analyst ? { assertedBy: "ANALYST", asserter: analyst } : null;
  return (mark: string | undefined): Assertion => (mark === "ANALYST" && byAnalyst ? byAnalyst : bundle);
}

export function addBundleRows(rows: BundleRows, b: ArticleBundle, options: RowOptions = {}): BundleRows {
  const { reports } = options;
  const articleId = b.article.id;
  const spans = (evidence: Span[]) => ({ starts: evidence.map((s) => s.start), ends: evidence.map((s) => s.end) });
  const ev = (evidence: Span[] | undefined, fallback: Span[]) =>
    (evidence ?? fallback).map((s) => evidenceString(articleId, s));
  const who = assertionOf(b);
  const by = itemAssertion(who, options.analyst);
  const producer = b.producer ? `${b.producer.name}${b.producer.version ? ` ${b.producer.version}` : ""}` : null;

  rows.articles.push({
    ...who,
    id: articleId,
    url: b.article.url ?? null,
    title: b.article.title,
    publisher: b.article.publisher,
    language: b.article.language,
    publishedAt: b.article.publishedAt,
    text: b.article.text,
    contentHash: b.article.contentHash ?? articleIdentity(b.article.text).contentHash,
    producer,
  });
  for (const a of b.actors) {
    const aliases = a.aliases ?? [];
    rows.actors.push({
      ...by(a.assertedBy),
      articleId,
      id: a.id,
      name: a.name,
      nameAr: a.nameAr ?? null,
      kind: a.kind,
      description: a.description ?? null,
      wikidataId: a.wikidataId ?? null,
      possiblySameAs: a.possiblySameAs ?? [],
      aliases,
      normNames: foldedNames([a.name, a.nameAr, ...aliases]),
      confidence: a.confidence ?? 1,
      ...spans(a.evidence),
    });
  }
  for (const l of b.locations) {
    rows.locations.push({
      ...by(l.assertedBy),
      articleId,
      id: l.id,
      name: l.name,
      nameAr: l.nameAr ?? null,
      kind: l.kind,
      description: null,
      wikidataId: l.wikidataId ?? null,
      aliases: l.aliases ?? [],
      normNames: foldedNames([l.name, l.nameAr, ...(l.aliases ?? [])]),
      point: l.point ?? null,
      countryCode: l.countryCode ?? null,
      geoPrecision: l.geoPrecision ?? null,
      geonamesId: l.geonamesId ?? null,
      confidence: l.confidence ?? 1,
      ...spans(l.evidence),
    });
    if (l.within)
      rows.within.push({ ...by(l.assertedBy), from: l.id, to: l.within, evidence: ev(undefined, l.evidence) });
  }
  for (const e of b.events) {
    rows.events.push({
      ...by(e.assertedBy),
      articleId,
      id: e.id,
      type: e.type,
      title: e.title,
      summary: e.summary ?? null,
      start: startInstant(e.start),
      end: endInstant(e.end ?? e.start),
      precision: e.precision,
      edtf: e.edtf ?? null,
      confidence: e.confidence ?? 1,
      searchText: eventSearchText(e.title, e.summary),
      originalId: reports?.get(e.id)?.originalId ?? e.id,
      facts: reports?.get(e.id)?.facts ?? [],
      resolvedBy: reports?.get(e.id)?.resolvedBy ?? null,
      score: reports?.get(e.id)?.score ?? null,
      ...spans(e.evidence),
    });
    for (const p of e.participants)
      rows.participants.push({
        ...by(p.assertedBy),
        actor: p.actor,
        event: e.id,
        role: p.role,
        evidence: ev(p.evidence, e.evidence),
      });
    for (const loc of e.locations)
      rows.occurredIn.push({
        ...by(e.locationsAssertedBy?.[loc]),
        event: e.id,
        location: loc,
        evidence: ev(undefined, e.evidence),
      });
  }
  for (const c of b.claims) {
    rows.claims.push({
      ...by(c.assertedBy),
      articleId,
      id: c.id,
      text: c.text,
      gloss: c.gloss ?? null,
      language: c.language,
      statedAt: startInstant(c.statedAt ?? b.article.publishedAt.slice(0, 10)),
      certainty: c.certainty,
      confidence: c.confidence ?? 1,
      claimant: c.claimant,
      toldTo: c.toldTo ?? null,
      searchText: claimSearchText(c.text, c.gloss),
      evidence: ev(undefined, c.evidence),
      ...spans(c.evidence),
    });
    for (const target of c.about) {
      const label = target.startsWith("event:") ? "Event" : target.startsWith("actor:") ? "Actor" : "Location";
      rows.about[label].push({ ...by(c.assertedBy), claim: c.id, target, evidence: ev(undefined, c.evidence) });
    }
  }
  for (const r of b.relations ?? []) {
    const bucket = isClaimLink(r.type) ? rows.claimRelations : rows.actorRelations;
    const list = bucket.get(r.type) ?? [];
    list.push({
      ...by(r.assertedBy),
      from: r.from,
      to: r.to,
      evidence: ev(r.evidence, []),
      confidence: r.confidence ?? 1,
    });
    bucket.set(r.type, list);
  }
  return rows;
}
