import { normalizeArabic } from "../text/arabic-normalize.ts";

/** Every character Lucene's classic query parser gives a meaning (`&&` and `||` are made of these). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Words the parser reads as operators (AND, OR, NOT; TO inside ranges) — only in upper case, but any case is quoted. */
const OPERATOR_WORD = /^(and|or|not|to)$/i;
/** More words than this add nothing to a name search and only grow the query. */
const MAX_WORDS = 12;

/** One typed word as a Lucene term that is never syntax: operator words are quoted. */
const term = (word: string) => (OPERATOR_WORD.test(word) ? `"${word}"` : word);

/**
 * A Lucene query for what a person typed. Input is never query syntax: every
 * special character becomes a space and operator words are quoted, in every
 * branch. Arabic is folded the way searchText was folded at ingest (which
 * also drops bidi and joiner controls), every word is required, and the last
 * word is also matched as a prefix so results appear while typing.
 */
export function fulltextQuery(text: string): string {
  const words = normalizeArabic(text).replace(LUCENE_SPECIAL, " ").split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  if (words.length === 0) return '""';
  const required = words.map((w) => `+${term(w)}`).join(" ");
  const last = words[words.length - 1];
  // A quoted operator word cannot take a wildcard; neither should a one-letter prefix (it matches everything).
  if (last.length < 2 || OPERATOR_WORD.test(last)) return required;
  const head = words.slice(0, -1).map((w) => `+${term(w)} `);
  return `(${required}) OR (${head.join("")}+${last}*)`;
}
