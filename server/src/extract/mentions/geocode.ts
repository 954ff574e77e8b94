import type { LocationKind } from "../../bundle/types.ts";
import { normalizeArabic } from "../../text/arabic-normalize.ts";
import { slugify } from "../../text/transliterate.ts";
import type { ExtractState } from "../state.ts";
import { addMention, cliticStart } from "./discovered.ts";
import { arabicKey, arabicSkeleton, type GeoPlace, geonames, geoWord, latinKey, textKey } from "./geonames.ts";
import { ENGLISH_LOCATIVE, ENGLISH_NOT_NAME } from "./name-words.ts";

/** ACLED-style geo-precision: 1 the place itself, 2 near it or part of a region named like it, 3 only its country. */
export type GeoPrecision = 1 | 2 | 3;

const ARABIC_LOCATIVE = new Set([
  "في",
  "من",
  "الي",
  "قرب",
  "نحو",
  "داخل",
  "خارج",
  "حول",
  "شمال",
  "جنوب",
  "شرق",
  "غرب",
  "شمالي",
  "جنوبي",
  "شرقي",
  "غربي",
  "وسط",
  "بين",
  "مدينه",
  "بلده",
  "عاصمه",
  "العاصمه",
]);
/** Arabic words that are also GeoNames names but, in news prose, almost always mean something else. */
const ARABIC_COMMON = new Set(["صور", "بير", "حي", "مصر", "عمان", "سلام", "امل", "نور", "قدس", "جمال", "دار"]);

/**
 * Places named in the text that the GeoNames gazetteer knows and no earlier
 * step found: one to three words matching a place's English or Arabic name.
 * A country matches anywhere; a town needs a locative cue ("in", "near", في،
 * ب-، قرب، شمال …) unless it is a large city, so common words that happen to
 * be town names are not read as places. Ambiguous names go to the place in a
 * country the article is about, else the most populous.
 */
export function findGeoNames(state: ExtractState, covered: Set<number>) {
  const { tokens, text } = state.doc;
  const countries = articleCountries(state);
  for (const s of state.doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (covered.has(i)) continue;
      const t = tokens[i];
      if (!t.arabic && (!/^[A-Z]/.test(t.raw) || ENGLISH_NOT_NAME.has(t.norm))) continue;
      for (let n = 3; n >= 1; n--) {
        const end = i + n;
        if (end > s.tokEnd || anyCovered(covered, i, end)) continue;
        if (n > 1 && !/^[\s-]+$/.test(text.slice(tokens[end - 2].end, tokens[end - 1].start))) continue;
        const hit = lookup(state, i, end, countries);
        if (!hit) continue;
        const { place, form } = hit;
        const isCountry = place.featureCode === "PCLI";
        const locative = locativeBefore(state, i, form);
        // Arabic single words are too often common nouns (المشهد "the scene" is also Mashhad): a town needs a cue.
        if (n === 1 && !isCountry && !locative && (t.arabic || place.population < 200_000)) continue;
        if (t.arabic && /^ال/.test(form) !== /^ال/.test(normalizeArabic(place.nameAr ?? "")) && !isCountry) continue;
        if (t.arabic && n === 1 && ARABIC_COMMON.has(form)) continue;
        // "Tripoli Revolutionary Brigade": a capitalised word after the name makes it part of another name.
        if (
          !t.arabic &&
          end < s.tokEnd &&
          /^[A-Z]/.test(tokens[end].raw) &&
          /^\s$/.test(text.slice(tokens[end - 1].end, tokens[end].start))
        )
          continue;
        const id = placeEntry(state, place, isCountry ? 3 : 1);
        const start = t.arabic && form !== t.norm && t.norm.endsWith(form) ? cliticStart(state, i, form) : undefined;
        addMention(state, i, end, id, 0.7, covered, start);
        i = end - 1;
        break;
      }
    }
  }
}

/**
 * Coordinates for places found by name patterns ("بلدة شيحين", "Kharkiv
 * region"): the GeoNames place of that name, by Arabic name, English name or
 * consonant skeleton, in a country the article is about when it names one. A
 * region named like its city gets the city's point at precision 2. A place
 * not found keeps no coordinates rather than a guessed point.
 */
export function geocodeDiscovered(state: ExtractState) {
  const gn = geonames();
  const countries = articleCountries(state);
  const present = new Set(state.mentions.filter((m) => m.label === "location").map((m) => m.id));
  for (const id of present) {
    const e = state.entries.get(id);
    if (!e?.discovered || e.point) continue;
    const arabic = /[\u0600-\u06ff]/.test(e.name);
    const candidates = gn.byName.get(arabic ? arabicKey(e.name) : latinKey(e.name)) ?? [];
    let pick = rank(candidates, countries);
    if (!pick && arabic && countries.size > 0) {
      const skeleton = arabicSkeleton(e.name);
      if (skeleton.length >= 3)
        pick = rank(
          [...countries].flatMap((c) => gn.skeletonsOf(c).get(skeleton) ?? []),
          countries,
        );
    }
    if (!pick) continue;
    const region = e.kind === "PROVINCE" || e.kind === "REGION" || e.kind === "AREA";
    Object.assign(e, geoFields(pick, region && pick.featureCode !== "PCLI" ? 2 : pick.featureCode === "PCLI" ? 3 : 1));
  }
}

function geoFields(p: GeoPlace, precision: GeoPrecision) {
  return {
    ...(p.latitude !== undefined && p.longitude !== undefined
      ? { point: { latitude: p.latitude, longitude: p.longitude } }
      : {}),
    countryCode: p.countryCode,
    geoPrecision: precision,
    ...(p.geonamesId ? { geonamesId: p.geonamesId } : {}),
  };
}

function placeEntry(state: ExtractState, p: GeoPlace, precision: GeoPrecision): string {
  const id = p.featureCode === "PCLI" ? `location:${slugify(p.name)}` : `location:gn-${p.geonamesId}`;
  if (!state.entries.has(id)) {
    const kind: LocationKind = p.featureCode === "PCLI" ? "COUNTRY" : "CITY";
    state.entries.set(id, {
      id,
      label: "location",
      name: p.name,
      ...(p.nameAr ? { nameAr: p.nameAr } : {}),
      aliases: [],
      kind,
      ...geoFields(p, precision),
    });
  }
  return id;
}

function anyCovered(covered: Set<number>, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (covered.has(k)) return true;
  return false;
}

function lookup(state: ExtractState, i: number, end: number, countries: Set<string>) {
  const { tokens } = state.doc;
  const first = tokens[i];
  // A Latin token's variants are just its norm.
  for (const form of first.variants) {
    const word = geoWord(first.arabic, form);
    let places = word.places;
    if (end - i > 1) {
      if (!word.opensName) continue;
      let phrase = form;
      for (let k = i + 1; k < end; k++) phrase += ` ${tokens[k].norm}`;
      places = geonames().byName.get(textKey(first.arabic, phrase));
    }
    const place = places && rank(places, countries);
    if (place) return { place, form };
  }
  return undefined;
}

/** A country first (it is what a bare name most often means), then a place in a country the article names, then the most populous. */
function rank(places: GeoPlace[], countries: Set<string>): GeoPlace | undefined {
  if (places.length === 0) return undefined;
  return (
    places.find((p) => p.featureCode === "PCLI") ??
    places.find((p) => countries.has(p.countryCode)) ??
    places.reduce((a, b) => (b.population > a.population ? b : a))
  );
}

function locativeBefore(state: ExtractState, i: number, form: string): boolean {
  const { tokens } = state.doc;
  const t = tokens[i];
  if (t.arabic && form !== t.norm && /^(و|ف)?(ب|ل)/.test(t.norm)) return true;
  const prev = tokens[i - 1];
  if (!prev) return false;
  if (t.arabic) return prev.variants.some((v) => ARABIC_LOCATIVE.has(v));
  const p = prev.norm === "the" ? tokens[i - 2]?.norm : prev.norm;
  return !!p && (ENGLISH_LOCATIVE.has(p) || /^(village|town|city|capital|province|region|port|of)$/.test(p));
}

/** Countries the article is about: those of places already found. */
function articleCountries(state: ExtractState): Set<string> {
  const out = new Set<string>();
  for (const m of state.mentions) {
    if (m.label !== "location") continue;
    const cc = state.entries.get(m.id)?.countryCode;
    if (cc) out.add(cc);
  }
  // Country names in the text count even before they are matched ("ليبيا", "Sudan's").
  for (const t of state.doc.tokens) {
    for (const v of t.variants) {
      const c = geoWord(t.arabic, v).country;
      if (c) out.add(c.countryCode);
    }
  }
  return out;
}
