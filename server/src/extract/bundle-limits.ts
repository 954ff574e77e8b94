import { readFileSync } from "node:fs";
import type { ArticleBundle, Span } from "../bundle/types.ts";

/**
 * The list limits of schema/article-bundle.schema.json, read from the schema
 * itself so the extractor can never drift from what the validator refuses.
 */
const SCHEMA = JSON.parse(readFileSync(new URL("../../../schema/article-bundle.schema.json", import.meta.url), "utf8"));
const defs = SCHEMA.$defs;
export const LIMITS = {
  actors: SCHEMA.properties.actors.maxItems as number,
  locations: SCHEMA.properties.locations.maxItems as number,
  events: SCHEMA.properties.events.maxItems as number,
  claims: SCHEMA.properties.claims.maxItems as number,
  relations: SCHEMA.properties.relations.maxItems as number,
  evidence: defs.evidence.maxItems as number,
  aliases: defs.actor.properties.aliases.maxItems as number,
  participants: defs.event.properties.participants.maxItems as number,
  eventLocations: defs.event.properties.locations.maxItems as number,
  about: defs.claim.properties.about.maxItems as number,
};

/**
 * Evidence within the schema's limit: spans sorted, overlapping ones and ones
 * separated only by white space merged into one (a run of consecutive
 * sentences becomes one span), and — only when still too many — the first
 * `max` kept. Each span's text is re-quoted from the article.
 */
export function capEvidence(spans: Span[], text: string, max = LIMITS.evidence): Span[] {
  if (spans.length <= max) return spans;
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && (s.start <= last.end || /^\s*$/.test(text.slice(last.end, s.start))))
      last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged.slice(0, max).map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) }));
}

/**
 * Brings an extracted bundle within every list limit of the schema, in place
 * (the extractor's own fresh objects; key order and anything already within
 * limits stay as they were). Evidence is merged and capped (see
 * {@link capEvidence}); an entity list over its limit keeps its first items
 * (the order extraction found them in) and every reference to a dropped item
 * goes with it: a participant, a place of an event, an "about" link, a
 * relation, a claim whose claimant is gone. The result is what the validator
 * accepts, never a refusal of the extractor's own output.
 */
export function fitBundleToSchema(bundle: ArticleBundle): ArticleBundle {
  const text = bundle.article.text;
  const cap = <T>(list: T[], max: number) => (list.length > max ? list.slice(0, max) : list);
  const fitEvidence = (x: { evidence?: Span[] }) => {
    if (x.evidence) x.evidence = capEvidence(x.evidence, text);
  };
  bundle.actors = cap(bundle.actors, LIMITS.actors);
  bundle.locations = cap(bundle.locations, LIMITS.locations);
  bundle.events = cap(bundle.events, LIMITS.events);
  const known = new Set<string>([...bundle.actors, ...bundle.locations, ...bundle.events].map((x) => x.id));
  for (const x of [...bundle.actors, ...bundle.locations]) {
    fitEvidence(x);
    if (x.aliases) x.aliases = cap(x.aliases, LIMITS.aliases);
  }
  for (const l of bundle.locations) if (l.within && !known.has(l.within)) delete l.within;
  for (const e of bundle.events) {
    fitEvidence(e);
    e.participants = cap(
      e.participants.filter((p) => known.has(p.actor)),
      LIMITS.participants,
    );
    for (const p of e.participants) fitEvidence(p);
    e.locations = cap(
      e.locations.filter((id) => known.has(id)),
      LIMITS.eventLocations,
    );
  }
  bundle.claims = cap(
    bundle.claims.filter((c) => known.has(c.claimant)),
    LIMITS.claims,
  );
  for (const c of bundle.claims) {
    known.add(c.id);
    fitEvidence(c);
    if (c.toldTo && !known.has(c.toldTo)) delete c.toldTo;
    c.about = cap(
      c.about.filter((id) => known.has(id)),
      LIMITS.about,
    );
  }
  if (bundle.relations) {
    bundle.relations = cap(
      bundle.relations.filter((r) => known.has(r.from) && known.has(r.to)),
      LIMITS.relations,
    );
    for (const r of bundle.relations) fitEvidence(r);
  }
  return bundle;
}
