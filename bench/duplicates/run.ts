// `npm run bench:duplicates`: how long grouping look-alike actors takes (server/src/resolve/duplicate-groups.ts,
// blocked by spelling form, transliteration key and word key), beside a baseline measured in the same run:
// the same likeness test over every pair of names (what "compare everything" costs). The names are the
// gazetteer's actors and places (English, Arabic and aliases), each copied under new ids in spellings an
// article might use (al-/el-/no article, apostrophes, e↔i, o↔u), BENCH_NAMES of them (default
// 1000,3000,10000,50000); the baseline runs only up to 3000 names (it grows with the square).
// Prints ms per run (cold: names folded for the first time; then warm, as a second request finds them) and
// the ratio baseline/blocked (warm; the baseline folds each name once too), and how many pairs each found.

import { readFileSync } from "node:fs";
import { duplicateGroups, indexNames, likeness, type NamedEntity } from "../../server/src/resolve/duplicate-groups.ts";

const sizes = (process.env.BENCH_NAMES ?? "1000,3000,10000,50000").split(",").map(Number);
const baselineMax = Number(process.env.BENCH_BASELINE_MAX ?? 3000);

type Gazetteer = { name: string; nameAr?: string; aliases?: string[]; kind: string };
const read = (file: string, key: string) =>
  JSON.parse(readFileSync(new URL(`../../seeds/gazetteer/${file}`, import.meta.url), "utf8"))[key] as Gazetteer[];
const base = [...read("actors.json", "actors"), ...read("locations.json", "locations")];

// A deterministic generator (mulberry32), so every run benchmarks the same names.
let seed = 13;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const variants: ((s: string) => string)[] = [
  (s) => s,
  (s) => s.replace(/\bal-/g, "el-"),
  (s) => s.replace(/\bal-/g, ""),
  (s) => s.replace(/e/g, "i"),
  (s) => s.replace(/o/g, "u"),
  (s) => s.replace(/([aeiou])([bdgkt])/, "$1'$2"),
];

function names(n: number): NamedEntity[] {
  const out: NamedEntity[] = [];
  for (let i = 0; i < n; i++) {
    const g = base[Math.floor(random() * base.length)];
    const variant = variants[Math.floor(random() * variants.length)];
    const arabic = random() < 0.3 && g.nameAr;
    out.push({
      id: `actor:bench-${i}`,
      name: arabic ? (g.nameAr as string) : variant(g.name),
      nameAr: arabic ? null : random() < 0.5 ? (g.nameAr ?? null) : null,
      aliases: random() < 0.2 ? (g.aliases ?? []).slice(0, 2) : [],
      kind: g.kind,
    });
  }
  return out;
}

/** Every pair compared: the cost blocking avoids. */
function allPairs(entities: NamedEntity[]): number {
  const ix = entities.map((e) => indexNames([e.name, e.nameAr ?? "", ...e.aliases].filter(Boolean)));
  let found = 0;
  for (let i = 0; i < ix.length; i++) for (let j = i + 1; j < ix.length; j++) if (likeness(ix[i], ix[j])) found++;
  return found;
}

const time = (f: () => unknown) => {
  const t = performance.now();
  const result = f();
  return { ms: performance.now() - t, result };
};

console.log(`names  cold ms  blocked ms  groups  pairs   all-pairs ms  pairs    ratio`);
for (const n of sizes) {
  const entities = names(n);
  const cold = time(() => duplicateGroups(entities, new Set()));
  // A second request over the same graph finds every name already folded (the per-process cache).
  const blocked = time(() => duplicateGroups(entities, new Set()));
  const groups = blocked.result as ReturnType<typeof duplicateGroups>;
  const pairs = groups.reduce((s, g) => s + g.pairs.length, 0);
  let line = `${String(n).padEnd(6)} ${cold.ms.toFixed(0).padStart(7)} ${blocked.ms.toFixed(0).padStart(10)}  ${String(groups.length).padStart(6)}  ${String(pairs).padStart(6)}`;
  if (n <= baselineMax) {
    const all = time(() => allPairs(entities));
    line += `  ${all.ms.toFixed(0).padStart(12)}  ${String(all.result).padStart(6)}  ${(all.ms / blocked.ms).toFixed(1).padStart(6)}×`;
  } else line += "  (baseline skipped: grows with the square)";
  console.log(line);
}
