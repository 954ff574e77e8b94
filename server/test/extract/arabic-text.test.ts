import assert from "node:assert/strict";
import { test } from "node:test";
import { foldChar, normalizeArabic } from "../../src/text/arabic-normalize.ts";
import { cliticVariants } from "../../src/text/clitics.ts";
import { evidenceOf, extract } from "./helpers.ts";

test("normalisation folds hamza and alef forms, ta marbuta, alef maqsura, diacritics, tatweel and Arabic-Indic digits", () => {
  assert.equal(normalizeArabic("أإآٱ"), "اااا");
  assert.equal(normalizeArabic("قاعدة"), "قاعده");
  assert.equal(normalizeArabic("مصطفى"), "مصطفي");
  assert.equal(normalizeArabic("تَعْقِيدًا"), "تعقيدا");
  assert.equal(normalizeArabic("الأســد"), "الاسد");
  assert.equal(normalizeArabic("٢٠٢٤ و۱۲"), "2024 و12");
});

test("normalisation folds every UTF-16 code unit exactly as the per-character rule says, inside a word and alone", () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    assert.equal(normalizeArabic(ch), foldChar(ch), `U+${c.toString(16)}`);
    assert.equal(normalizeArabic(`ab${ch}د`), `ab${foldChar(ch)}د`, `U+${c.toString(16)} inside a word`);
  }
  const text = "قالَ المتحدثُ ‏باسم الـقوات: «١٢ قتيلاً» in Al‌-Fashir ﻻ ﺏ";
  assert.equal(normalizeArabic(text), [...text].map((ch) => [...ch].map(foldChar).join("")).join(""));
});

test("normalisation keeps one output character per kept input character, so spans can be mapped back", () => {
  assert.equal(normalizeArabic("عين الأسد").length, "عين الأسد".length);
});

test("clitic stripping yields the bare word for و ف ب ل ك ال لل prefixes", () => {
  assert.ok(cliticVariants("وبغداد").includes("بغداد"));
  assert.ok(cliticVariants("لبغداد").includes("بغداد"));
  assert.ok(cliticVariants("والعراق").includes("العراق"));
  assert.ok(cliticVariants("بالعراق").includes("العراق"));
  assert.ok(cliticVariants("للعراق").includes("العراق"));
  assert.equal(cliticVariants("بغداد")[0], "بغداد");
});

test("places written with clitics are found, and their evidence starts after the clitic", () => {
  const b = extract("زار الوفد بغداد ثم عاد إلى واشنطن وبغداد، وتحدث عن العراق والعراق وبالعراق ولبغداد.");
  assert.ok(b.locations.some((l) => l.id === "location:iraq"));
  assert.deepEqual(evidenceOf(b, "location:iraq"), ["العراق", "العراق", "العراق"]);
  assert.ok(evidenceOf(b, "location:baghdad").every((t) => t === "بغداد"));
});

test("a capital used as an agent is its state, used as a place it stays a place", () => {
  const b = extract("قالت واشنطن إنها ستواصل العمل، فيما وصل الوفد إلى طهران أمس.");
  assert.ok(b.actors.some((a) => a.id === "actor:united-states"));
  assert.ok(b.locations.some((l) => l.id === "location:tehran"));
  assert.ok(!b.locations.some((l) => l.id === "location:washington"));
});
