/**
 * Scores a bundle against hand-written "text gold" (seeds/eval-ood/*.gold.json):
 * gold written as strings of the article rather than as a bundle, so it can be
 * made by reading the article only. Each gold item names the words of the text
 * that mention it; every occurrence of those words counts as its evidence.
 *
 * Matching rule (one-to-one, greedy, per category):
 * - actors, places: a predicted actor (location) matches a gold actor (place)
 *   when one of its evidence spans overlaps an occurrence of one of the gold
 *   item's mention strings;
 * - claims: the predicted statement (first evidence span) overlaps an
 *   occurrence of the gold statement by at least half of the shorter; the
 *   speaker is right when the predicted claimant matched the gold speaker;
 * - events: a predicted event's evidence contains an occurrence of the gold
 *   anchor and its type is the gold type, or both are violent (attack, air
 *   strike, shelling, armed clash: the same happening is often told with
 *   either word); the date is right when the predicted EDTF equals the gold
 *   date (gold dates the text leaves open are null and not scored).
 */
import type { ArticleBundle, Span } from "../../server/src/bundle/types.ts";

export interface TextGold {
  howMade: string;
  source: { url: string; outlet: string; published: string; publishedNote?: string };
  region: string;
  actors: { name: string; kind: string; mentions: string[] }[];
  places: { name: string; mentions: string[] }[];
  claims: { speaker: string; text: string }[];
  events: { type: string; anchor: string; date: string | null }[];
}

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface TextScore {
  actors: Tally;
  places: Tally;
  claims: Tally;
  events: Tally;
  /** Matched claims whose speaker is right, of matched claims. */
  speakers: { right: number; of: number };
  /** Matched events with a gold date whose date is right, of those. */
  dates: { right: number; of: number };
  misses: string[];
}

const VIOLENT = new Set(["ATTACK", "AIRSTRIKE", "SHELLING", "ARMED_CLASH"]);

/** Every [start, end) where `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): Span[] {
  const out: Span[] = [];
  if (!needle) return out;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1))
    out.push({ start: at, end: at + needle.length, text: needle });
  return out;
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

function greedy<P, G>(pred: P[], gold: G[], ok: (p: P, g: G) => boolean): Map<number, number> {
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  pred.forEach((p, i) => {
    const j = gold.findIndex((g, k) => !used.has(k) && ok(p, g));
    if (j === -1) return;
    pairs.set(i, j);
    used.add(j);
  });
  return pairs;
}

const tally = (pairs: Map<number, number>, pred: number, gold: number): Tally => ({
  tp: pairs.size,
  fp: pred - pairs.size,
  fn: gold - pairs.size,
});

export function scoreTextGold(pred: ArticleBundle, gold: TextGold, name: string): TextScore {
  const text = pred.article.text;
  const where = (strings: string[]) => strings.flatMap((s) => occurrences(text, s));
  const misses: string[] = [];
  for (const item of [...gold.actors, ...gold.places])
    if (where(item.mentions).length === 0) throw new Error(`${name}: gold "${item.name}" has no mention in the text`);
  for (const c of gold.claims)
    if (occurrences(text, c.text).length === 0) throw new Error(`${name}: gold claim not in the text: ${c.text}`);
  for (const e of gold.events)
    if (occurrences(text, e.anchor).length === 0)
      throw new Error(`${name}: gold event anchor not in the text: ${e.anchor}`);

  const entity = (p: { evidence: Span[] }, g: { mentions: string[] }) =>
    p.evidence.some((x) => where(g.mentions).some((y) => overlap(x, y) > 0));
  const actorPairs = greedy(pred.actors, gold.actors, entity);
  const placePairs = greedy(pred.locations, gold.places, entity);
  const goldOfActor = new Map<string, string>();
  for (const [i, j] of actorPairs) goldOfActor.set(pred.actors[i].id, gold.actors[j].name);

  const claimPairs = greedy(pred.claims, gold.claims, (p, g) =>
    occurrences(text, g.text).some((o) => {
      const a = p.evidence[0];
      return overlap(a, o) >= 0.5 * Math.min(a.end - a.start, o.end - o.start);
    }),
  );
  let speakersRight = 0;
  for (const [i, j] of claimPairs)
    if (goldOfActor.get(pred.claims[i].claimant) === gold.claims[j].speaker) speakersRight++;

  const sameKind = (a: string, b: string) => a === b || (VIOLENT.has(a) && VIOLENT.has(b));
  const eventPairs = greedy(
    pred.events,
    gold.events,
    (p, g) =>
      sameKind(p.type, g.type) &&
      occurrences(text, g.anchor).some((o) => p.evidence.some((s) => s.start <= o.start && o.end <= s.end)),
  );
  let datesRight = 0;
  let dated = 0;
  for (const [i, j] of eventPairs) {
    const want = gold.events[j].date;
    if (want === null) continue;
    dated++;
    if (pred.events[i].edtf === want) datesRight++;
    else misses.push(`date: "${gold.events[j].anchor}" want ${want} got ${pred.events[i].edtf ?? "none"}`);
  }
  const matchedG = (pairs: Map<number, number>) => new Set(pairs.values());
  const ga = matchedG(actorPairs);
  gold.actors.forEach((a, j) => {
    if (!ga.has(j)) misses.push(`actor missed: ${a.name}`);
  });
  pred.actors.forEach((a, i) => {
    if (!actorPairs.has(i)) misses.push(`actor extra: ${a.name} [${a.kind}]`);
  });
  const gp = matchedG(placePairs);
  gold.places.forEach((a, j) => {
    if (!gp.has(j)) misses.push(`place missed: ${a.name}`);
  });
  pred.locations.forEach((a, i) => {
    if (!placePairs.has(i)) misses.push(`place extra: ${a.name}`);
  });
  const gc = matchedG(claimPairs);
  gold.claims.forEach((c, j) => {
    if (!gc.has(j)) misses.push(`claim missed: ${c.speaker}: ${c.text.slice(0, 60)}`);
  });
  pred.claims.forEach((c, i) => {
    if (!claimPairs.has(i)) misses.push(`claim extra: ${c.text.slice(0, 60)}`);
  });
  for (const [i, j] of claimPairs)
    if (goldOfActor.get(pred.claims[i].claimant) !== gold.claims[j].speaker)
      misses.push(`speaker wrong: want ${gold.claims[j].speaker} got ${pred.claims[i].claimant}`);
  const ge = matchedG(eventPairs);
  gold.events.forEach((e, j) => {
    if (!ge.has(j)) misses.push(`event missed: ${e.type} "${e.anchor}"`);
  });
  pred.events.forEach((e, i) => {
    if (!eventPairs.has(i)) misses.push(`event extra: ${e.type} "${(e.summary ?? e.title).slice(0, 60)}"`);
  });
  return {
    actors: tally(actorPairs, pred.actors.length, gold.actors.length),
    places: tally(placePairs, pred.locations.length, gold.places.length),
    claims: tally(claimPairs, pred.claims.length, gold.claims.length),
    events: tally(eventPairs, pred.events.length, gold.events.length),
    speakers: { right: speakersRight, of: claimPairs.size },
    dates: { right: datesRight, of: dated },
    misses,
  };
}
