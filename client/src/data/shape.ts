import type { ResultOf } from "./graphql.ts";
import type { Article, Claim, Dataset, Event } from "./model.ts";
import type { ArticleFields, EventDetailFields, EventFields, TimelineEventFields } from "./queries.ts";
import { detectLanguage } from "./text.ts";

/**
 * An event as the API sends it (dates as ISO strings or null): the timeline's
 * fields, the window's, or the evidence panel's fuller ones, typed from the operations.
 */
export type RawEvent =
  | ResultOf<typeof TimelineEventFields>
  | ResultOf<typeof EventFields>
  | ResultOf<typeof EventDetailFields>;

type RawClaim = RawEvent["claims"][number];

/** An article as the API sends it; its text only when asked for. */
export type RawArticle = ResultOf<typeof ArticleFields> & { text?: string | null };

/** How far an open-ended date range is drawn past its one known end. */
const openSpan = 180 * 24 * 3600 * 1000;

function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const linked = (raw: RawClaim, type: string, direction: string) =>
  ("links" in raw ? raw.links : []).filter((l) => l.type === type && l.direction === direction).map((l) => l.other.id);

function shapeClaim(raw: RawClaim): Claim {
  return {
    id: raw.id,
    text: raw.text,
    gloss: raw.gloss ?? null,
    certainty: raw.certainty,
    statedAt: parseDate(raw.statedAt),
    claimant: raw.claimant ?? null,
    language: raw.language ?? detectLanguage(raw.text),
    supports: linked(raw, "SUPPORTS", "OUT"),
    disputes: linked(raw, "DISPUTES", "OUT"),
    supportedBy: linked(raw, "SUPPORTS", "IN"),
    disputedBy: linked(raw, "DISPUTES", "IN"),
    evidence: "evidence" in raw ? raw.evidence : [],
  };
}

/** Parses an event's dates once; an event with neither end is not placeable and is dropped. */
export function shapeEvent(raw: RawEvent, claims: Map<string, Claim> = new Map()): Event | null {
  const start = parseDate(raw.start);
  const end = parseDate(raw.end);
  if (!start && !end) return null;
  return {
    id: raw.id,
    type: raw.type,
    title: raw.title,
    summary: raw.summary ?? null,
    start: start ?? new Date((end as Date).getTime() - openSpan),
    end: end ?? new Date((start as Date).getTime() + openSpan),
    startOpen: !start,
    endOpen: !end,
    precision: raw.precision,
    edtf: raw.edtf ?? null,
    confidence: raw.confidence ?? null,
    independentSources: raw.independentSources ?? 1,
    actors: raw.actors ?? [],
    locations: raw.locations ?? [],
    claims: (raw.claims ?? []).map((c) => {
      const known = claims.get(c.id);
      if (known) return known;
      const claim = shapeClaim(c);
      claims.set(claim.id, claim);
      return claim;
    }),
    evidence: "evidence" in raw ? (raw.evidence ?? []) : [],
  };
}

export function shapeArticle(raw: RawArticle): Article {
  return {
    id: raw.id,
    title: raw.title,
    publisher: raw.publisher ?? null,
    language: raw.language ?? null,
    publishedAt: parseDate(raw.publishedAt),
    url: raw.url ?? null,
    text: raw.text ?? null,
  };
}

/**
 * Shapes the API's events (and articles, when known) into the dataset every
 * view reads: dates parsed once in UTC, claims shared between the events they
 * are about, articles known at least by the evidence that cites them.
 */
export function shapeDataset(rawEvents: RawEvent[], rawArticles: RawArticle[] = []): Dataset {
  const claims = new Map<string, Claim>();
  const events: Event[] = [];
  for (const raw of rawEvents) {
    const event = shapeEvent(raw, claims);
    if (event) events.push(event);
  }
  events.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : 1));
  const articles = new Map(rawArticles.map((a) => [a.id, shapeArticle(a)]));
  for (const raw of rawEvents)
    for (const a of raw.articles ?? []) if (!articles.has(a.id)) articles.set(a.id, shapeArticle(a));
  for (const e of events)
    for (const ev of e.evidence)
      if (!articles.has(ev.articleId))
        articles.set(ev.articleId, {
          id: ev.articleId,
          title: ev.articleTitle,
          publisher: null,
          language: null,
          publishedAt: null,
          url: null,
          text: null,
        });
  return { events, claims: [...claims.values()], articles: [...articles.values()] };
}

/** One dataset from several (the window's events, a selection fetched on its own, article texts); later parts win. */
export function mergeDatasets(...parts: Dataset[]): Dataset {
  const events = new Map<string, Event>();
  const claims = new Map<string, Claim>();
  const articles = new Map<string, Article>();
  for (const part of parts) {
    for (const e of part.events) events.set(e.id, e);
    for (const c of part.claims) claims.set(c.id, c);
    for (const a of part.articles) {
      const known = articles.get(a.id);
      articles.set(
        a.id,
        known && !a.text ? { ...a, text: known.text, publishedAt: a.publishedAt ?? known.publishedAt } : a,
      );
    }
  }
  return {
    events: [...events.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : 1)),
    claims: [...claims.values()],
    articles: [...articles.values()],
  };
}
