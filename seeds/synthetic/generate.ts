import type {
  ArticleBundle,
  BundleActor,
  BundleClaim,
  BundleEvent,
  BundleLocation,
  BundleRelation,
  Certainty,
  DatePrecision,
} from "../../server/src/bundle/types.ts";
import { validateBundle } from "../../server/src/bundle/validate.ts";
import type { Database } from "../../server/src/db/database.ts";
import { writeBundles } from "../../server/src/ingest/write-bundles.ts";
import { ArticleText } from "./article-text.ts";
import { ACTORS, COUNTRIES, EVENT_TYPES, PLACES, type PoolActor, type PoolLocation, VERBS } from "./pool.ts";
import { eventDates, mulberry32, type Random } from "./random.ts";

/** Options for {@link generateSyntheticBundles}. */
export interface SyntheticOptions {
  /** Total events across all bundles. */
  events: number;
  /** PRNG seed; the same seed always yields the same bundles. Default 1. */
  seed?: number;
  /** Events per article (the last article may have fewer). Default 5. */
  eventsPerArticle?: number;
  /**
   * Share (0..1) of events that retell a recent event of the same stream in
   * another article: same type, dates, place, initiator and target, told by
   * another outlet, in either language: what event resolution exists for.
   * Default 0 (every event distinct), which keeps the stream of a seed as it was.
   */
  retell?: number;
  /**
   * Articles are published on a day drawn from the last this-many days of the
   * ten years (a live feed arriving at an archive) instead of from all of
   * them. Default: all of them, which keeps the stream of a seed as it was.
   */
  lastDays?: number;
}

/** What a later article needs to tell an event again. */
interface Told {
  type: (typeof EVENT_TYPES)[number];
  initiator: PoolActor;
  target: PoolActor;
  place: PoolLocation;
  dates: Pick<BundleEvent, "start" | "end" | "edtf">;
  precision: DatePrecision;
}

/** Retellings draw from the last this-many events generated (a news cycle's worth). */
const RECENT_EVENTS = 2_000;

const PUBLISHERS = ["Erem News", "Al Jazeera", "Reuters", "Shafaq News", "Alsumaria", "The National"];
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2015, 0, 1);
const DAYS = 3653; // 2015-01-01 .. 2024-12-31
const PRECISIONS: DatePrecision[] = [
  "DAY",
  "DAY",
  "DAY",
  "DAY",
  "DAY",
  "DAY",
  "MONTH",
  "MONTH",
  "RANGE",
  "APPROXIMATE",
];
const CERTAINTIES: Certainty[] = ["ASSERTED", "ASSERTED", "HEDGED", "DENIED"];

const pick = <T>(rng: Random, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Deterministic, valid article bundles for scale tests and benchmarks:
 * Arabic (70%) and English articles over a fixed pool of actors and places,
 * each event with an initiator, a target, a place, an uncertain date and
 * evidence spans; claims about the events, some supporting or disputing each
 * other; occasional alliances and oppositions between actors.
 */
export function* generateSyntheticBundles(options: SyntheticOptions): Iterable<ArticleBundle> {
  const seed = options.seed ?? 1;
  const perArticle = Math.max(1, options.eventsPerArticle ?? 5);
  const rng = mulberry32(seed);
  // A place's WITHIN tie is stated once, by the first article naming it: repeating it in every
  // article would grow one relationship's evidence list with every article.
  const withinStated = new Set<string>();
  const retell = { share: options.retell ?? 0, recent: [] as Told[] };
  const days = Math.min(DAYS, Math.max(1, Math.floor(options.lastDays ?? DAYS)));
  let made = 0;
  for (let n = 0; made < options.events; n++) {
    const count = Math.min(perArticle, options.events - made);
    yield article(rng, seed, n, made, count, withinStated, retell, days);
    made += count;
  }
}

function article(
  rng: Random,
  seed: number,
  n: number,
  firstEvent: number,
  count: number,
  withinStated: Set<string>,
  retell: { share: number; recent: Told[] },
  days: number,
) {
  const ar = rng() < 0.7;
  const articleId = `article:syn-${seed}-${n}`;
  const published = FIRST_DAY + (DAYS - days + Math.floor(rng() * days)) * DAY;
  const text = new ArticleText();
  text.add(ar ? `تقرير رصد رقم ${n}\n` : `Rasd synthetic report ${n}\n`);
  const actors = new Map<string, PoolActor>();
  const places = new Map<string, PoolLocation>();
  const events: BundleEvent[] = [];
  const claims: BundleClaim[] = [];
  const relations: BundleRelation[] = [];
  const name = (a: PoolActor | PoolLocation) => (ar ? a.nameAr : a.name);
  const mentionActor = (a: PoolActor) => {
    actors.set(a.id, a);
    return text.mention(a.id, name(a));
  };

  for (let j = 0; j < count; j++) {
    // rng() is drawn for retelling only when it is asked for, so a seed's stream without it stays the same.
    const told = retell.share > 0 && retell.recent.length > 0 && rng() < retell.share ? pick(rng, retell.recent) : null;
    const type = told?.type ?? pick(rng, EVENT_TYPES);
    const initiator = told?.initiator ?? pick(rng, ACTORS);
    let target = told?.target ?? pick(rng, ACTORS);
    if (target.id === initiator.id) target = ACTORS[(ACTORS.indexOf(target) + 1) % ACTORS.length];
    const place = told?.place ?? (rng() < 0.15 ? pick(rng, COUNTRIES) : pick(rng, PLACES));
    const sentenceStart = text.position;
    const aSpan = mentionActor(initiator);
    text.add(` ${VERBS[type][ar ? 1 : 0]} `);
    const bSpan = mentionActor(target);
    text.add(ar ? " في " : " in ");
    places.set(place.id, place);
    text.mention(place.id, name(place));
    const parent = COUNTRIES.find((c) => c.id === place.within);
    if (parent) {
      text.add(ar ? "، " : ", ");
      places.set(parent.id, parent);
      text.mention(parent.id, name(parent));
    }
    const sentence = text.since(sentenceStart);
    text.add(ar ? ".\n" : ".\n");
    const precision = told?.precision ?? pick(rng, PRECISIONS);
    const dates = told?.dates ?? eventDates(published - Math.floor(rng() * 30) * DAY, precision, rng);
    if (retell.share > 0 && !told) {
      if (retell.recent.length >= RECENT_EVENTS)
        retell.recent[Math.floor(rng() * RECENT_EVENTS)] = { type, initiator, target, place, dates, precision };
      else retell.recent.push({ type, initiator, target, place, dates, precision });
    }
    events.push({
      id: `event:syn-${seed}-${firstEvent + j}`,
      type,
      title: sentence.text ?? "",
      ...dates,
      precision,
      confidence: round2(0.5 + rng() * 0.5),
      evidence: [sentence],
      participants: [
        { actor: initiator.id, role: "INITIATOR", evidence: [aSpan] },
        { actor: target.id, role: "TARGET", evidence: [bSpan] },
      ],
      locations: [place.id],
    });
    if (j % 2 === 0)
      claims.push(claim(rng, text, ar, `claim:syn-${seed}-${n}-${j}`, events[j], initiator, place, mentionActor));
  }
  if (claims.length > 1)
    relations.push({ type: rng() < 0.5 ? "SUPPORTS" : "DISPUTES", from: claims[1].id, to: claims[0].id });
  if (rng() < 0.3) {
    const [a, b] = events[0].participants.map((p) => p.actor);
    relations.push({ type: rng() < 0.5 ? "ALLIED_WITH" : "OPPOSES", from: a, to: b, evidence: events[0].evidence });
  }

  const bundleActors: BundleActor[] = [...actors.values()].map((a) => ({
    id: a.id,
    name: a.name,
    nameAr: a.nameAr,
    aliases: a.aliases,
    kind: a.kind,
    evidence: text.mentions.get(a.id) ?? [],
  }));
  const bundleLocations: BundleLocation[] = [...places.values()].map((l) => {
    const within = l.within && places.has(l.within) && !withinStated.has(l.id) ? l.within : undefined;
    if (within) withinStated.add(l.id);
    return {
      id: l.id,
      name: l.name,
      nameAr: l.nameAr,
      kind: l.kind,
      point: l.point,
      countryCode: l.countryCode,
      ...(within ? { within } : {}),
      evidence: text.mentions.get(l.id) ?? [],
    };
  });
  const publishedAt = new Date(published + 8 * 3_600_000).toISOString().replace(".000Z", "Z");
  return {
    bundleVersion: 1,
    producer: { name: "rasd synthetic", version: "1" },
    article: {
      id: articleId,
      url: `https://synthetic.rasd.invalid/${seed}/${n}`,
      title: ar ? `تقرير رصد رقم ${n}` : `Rasd synthetic report ${n}`,
      publisher: PUBLISHERS[n % PUBLISHERS.length],
      language: ar ? "ar" : "en",
      publishedAt,
      text: text.toString(),
    },
    actors: bundleActors,
    locations: bundleLocations,
    events,
    claims,
    relations,
  } satisfies ArticleBundle;
}

/** A claimant's quoted sentence about an event: "X said: «…»." */
function claim(
  rng: Random,
  text: ArticleText,
  ar: boolean,
  id: string,
  event: BundleEvent,
  blamed: PoolActor,
  place: PoolLocation,
  mentionActor: (a: PoolActor) => unknown,
): BundleClaim {
  const claimant = pick(rng, ACTORS);
  mentionActor(claimant);
  text.add(ar ? " قال: «" : " said: “");
  const quote = text.add(
    ar
      ? `إن ${blamed.nameAr} يتحمل مسؤولية ما جرى في ${place.nameAr}`
      : `${blamed.name} is responsible for what happened in ${place.name}`,
  );
  text.add(ar ? "».\n" : "”.\n");
  return {
    id,
    text: quote.text ?? "",
    gloss: ar ? `${blamed.name} is responsible for what happened in ${place.name}` : undefined,
    language: ar ? "ar" : "en",
    certainty: pick(rng, CERTAINTIES),
    claimant: claimant.id,
    about: [event.id],
    evidence: [quote],
    confidence: round2(0.5 + rng() * 0.5),
  };
}

/** Options for {@link loadSynthetic}. */
export interface LoadOptions {
  events: number;
  seed?: number;
  /** Bundles per write transaction. Default 200. */
  batchArticles?: number;
  /** Events already loaded by an earlier call with the same seed: generated (to keep the stream) but not written. */
  skip?: number;
  onProgress?: (events: number) => void;
  /** Resolve against the graph like any ingest (default false: generated events are distinct by construction). */
  resolve?: boolean;
}

/**
 * Writes synthetic bundles through the bundle path (validateBundle, then
 * writeBundles with many bundles per transaction). `entities` counts the
 * bundle items written: articles, actor and location mentions, events,
 * claims and relations.
 */
export async function loadSynthetic(
  db: Database,
  options: LoadOptions,
): Promise<{ seconds: number; entities: number }> {
  const t0 = performance.now();
  const batchSize = options.batchArticles ?? 200;
  let batch: ArticleBundle[] = [];
  let entities = 0;
  let events = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await writeBundles(db, batch, { resolve: options.resolve ?? false });
    options.onProgress?.(events);
    batch = [];
  };
  let skipped = 0;
  for (const b of generateSyntheticBundles({ events: options.events, seed: options.seed })) {
    if (skipped < (options.skip ?? 0)) {
      skipped += b.events.length;
      continue;
    }
    const valid = validateBundle(b);
    entities += bundleItems(valid);
    events += valid.events.length;
    batch.push(valid);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { seconds: (performance.now() - t0) / 1000, entities };
}

export function bundleItems(b: ArticleBundle): number {
  return 1 + b.actors.length + b.locations.length + b.events.length + b.claims.length + (b.relations?.length ?? 0);
}
