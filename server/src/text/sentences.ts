/** A sentence as a [start, end) span of the text. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/**
 * Splits one paragraph into sentences at . ! ? ؟ followed by a space or the
 * end, never inside a quotation (« », “ ”, or paired ASCII double quotes), so
 * a quoted statement stays with the verb that introduces it. Abbreviations
 * such as "U.S." survive because the full stop must be followed by a space and
 * an upper-case or non-Latin letter.
 *
 * No sentence is longer than {@link MAX_SENTENCE} characters: text that runs
 * on without a full stop (a page with no punctuation, a quote never closed)
 * is cut at the last comma or space before the limit. Real sentences are far
 * shorter; the limit keeps every per-sentence step of extraction bounded, so
 * extraction stays linear in the length of the text.
 */
export function splitSentences(text: string, start: number, end: number): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let sentenceStart = start;
  let open: string | null = null;
  let ascii = false;
  for (let i = start; i < end; i++) {
    if (i - sentenceStart >= MAX_SENTENCE) {
      const cut = runOnCut(text, sentenceStart, i);
      push(out, text, sentenceStart, cut);
      sentenceStart = cut;
    }
    const c = text[i];
    if (open) {
      if (c === open) open = null;
      continue;
    }
    // Compared, not looked up in an object: `c in {…}` interned every character of the text.
    if (c === "«" || c === "“") {
      open = c === "«" ? "»" : "”";
      continue;
    }
    if (c === '"') {
      ascii = !ascii;
      continue;
    }
    if (ascii) continue;
    if (c === "." || c === "!" || c === "?" || c === "؟") {
      const next = text[i + 1];
      const after = text[i + 2];
      const boundary = i + 1 >= end || (/\s/.test(next ?? "") && (after === undefined || !/[a-z0-9]/.test(after)));
      if (boundary && !/\.\.$/.test(text.slice(i - 1, i + 1)) && !(c === "." && titleAbbreviation(text, i))) {
        push(out, text, sentenceStart, i + 1);
        sentenceStart = i + 1;
      }
    }
  }
  push(out, text, sentenceStart, end);
  return out;
}

/** The longest sentence, in UTF-16 code units (the longest in the seed and evaluation articles is 300). */
export const MAX_SENTENCE = 1000;

/** Where to cut a run-on sentence [from, at): after its last clause mark, else its last space, else at `at`. */
function runOnCut(text: string, from: number, at: number): number {
  let space = -1;
  // Only the second half is searched, so no piece is ever shorter than half the limit.
  for (let k = at - 1; k > from + MAX_SENTENCE / 2; k--) {
    const c = text[k];
    if (c === "،" || c === "," || c === "؛" || c === ";") return k + 1;
    if (space === -1 && /\s/.test(c)) space = k + 1;
  }
  return space === -1 ? at : space;
}

/** Abbreviated titles ("Brig. Gen. Yahya Saree", "Col. Dembele") end with a full stop that does not end the sentence. */
const TITLE_ABBREVIATIONS =
  /(?:^|[\s(-])(?:Brig|Gen|Maj|Col|Lt|Capt|Sgt|Cpl|Pvt|Adm|Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|Rev|St|Jr|Sr)$/;

function titleAbbreviation(text: string, dot: number): boolean {
  return TITLE_ABBREVIATIONS.test(text.slice(Math.max(0, dot - 6), dot));
}

function push(out: SentenceSpan[], text: string, start: number, end: number) {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e });
}
