import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { cases, evaluateCase } from "../../../scripts/eval-extract.ts";
import { validateBundle } from "../../src/bundle/validate.ts";
import { extractArticle } from "../../src/extract/index.ts";
import { parseArticleInput } from "../../src/extract/parse-input.ts";

const seedPath = new URL("../../../seeds/erem-2024-08-22.ar.txt", import.meta.url);
const bundle = extractArticle(parseArticleInput(readFileSync(seedPath), "erem-2024-08-22.ar.txt"));
const text = bundle.article.text;

test("the seed article's bundle passes validateBundle and ids follow the contract", () => {
  validateBundle(bundle);
  assert.match(bundle.article.id, /^article:sha256-[0-9a-f]{16}$/);
  assert.equal(bundle.producer?.name, "rasd-extract");
  assert.ok(text.startsWith("عاجل"), "article.text keeps the page furniture so spans index the raw file");
});

test("furniture on the seed yields no event, claim or actor (ticker, caption, related-news headlines, footer)", () => {
  const furniture = [
    "أكسيوس: تدمير مصنع مصياف",
    "قاعدة عين الأسد المصدر: رويترز",
    'بعد هجوم "عين الأسد".. محاولات عراقية',
    "غالانت وأوستن: استهداف القوات الأمريكية",
    "جميع الحقوق محفوظة",
  ].map((s) => {
    const start = text.indexOf(s);
    assert.ok(start >= 0, `the seed text has the furniture line "${s}"`);
    const newline = text.indexOf("\n", start);
    return { start, end: newline < 0 ? text.length : newline };
  });
  const spans = [...bundle.events, ...bundle.claims, ...bundle.actors, ...bundle.locations].flatMap((x) => x.evidence);
  for (const f of furniture)
    assert.ok(!spans.some((s) => s.start < f.end && f.start < s.end), `evidence inside furniture at ${f.start}`);
  for (const id of ["actor:axios", "actor:reuters", "actor:yoav-gallant", "actor:lloyd-austin", "location:masyaf"])
    assert.ok(![...bundle.actors, ...bundle.locations].some((x) => x.id === id), `${id} only appears in furniture`);
});

test("the seed extraction meets its F1 targets against the hand-checked bundle", () => {
  const seed = cases().find((c) => c.name === "erem-2024-08-22");
  assert.ok(seed, "seeds/erem-2024-08-22.bundle.json is present");
  const { counts } = evaluateCase(seed);
  const f1 = (k: keyof typeof counts) => {
    const { tp, fp, fn } = counts[k];
    return (2 * tp) / (2 * tp + fp + fn);
  };
  assert.ok(f1("actors") >= 0.9, `actors F1 ${f1("actors")}`);
  assert.ok(f1("locations") >= 0.9, `locations F1 ${f1("locations")}`);
  assert.ok(f1("events") >= 0.8, `events F1 ${f1("events")}`);
  assert.ok(f1("claims") >= 0.8, `claims F1 ${f1("claims")}`);
});
