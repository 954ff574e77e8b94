/**
 * Scores the extractor against hand-checked bundles: the seed article's and
 * the short test articles in seeds/eval/. Each gold bundle `X.bundle.json`
 * sits beside its source article `X.<txt|html|json>`.
 *
 * Matching rule (one-to-one, greedy, per category):
 * - actors, locations: same id, or else any overlap between an evidence span
 *   of the prediction and one of the gold item (so a differently slugged but
 *   textually identical entity counts, once);
 * - events: same type and overlapping evidence;
 * - dates: an event date is right when an event with overlapping evidence has
 *   the same EDTF value (precision over predicted dated events, recall over
 *   gold dated events);
 * - claims: the statements (first evidence span) overlap by at least 50% of
 *   the shorter of the two;
 * - relations: same type, and from/to are the gold's ids once every predicted
 *   actor, location, event and claim is renamed to the gold item it matched
 *   above (so an anonymous source's article-scoped id still counts).
 * Then the out-of-domain dev set (seeds/eval-ood/, scored by ./eval/text-gold.ts),
 * the held-out set (seeds/eval-ood-holdout/, same gold format, scored only:
 * its misses are never listed, so rules are not fitted to it), each again
 * with the hand gazetteer off (the ablation), and throughput:
 * articles per second over all of them, and milliseconds for a ~5,000-word
 * article made by concatenating the seed's paragraphs. `--verbose` lists
 * every out-of-domain miss.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { ArticleBundle, Span } from "../server/src/bundle/types.ts";
import { type ExtractOptions, extractArticle } from "../server/src/extract/index.ts";
import { parseArticleInput } from "../server/src/extract/parse-input.ts";
import { scoreTextGold, type Tally, type TextGold, type TextScore } from "./eval/text-gold.ts";

const root = new URL("..", import.meta.url).pathname;
const CATEGORIES = ["actors", "locations", "events", "dates", "claims", "relations"] as const;
type Category = (typeof CATEGORIES)[number];
type Counts = Record<Category, { tp: number; fp: number; fn: number }>;

interface Case {
  name: string;
  source: string;
  gold: ArticleBundle;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const dir of [join(root, "seeds"), join(root, "seeds/eval")]) {
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      continue;
    }
    for (const f of files.filter((x) => x.endsWith(".bundle.json"))) {
      const stem = f.slice(0, -".bundle.json".length);
      const source = files.find((x) => x !== f && x.startsWith(`${stem}.`) && /\.(txt|html|htm|json)$/.test(x));
      if (!source) continue;
      out.push({ name: stem, source: join(dir, source), gold: JSON.parse(readFileSync(join(dir, f), "utf8")) });
    }
  }
  return out;
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const anyOverlap = (a: Span[], b: Span[]) => a.some((x) => b.some((y) => overlap(x, y) > 0));

/** Greedy one-to-one matching: first pairs accepted by `strong`, then by `weak`; `pairs` maps predicted to gold index. */
function match<P, G>(pred: P[], gold: G[], strong: (p: P, g: G) => boolean, weak: (p: P, g: G) => boolean) {
  const pairs = new Map<number, number>();
  const usedG = new Set<number>();
  for (const rule of [strong, weak])
    pred.forEach((p, i) => {
      if (pairs.has(i)) return;
      const j = gold.findIndex((g, k) => !usedG.has(k) && rule(p, g));
      if (j === -1) return;
      pairs.set(i, j);
      usedG.add(j);
    });
  return { tp: pairs.size, fp: pred.length - pairs.size, fn: gold.length - usedG.size, pairs };
}

type Matched = ReturnType<typeof match>;

/** Predicted id → gold id for every matched item, so relations compare across differently minted ids. */
function renaming(pairs: [{ id: string }[], { id: string }[], Matched][]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [pred, gold, m] of pairs) for (const [i, j] of m.pairs) out.set(pred[i].id, gold[j].id);
  return out;
}

function score(pred: ArticleBundle, gold: ArticleBundle): Counts {
  const never = () => false;
  const entity = (p: { id: string; evidence: Span[] }, g: { id: string; evidence: Span[] }) =>
    anyOverlap(p.evidence, g.evidence);
  const dated = (b: ArticleBundle) => b.events.filter((e) => e.edtf);
  const claimSpan = (c: { evidence: Span[] }) => c.evidence[0];
  const actors = match(pred.actors, gold.actors, (p, g) => p.id === g.id, entity);
  const locations = match(pred.locations, gold.locations, (p, g) => p.id === g.id, entity);
  const events = match(
    pred.events,
    gold.events,
    (p, g) => p.type === g.type && anyOverlap(p.evidence, g.evidence),
    never,
  );
  const claims = match(
    pred.claims,
    gold.claims,
    (p, g) => {
      const a = claimSpan(p);
      const b = claimSpan(g);
      return overlap(a, b) >= 0.5 * Math.min(a.end - a.start, b.end - b.start);
    },
    never,
  );
  const rename = renaming([
    [pred.actors, gold.actors, actors],
    [pred.locations, gold.locations, locations],
    [pred.events, gold.events, events],
    [pred.claims, gold.claims, claims],
  ]);
  const as = (id: string) => rename.get(id) ?? id;
  return {
    actors,
    locations,
    events,
    dates: match(dated(pred), dated(gold), (p, g) => p.edtf === g.edtf && anyOverlap(p.evidence, g.evidence), never),
    claims,
    relations: match(
      pred.relations ?? [],
      gold.relations ?? [],
      (p, g) => p.type === g.type && as(p.from) === g.from && as(p.to) === g.to,
      never,
    ),
  };
}

const prf = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

function row(name: string, c: Counts): string {
  return [
    name.padEnd(28),
    ...CATEGORIES.map((k) => {
      const { p, r, f } = prf(c[k]);
      return `${p.toFixed(2)} ${r.toFixed(2)} ${f.toFixed(2)}`.padEnd(16);
    }),
  ].join(" ");
}

/** Extracts one case and scores it; exported for the test that holds the seed to its targets. */
export function evaluateCase(c: Case, options: ExtractOptions = {}): { counts: Counts; predicted: ArticleBundle } {
  const input = parseArticleInput(readFileSync(c.source), basename(c.source));
  const predicted = extractArticle(input, options);
  if (predicted.article.text !== c.gold.article.text)
    throw new Error(`${c.name}: gold article.text differs from the parsed text`);
  return { counts: score(predicted, c.gold), predicted };
}

export { cases };

function inDomain(all: Case[], options: ExtractOptions, label: string, perDocument: boolean) {
  const total = Object.fromEntries(CATEGORIES.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Counts;
  for (const c of all) {
    const { counts } = evaluateCase(c, options);
    for (const k of CATEGORIES) for (const m of ["tp", "fp", "fn"] as const) total[k][m] += counts[k][m];
    if (perDocument) console.log(row(c.name, counts));
  }
  console.log(row(label, total));
}

interface OodCase {
  name: string;
  source: string;
  gold: TextGold;
}

function oodCases(folder = "seeds/eval-ood"): OodCase[] {
  const dir = join(root, folder);
  const files = readdirSync(dir);
  return files
    .filter((f) => f.endsWith(".gold.json"))
    .map((f) => {
      const stem = f.slice(0, -".gold.json".length);
      return { name: stem, source: join(dir, `${stem}.txt`), gold: JSON.parse(readFileSync(join(dir, f), "utf8")) };
    });
}

const OOD_COLUMNS = ["actors", "places", "claims", "events"] as const;

function oodRow(name: string, s: Omit<TextScore, "misses">): string {
  const cell = (t: Tally) => {
    const { p, r, f } = prf(t);
    return `${p.toFixed(2)} ${r.toFixed(2)} ${f.toFixed(2)}`.padEnd(16);
  };
  const ratio = (x: { right: number; of: number }) => `${x.right}/${x.of}`.padEnd(9);
  return [name.padEnd(28), ...OOD_COLUMNS.map((k) => cell(s[k])), ratio(s.speakers), ratio(s.dates)].join(" ");
}

function outOfDomain(all: OodCase[], options: ExtractOptions, label: string, perDocument: boolean, verbose: boolean) {
  const total: Omit<TextScore, "misses"> = {
    actors: { tp: 0, fp: 0, fn: 0 },
    places: { tp: 0, fp: 0, fn: 0 },
    claims: { tp: 0, fp: 0, fn: 0 },
    events: { tp: 0, fp: 0, fn: 0 },
    speakers: { right: 0, of: 0 },
    dates: { right: 0, of: 0 },
  };
  for (const c of all) {
    const input = parseArticleInput(readFileSync(c.source), basename(c.source));
    const s = scoreTextGold(extractArticle(input, options), c.gold, c.name);
    for (const k of OOD_COLUMNS) for (const m of ["tp", "fp", "fn"] as const) total[k][m] += s[k][m];
    for (const k of ["speakers", "dates"] as const) {
      total[k].right += s[k].right;
      total[k].of += s[k].of;
    }
    if (perDocument) console.log(oodRow(c.name, s));
    if (verbose) for (const m of s.misses) console.log(`    ${m}`);
  }
  console.log(oodRow(label, total));
}

function main() {
  const verbose = process.argv.includes("--verbose");
  const all = cases();
  console.log("IN DOMAIN (Iraq/Syria 2024: the seed and seeds/eval/, hand-checked bundles)");
  console.log(`${"document".padEnd(28)} ${CATEGORIES.map((k) => `${k} P R F1`.padEnd(16)).join(" ")}`);
  inDomain(all, {}, "OVERALL (micro)", true);
  inDomain(all, { handGazetteer: false }, "OVERALL, hand gazetteer off", false);

  const ood = oodCases();
  console.log(`\nOUT OF DOMAIN (seeds/eval-ood/: ${ood.length} articles, gold written by hand from the text)`);
  console.log(
    `${"document".padEnd(28)} ${OOD_COLUMNS.map((k) => `${k} P R F1`.padEnd(16)).join(" ")} ${"speaker".padEnd(9)} dates`,
  );
  outOfDomain(ood, {}, "OVERALL (micro)", true, verbose);
  outOfDomain(ood, { handGazetteer: false }, "OVERALL, hand gazetteer off", false, false);

  // Held out: scored, never listed miss by miss, so it is not developed against.
  const held = oodCases("seeds/eval-ood-holdout");
  console.log(
    `\nHELD OUT (seeds/eval-ood-holdout/: ${held.length} articles, gold written by hand, not used to develop)`,
  );
  outOfDomain(held, {}, "HELD OUT (micro)", true, false);
  outOfDomain(held, { handGazetteer: false }, "HELD OUT, hand gazetteer off", false, false);

  const inputs = [...all.map((c) => c.source), ...ood.map((c) => c.source), ...held.map((c) => c.source)].map((f) =>
    parseArticleInput(readFileSync(f), basename(f)),
  );
  for (const i of inputs) extractArticle(i);
  const rounds = 20;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const i of inputs) extractArticle(i);
  const perArticle = (performance.now() - t0) / (rounds * inputs.length);
  console.log(
    `\nthroughput: ${(1000 / perArticle).toFixed(1)} articles/s over the ${inputs.length} evaluation articles (${perArticle.toFixed(2)} ms each)`,
  );

  const seed = inputs[0];
  const body = seed.text;
  let text = body;
  while (text.split(/\s+/).length < 5000) text += `\n\n${body}`;
  const big = { ...seed, text };
  extractArticle(big);
  const t1 = performance.now();
  for (let r = 0; r < 5; r++) extractArticle(big);
  const ms = (performance.now() - t1) / 5;
  console.log(`5,000-word article (${text.split(/\s+/).length} words, ${text.length} chars): ${ms.toFixed(1)} ms`);
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) main();
