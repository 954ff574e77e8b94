import { normalizeArabic } from "./arabic-normalize.ts";
import { cliticVariants } from "./clitics.ts";

/** A word of the text with its span, its folded form and the forms it may take once clitics are removed. */
export interface Token {
  start: number;
  end: number;
  raw: string;
  /** normalizeArabic + lower case. */
  norm: string;
  /** norm first, then the same word with proclitics (و ف ب ل ك ال لل) removed, most likely first. */
  variants: string[];
  arabic: boolean;
}

// Joiners and direction marks inside a word (ZWNJ, ZWJ, LRM, RLM) keep it one word; matching drops them.
const WORD =
  /[\p{L}\p{M}\p{N}\u0640](?:(?:[\p{L}\p{M}\p{N}\u0640]|\u200c|\u200d|\u200e|\u200f)*[\p{L}\p{M}\p{N}\u0640])?/gu;

type WordForm = Pick<Token, "norm" | "variants" | "arabic">;

/**
 * The folded form and clitic variants of a word as written, remembered: news
 * text repeats its words, and folding them again (normalisation, clitic
 * stripping) was a tenth of extraction. The variants array is shared between
 * tokens of the same word, so it is frozen. Bounded: cleared past a vocabulary.
 */
const forms = new Map<string, WordForm>();
function wordForm(raw: string): WordForm {
  let form = forms.get(raw);
  if (!form) {
    const norm = normalizeArabic(raw).toLowerCase();
    const arabic = /[\u0600-\u06ff]/.test(norm);
    form = { norm, variants: Object.freeze(arabic ? cliticVariants(norm) : [norm]) as string[], arabic };
    if (forms.size > 200_000) forms.clear();
    forms.set(raw, form);
  }
  return form;
}

/** Splits text into word tokens (letters, marks, digits; tatweel kept inside words). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m !== null && m.index < to; m = WORD.exec(text)) {
    const raw = m[0];
    const form = wordForm(raw);
    if (form.norm.length === 0) continue;
    tokens.push({ start: m.index, end: m.index + raw.length, raw, ...form });
  }
  return tokens;
}

/** Tokenises a name the way article text is tokenised, so a gazetteer alias and the text compare word by word. */
export function nameTokens(name: string): string[] {
  return tokenize(name).map((t) => t.norm);
}
