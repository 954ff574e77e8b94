import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { ARABIC_LETTERS } from "../../model/name-key.ts";
import { normalizeArabic } from "../../text/arabic-normalize.ts";

/** A GeoNames place (population ≥ 1000) or a country, as seeds/geonames/places.tsv.gz holds it. */
export interface GeoPlace {
  geonamesId?: number;
  name: string;
  nameAr?: string;
  countryCode: string;
  featureCode: string;
  population: number;
  latitude?: number;
  longitude?: number;
}

/** The gazetteer's lookups: folded name → places (most populous first), consonant skeleton → places, countries. */
export interface GeoNames {
  byName: Map<string, GeoPlace[]>;
  /** Places of one country by consonant skeleton, built the first time that country is asked for. */
  skeletonsOf(countryCode: string): Map<string, GeoPlace[]>;
  countries: Map<string, GeoPlace>;
  /** Country names only (folded English and Arabic), for the quick "which countries is this article about". */
  countryNames: Map<string, GeoPlace>;
  /** First words of names of two or more words, so a longer lookup is tried only when it can match. */
  firstWords: Set<string>;
  /** Milliseconds the load took and bytes of heap it added, for the README's figures. */
  loadMs: number;
  heapBytes: number;
}

const DATA = new URL("../../../../seeds/geonames/places.tsv.gz", import.meta.url);
let loaded: GeoNames | undefined;

/**
 * The GeoNames gazetteer, read on first use (not at start-up: `rasd start`
 * never pays for it unless an article is extracted). Built by
 * scripts/build-geonames.ts; GeoNames data, CC BY 4.0.
 */
export function geonames(): GeoNames {
  if (loaded) return loaded;
  const t0 = performance.now();
  const heap0 = process.memoryUsage().heapUsed;
  const byName = new Map<string, GeoPlace[]>();
  const byCountry = new Map<string, GeoPlace[]>();
  const skeletons = new Map<string, Map<string, GeoPlace[]>>();
  const countries = new Map<string, GeoPlace>();
  const countryNames = new Map<string, GeoPlace>();
  const firstWords = new Set<string>();
  const capitals = new Map<string, GeoPlace>();
  const add = (map: Map<string, GeoPlace[]>, key: string, p: GeoPlace) => {
    if (!key) return;
    const space = key.indexOf(" ");
    if (space > 0) firstWords.add(key.slice(0, space));
    const list = map.get(key);
    if (!list) map.set(key, [p]);
    // One place adds each key once, in turn, so a duplicate can only be the last entry (no scan of long lists).
    else if (list[list.length - 1] !== p) list.push(p);
  };
  const text = gunzipSync(readFileSync(DATA)).toString("utf8");
  for (const line of text.split("\n")) {
    if (!line) continue;
    const f = line.split("\t");
    if (f[0] === "C") {
      const capital = capitals.get(f[1]);
      const country: GeoPlace = {
        name: f[2],
        nameAr: f[3] || undefined,
        countryCode: f[1],
        featureCode: "PCLI",
        population: 0,
        latitude: capital?.latitude,
        longitude: capital?.longitude,
      };
      countries.set(f[1], country);
      for (const k of [latinKey(f[2]), arabicKey(f[3])]) {
        add(byName, k, country);
        if (k) countryNames.set(k, country);
      }
      continue;
    }
    const p: GeoPlace = {
      geonamesId: Number(f[0]),
      name: f[1],
      nameAr: f[2] || undefined,
      countryCode: f[3],
      featureCode: f[4],
      population: Number(f[6]),
      latitude: Number(f[7]),
      longitude: Number(f[8]),
    };
    if (p.featureCode === "PPLC" && !capitals.has(p.countryCode)) capitals.set(p.countryCode, p);
    add(byName, latinKey(p.name), p);
    if (p.nameAr) add(byName, arabicKey(p.nameAr), p);
    const inCountry = byCountry.get(p.countryCode);
    if (inCountry) inCountry.push(p);
    else byCountry.set(p.countryCode, [p]);
  }
  loaded = {
    byName,
    skeletonsOf(code: string) {
      let map = skeletons.get(code);
      if (!map) {
        map = new Map();
        for (const p of byCountry.get(code) ?? []) add(map, latinSkeleton(p.name), p);
        skeletons.set(code, map);
      }
      return map;
    },
    countries,
    countryNames,
    firstWords,
    loadMs: performance.now() - t0,
    heapBytes: process.memoryUsage().heapUsed - heap0,
  };
  return loaded;
}

/**
 * The folded key of a phrase of the article, remembered: every word of every
 * article is looked up as a place name, and folding (normalisation, regexes)
 * was a tenth of extraction time. Bounded: cleared when it outgrows a news
 * vocabulary. (The loader folds each GeoNames name once and does not use it.)
 */
const keyCache = new Map<string, string>();
export function textKey(arabic: boolean, phrase: string): string {
  const k = (arabic ? "a" : "l") + phrase;
  let key = keyCache.get(k);
  if (key === undefined) {
    if (keyCache.size > 100_000) keyCache.clear();
    key = arabic ? arabicKey(phrase) : latinKey(phrase);
    keyCache.set(k, key);
  }
  return key;
}

/** Latin names folded for lookup: accents off, lower case, a leading al-/el- article off. */
export function latinKey(name: string): string {
  if (/^[a-z]+$/.test(name)) return /^(al|el)$/.test(name) ? "" : name;
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’'`]/g, "")
    .replace(/^(al|el|an|ad|ar|as|at|az|ash)[-\s]/, "")
    .replace(/[-\s]+/g, " ")
    .trim();
}

/** Arabic names folded for lookup (normalizeArabic) with the article ال off. */
export function arabicKey(name: string | undefined): string {
  if (!name) return "";
  return normalizeArabic(name)
    .replace(/\u200c|\u200d|\u200e|\u200f/g, "")
    .split(/\s+/)
    .map((w) => (w.startsWith("ال") && w.length > 3 ? w.slice(2) : w))
    .join(" ")
    .trim();
}

/**
 * Consonant skeleton shared by an Arabic name and its romanisations, so a
 * name missing from the Arabic catalogue still finds its place: الفاشر and
 * "El Fasher" / "Al Fashir" both give "fsr".
 */
// The name key's letter table, except that GeoNames romanises خ as "kh" and غ as
// "gh", which latinSkeleton reads as k and g (the name key merges them into x and j).
const ARABIC_CONSONANTS: Readonly<Record<string, string>> = { ...ARABIC_LETTERS, خ: "k", غ: "g" };

export function arabicSkeleton(name: string): string {
  const key = arabicKey(name);
  let out = "";
  for (const ch of key) out += ARABIC_CONSONANTS[ch] ?? "";
  return out.replace(/(.)\1+/g, "$1").replace(/h$/, "");
}

export function latinSkeleton(name: string): string {
  return latinKey(name)
    .replace(/sh|ch/g, "s")
    .replace(/kh/g, "k")
    .replace(/gh/g, "g")
    .replace(/th/g, "t")
    .replace(/dh/g, "d")
    .replace(/ph/g, "f")
    .replace(/q|c/g, "k")
    .replace(/[aeiouyw\s'-]/g, "")
    .replace(/(.)\1+/g, "$1")
    .replace(/h$/, "");
}
