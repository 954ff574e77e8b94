import { normalizeArabic } from "../text/arabic-normalize.ts";

/**
 * Near-duplicate detection for syndicated copy: MinHash over word 3-shingles
 * with LSH banding (Broder 1997; Leskovec et al., "Mining of Massive
 * Datasets", ch. 3). Written here rather than taken from npm: the maintained
 * option (bloom-filters) brings a dozen structures and their dependencies for
 * 60 lines, and the signature must be stable across versions because it is
 * stored on every Article.
 *
 * 64 hash functions in 16 bands of 4 rows: two texts share a band with
 * probability 1 − (1 − J⁴)¹⁶ — 0.5 at Jaccard ≈ 0.5, above 0.99 at 0.8.
 */
export const SIGNATURE_SIZE = 64;
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
const SHINGLE = 3;

/** Copies of one wire story share at least this much (estimated Jaccard of 3-shingles). */
export const SYNDICATION_THRESHOLD = 0.6;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed coefficients (mulberry32, seed 12): changing them invalidates stored signatures.
const COEFFICIENTS = (() => {
  let a = 12;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return Array.from({ length: SIGNATURE_SIZE }, () => ({ mul: next() | 1, add: next() }));
})();

/** Words of the text, case- and Arabic-spelling-folded, punctuation dropped. */
export function words(text: string): string[] {
  return normalizeArabic(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The signature of a text: for each hash function, the least hash over its shingles. */
export function minhashSignature(text: string): number[] {
  const w = words(text);
  const shingles = new Set<number>();
  if (w.length < SHINGLE) shingles.add(fnv1a(w.join(" ")));
  for (let i = 0; i + SHINGLE <= w.length; i++) shingles.add(fnv1a(w.slice(i, i + SHINGLE).join(" ")));
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of shingles)
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = (Math.imul(COEFFICIENTS[k].mul, h) + COEFFICIENTS[k].add) >>> 0;
      if (v < sig[k]) sig[k] = v;
    }
  return sig;
}

/** LSH band keys ("b3x1f2e…"): texts that share one are candidates. Letters and digits only (safe in a Lucene query). */
export function bandKeys(sig: number[]): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++)
    out.push(`b${b}x${fnv1a(sig.slice(b * ROWS, (b + 1) * ROWS).join(",")).toString(16)}`);
  return out;
}

/** Estimated Jaccard similarity: the share of positions where the signatures agree. */
export function similarity(a: number[], b: number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
