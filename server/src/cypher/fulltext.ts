import { normalizeArabic } from "../text/arabic-normalize.ts";

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * A Lucene query for what a person typed: special characters escaped (input
 * is never query syntax), Arabic folded the way searchText was folded at
 * ingest, every word required, and the last word also matched as a prefix so
 * results appear while typing.
 */
export function fulltextQuery(text: string): string {
  const words = normalizeArabic(text).replace(LUCENE_SPECIAL, " ").split(/\s+/).filter(Boolean).slice(0, 12);
  if (words.length === 0) return '""';
  const last = words[words.length - 1];
  const required = words.map((w) => `+${w}`).join(" ");
  // AND/OR/NOT are operators in Lucene; quoting keeps them as words.
  const safe = required.replace(/\+(AND|OR|NOT)\b/g, '+"$1"');
  return last.length >= 2
    ? `(${safe}) OR (${words
        .slice(0, -1)
        .map((w) => `+${w}`)
        .join(" ")} +${last}*)`
    : safe;
}
