/** A sentence as a [start, end) span of the text. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const CLOSERS: Record<string, string> = { "«": "»", "“": "”" };

/**
 * Splits one paragraph into sentences at . ! ? ؟ followed by a space or the
 * end, never inside a quotation (« », “ ”, or paired ASCII double quotes), so
 * a quoted statement stays with the verb that introduces it. Abbreviations
 * such as "U.S." survive because the full stop must be followed by a space and
 * an upper-case or non-Latin letter.
 */
export function splitSentences(text: string, start: number, end: number): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let sentenceStart = start;
  let open: string | null = null;
  let ascii = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (open) {
      if (c === open) open = null;
      continue;
    }
    if (c in CLOSERS) {
      open = CLOSERS[c];
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
