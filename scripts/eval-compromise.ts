/**
 * `npm run eval:compromise`: the English NLP package compromise (MIT) against
 * Rasd's own name patterns, on the English articles of the out-of-domain dev
 * set (seeds/eval-ood/*.en.*) and, as its own rows, the held-out set.
 *
 * compromise's people() and organizations() are read as actors, its places()
 * as places; Rasd's are the extractor's actors and locations. Both are scored
 * by ./eval/text-gold.ts's matching (a predicted item is right when one of its
 * spans overlaps a mention of a gold item, one to one). Three readings:
 * - rasd: the extractor as it is;
 * - compromise: the package alone;
 * - rasd + compromise: Rasd's items plus every compromise item none of Rasd's
 *   spans overlaps (what adding the package to the extractor would give).
 * A "people only" row compares persons with the gold's PERSON actors, the
 * package's strongest kind. The numbers are in docs/extraction.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import nlp from "compromise";
import type { Span } from "../server/src/bundle/types.ts";
import { extractArticle } from "../server/src/extract/index.ts";
import { parseArticleInput } from "../server/src/extract/parse-input.ts";
import { occurrences, type Tally, type TextGold } from "./eval/text-gold.ts";

const root = new URL("..", import.meta.url).pathname;

interface Item {
  evidence: Span[];
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** One-to-one greedy matching of predicted items to gold items, as text-gold.ts does. */
function tally(pred: Item[], gold: { mentions: string[] }[], text: string): Tally {
  const where = gold.map((g) => g.mentions.flatMap((m) => occurrences(text, m)));
  const used = new Set<number>();
  let tp = 0;
  for (const p of pred) {
    const j = where.findIndex(
      (spans, k) => !used.has(k) && p.evidence.some((x) => spans.some((y) => overlap(x, y) > 0)),
    );
    if (j === -1) continue;
    used.add(j);
    tp++;
  }
  return { tp, fp: pred.length - tp, fn: gold.length - tp };
}

/** compromise's matches of one kind, one item per distinct text (its spans are all that text's matches). */
function compromiseItems(text: string, kind: "people" | "places" | "organizations"): Item[] {
  const doc = nlp(text);
  const found = doc[kind]().json({ offset: true }) as { text: string; offset: { start: number; length: number } }[];
  const byName = new Map<string, Span[]>();
  for (const f of found) {
    // compromise's text keeps trailing punctuation ("Kharkiv,"); the span is the words only.
    const words = f.text.replace(/[\s.,;:!?"'’”)]+$/u, "").replace(/^[\s"'“(]+/u, "");
    if (!words) continue;
    const start = text.indexOf(words, f.offset.start);
    const span = { start, end: start + words.length, text: words };
    const key = words.toLowerCase().replace(/'s$/, "");
    byName.set(key, [...(byName.get(key) ?? []), span]);
  }
  return [...byName.values()].map((evidence) => ({ evidence }));
}

/** Rasd's items plus the package's items that no Rasd span overlaps. */
function union(ours: Item[], theirs: Item[]): Item[] {
  const extra = theirs.filter(
    (t) => !ours.some((o) => o.evidence.some((x) => t.evidence.some((y) => overlap(x, y) > 0))),
  );
  return [...ours, ...extra];
}

const zero = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
const add = (a: Tally, b: Tally) => {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
};
const f1 = ({ tp, fp, fn }: Tally) => {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return `${p.toFixed(2)} ${r.toFixed(2)} ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(2)}`;
};

function score(folder: string, label: string) {
  const dir = join(root, folder);
  const stems = readdirSync(dir)
    .filter((f) => f.endsWith(".en.gold.json"))
    .map((f) => f.slice(0, -".gold.json".length));
  const readings = ["rasd", "compromise", "rasd + compromise"] as const;
  const totals = Object.fromEntries(readings.map((r) => [r, { actors: zero(), places: zero(), people: zero() }]));
  for (const stem of stems) {
    const gold = JSON.parse(readFileSync(join(dir, `${stem}.gold.json`), "utf8")) as TextGold;
    const source = readdirSync(dir).find((f) => f.startsWith(`${stem}.`) && !f.endsWith(".json")) as string;
    const input = parseArticleInput(readFileSync(join(dir, source)), basename(source));
    const text = input.text;
    const bundle = extractArticle(input);
    const ours = {
      actors: bundle.actors as Item[],
      places: bundle.locations as Item[],
      people: bundle.actors.filter((a) => a.kind === "PERSON") as Item[],
    };
    const people = compromiseItems(text, "people");
    const theirs = {
      actors: [...people, ...compromiseItems(text, "organizations")],
      places: compromiseItems(text, "places"),
      people,
    };
    const both = {
      actors: union(ours.actors, theirs.actors),
      places: union(ours.places, theirs.places),
      people: union(ours.people, theirs.people),
    };
    const goldPeople = gold.actors.filter((a) => a.kind === "PERSON");
    for (const [reading, items] of [
      ["rasd", ours],
      ["compromise", theirs],
      ["rasd + compromise", both],
    ] as const) {
      add(totals[reading].actors, tally(items.actors, gold.actors, text));
      add(totals[reading].places, tally(items.places, gold.places, text));
      add(totals[reading].people, tally(items.people, goldPeople, text));
    }
  }
  console.log(`\n${label} (${stems.length} English articles)`);
  console.log(`${"reading".padEnd(20)} ${"actors P R F1".padEnd(16)} ${"places P R F1".padEnd(16)} people only P R F1`);
  for (const r of readings)
    console.log(
      `${r.padEnd(20)} ${f1(totals[r].actors).padEnd(16)} ${f1(totals[r].places).padEnd(16)} ${f1(totals[r].people)}`,
    );
}

score("seeds/eval-ood", "OUT OF DOMAIN, dev set");
score("seeds/eval-ood-holdout", "HELD OUT");
