import type { FactKind } from "../model/vocabulary.ts";
import { normalizeArabicAligned, originalSpan } from "../text/arabic-normalize.ts";
import { CARDINALS } from "../text/number-words.ts";

/**
 * Numeric facts an article states — "killing at least 25 people", "مقتل 14
 * شخصاً وإصابة 43 آخرين", "سقوط صاروخين" — as values with their unit, so that
 * reports of one event can be compared. Text is folded first (Arabic spelling,
 * Arabic-Indic digits, case); spans point back into the original text.
 */
export interface NumericFact {
  kind: FactKind;
  value: number;
  /** "at least 25" keeps its hedge: the value is a floor. */
  atLeast: boolean;
  start: number;
  end: number;
  text: string;
}

const NUMBER_WORDS: Record<string, number> = {
  ...CARDINALS,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  عشرين: 20,
  ثلاثين: 30,
};

// Longest first, so "sixteen" is read whole rather than as "six".
const NUM = `(\\d+|${Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|")})`;
const AT_LEAST = "(at least |ما لا يقل عن |نحو |حوالي )?";
const PEOPLE = "(?: (?:people|persons|civilians|soldiers|members|troops|شخصا|اشخاص|مدنيين|مدنيا|جنود|عسكريين|اخرين))?";

interface Pattern {
  kind: FactKind;
  re: RegExp;
  /** Index of the number's group and of the "at least" group. */
  num: number;
  hedge: number;
}

const patterns: Pattern[] = [
  {
    kind: "KILLED",
    re: new RegExp(`(?:killing|killed|kills|kill|death toll (?:rose )?(?:to|of)) ${AT_LEAST}${NUM}`, "g"),
    num: 2,
    hedge: 1,
  },
  {
    kind: "KILLED",
    re: new RegExp(`${AT_LEAST}${NUM}${PEOPLE} (?:were |have been )?(?:killed|dead)`, "g"),
    num: 2,
    hedge: 1,
  },
  { kind: "INJURED", re: new RegExp(`(?:injuring|wounding) ${AT_LEAST}${NUM}`, "g"), num: 2, hedge: 1 },
  {
    kind: "INJURED",
    re: new RegExp(`${AT_LEAST}${NUM}${PEOPLE} (?:were |have been )?(?:injured|wounded)`, "g"),
    num: 2,
    hedge: 1,
  },
  { kind: "KILLED", re: new RegExp(`(?:و|ب)?(?:مقتل|استشهاد|وفاه) ${AT_LEAST}${NUM}`, "g"), num: 2, hedge: 1 },
  { kind: "KILLED", re: new RegExp(`${AT_LEAST}${NUM} (?:قتلي|قتيلا|شهداء|شهيدا)`, "g"), num: 2, hedge: 1 },
  { kind: "INJURED", re: new RegExp(`(?:و|ب)?(?:اصابه|جرح) ${AT_LEAST}${NUM}`, "g"), num: 2, hedge: 1 },
  { kind: "INJURED", re: new RegExp(`${AT_LEAST}${NUM} (?:جرحي|مصابين|مصابا|جريحا)`, "g"), num: 2, hedge: 1 },
  {
    kind: "MISSILES",
    re: new RegExp(`${AT_LEAST}${NUM} (?:\\w+ )?(?:rockets|missiles|صواريخ)`, "g"),
    num: 2,
    hedge: 1,
  },
  { kind: "DRONES", re: new RegExp(`${AT_LEAST}${NUM} (?:drones|طائرات مسيره)`, "g"), num: 2, hedge: 1 },
];

// The Arabic dual says its number in the noun: "صاروخين" is two missiles.
const duals: { kind: FactKind; re: RegExp }[] = [
  { kind: "MISSILES", re: /(?<![\p{L}])صاروخين(?![\p{L}])/gu },
  { kind: "DRONES", re: /(?<![\p{L}])طائرتين مسيرتين(?![\p{L}])/gu },
];

function toNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return NUMBER_WORDS[s] ?? null;
}

/** Every numeric fact in the text, in reading order. */
export function numericFacts(text: string): NumericFact[] {
  const folded = normalizeArabicAligned(text);
  const out: NumericFact[] = [];
  const seen = new Set<string>();
  const add = (kind: FactKind, value: number, atLeast: boolean, s: number, e: number) => {
    const span = originalSpan(folded, s, e);
    const key = `${kind}:${span.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, value, atLeast, ...span, text: text.slice(span.start, span.end) });
  };
  for (const p of patterns)
    for (const m of folded.text.matchAll(p.re)) {
      const value = toNumber(m[p.num]);
      // A word boundary before the match: "twenty" must not be read inside "plenty".
      const before = folded.text[(m.index ?? 0) - 1];
      if (value === null || (before && /[\p{L}\p{N}]/u.test(before))) continue;
      add(p.kind, value, Boolean(m[p.hedge]), m.index ?? 0, (m.index ?? 0) + m[0].length);
    }
  for (const d of duals)
    for (const m of folded.text.matchAll(d.re)) add(d.kind, 2, false, m.index ?? 0, (m.index ?? 0) + m[0].length);
  return out.sort((a, b) => a.start - b.start);
}
