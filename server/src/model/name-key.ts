import { normalizeArabic } from "../text/arabic-normalize.ts";

/**
 * A transliteration-aware key for a name, so one actor or place written in
 * Arabic and in any of its Latin spellings gets one key: كتائب حزب الله,
 * "Kataib Hezbollah" and "Kata'ib Hizballah" all give "ktbhzbl".
 *
 * The key is a consonant skeleton in a small Latin alphabet. Both scripts are
 * folded the same way: the article (ال, al-, el-, ash- …) is dropped, vowels
 * and the letters that are written as vowels (ا و ي ى ء, a e i o u y w) are
 * dropped, ʿayn and apostrophes are dropped, a word-final ة/ه and a Latin
 * word-final "h" after a vowel are dropped (Jama'ah, جماعة, Allah, الله),
 * letters Latin spellings confuse are merged (ق ك q k c → k, ث ت ط th → t,
 * ذ د ض dh → d, س ش ص sh → s, ج غ g gh j → j, ظ ز → z, ف v ph → f, خ kh → x),
 * and doubled letters are written once. It is a blocking and matching key,
 * not a spelling: two different names can share one (suggestions are for an
 * analyst to confirm), and names that only translate each other (Militia,
 * ميليشيا) do not meet.
 */

/** Arabic (and Persian-shaped) consonants to the key's Latin letters; geocoding reuses it (extract/mentions/geonames.ts). */
export const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  ب: "b",
  ت: "t",
  ث: "t",
  ج: "j",
  ح: "h",
  خ: "x",
  د: "d",
  ذ: "d",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "s",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  غ: "j",
  ف: "f",
  ق: "k",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  پ: "b",
  چ: "j",
  گ: "k",
  ڤ: "f",
};

/** Latin digraphs first (kh before k, sh before s …), then single letters. */
const LATIN_DIGRAPHS: [RegExp, string][] = [
  [/kh/g, "x"],
  [/gh/g, "j"],
  [/sh|ch/g, "s"],
  [/th/g, "t"],
  [/dh/g, "d"],
  [/ph/g, "f"],
  [/dj/g, "j"],
  [/zh/g, "z"],
];
const LATIN_LETTERS: Record<string, string> = { q: "k", c: "k", g: "j", v: "f", p: "b" };
const LATIN_VOWELS = /[aeiouyw]/g;

/** The Arabic article as Latin spellings write it, joined to its word: al-, el-, ul-, and the sun-letter forms. */
const LATIN_ARTICLE = /(^|[^\p{L}])[aeu](?:l|sh|th|dh|t|d|r|z|s|n)-(?=\p{L})/gu;
const LATIN_ARTICLE_WORD = /^(?:al|el|ul)$/;

const isArabic = (word: string) => /[\u0600-\u06ff]/.test(word);

function arabicSkeleton(word: string): string {
  let w = word;
  if (w.length > 3 && w.startsWith("ال")) w = w.slice(2);
  // After folding, ة is ه: a word-final one is the feminine ending Latin writes as a vowel.
  if (w.length > 1 && w.endsWith("ه")) w = w.slice(0, -1);
  let out = "";
  for (const ch of w) out += ARABIC_LETTERS[ch] ?? (/[0-9]/.test(ch) ? ch : "");
  return out;
}

function latinSkeleton(word: string): string {
  let w = word;
  for (const [pattern, to] of LATIN_DIGRAPHS) w = w.replace(pattern, to);
  w = w.replace(/([aeiou])h$/, "$1");
  w = w.replace(/[a-z]/g, (ch) => LATIN_LETTERS[ch] ?? ch);
  return w.replace(LATIN_VOWELS, "").replace(/[^a-z0-9]/g, "");
}

const collapse = (s: string) => s.replace(/(.)\1+/g, "$1");

/** Arabic letters, presentation forms or invisible format controls: only then is Arabic folding needed. */
const NEEDS_ARABIC_FOLDING = /[\u00ad\u0600-\u06ff\u0750-\u077f\u200b-\u206f\ufb50-\ufdff\ufe70-\ufeff]/;

/** A name's words as the key reads them: folded, apostrophes and articles gone. */
function words(name: string): string[] {
  const folded = (NEEDS_ARABIC_FOLDING.test(name) ? normalizeArabic(name) : name)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`´ʿʾʻʼ]/g, "")
    .replace(LATIN_ARTICLE, "$1");
  return folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w && !LATIN_ARTICLE_WORD.test(w));
}

const tokensOf = (ws: string[]) =>
  ws.map((w) => collapse(isArabic(w) ? arabicSkeleton(w) : latinSkeleton(w))).filter(Boolean);

/** The key of each word of a name (empty words dropped). */
export function nameTokens(name: string): string[] {
  return tokensOf(words(name));
}

/** The key of a whole name: its words' keys joined, doubled letters written once. */
export function nameKey(name: string): string {
  return collapse(nameTokens(name).join(""));
}

/** A name folded only for spelling (case, diacritics, apostrophes, spacing), for "the very same name". */
export function sameNameForm(name: string): string {
  return words(name).join(" ");
}

/** All three at once (the name is read once): its spelling form, its key and its words' keys. */
export function nameForms(name: string): { form: string; key: string; tokens: string[] } {
  const ws = words(name);
  const tokens = tokensOf(ws);
  return { form: ws.join(" "), key: collapse(tokens.join("")), tokens };
}
