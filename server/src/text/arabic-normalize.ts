/**
 * Arabic orthographic normalisation for matching, not for display. News text
 * spells the same name many ways (أ/إ/آ/ا, ة/ه, ى/ي, with or without
 * diacritics and tatweel, Arabic-Indic or ASCII digits); matching on a folded
 * form lets one gazetteer entry cover them all.
 *
 * Every replacement maps one UTF-16 code unit to at most one code unit, and
 * {@link normalizeArabicAligned} keeps an index map, so spans found in the
 * folded text can be projected back onto the original.
 */

const ALEF_FORMS = /[أإآٱ]/g;
const DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/;
const TATWEEL = "\u0640";
/**
 * Invisible format controls that can sit inside a word without changing how
 * it reads: bidi marks and embeddings (LRM, RLM, ALM, U+202A–U+202E,
 * U+2066–U+2069), zero-width joiners and spaces, the word joiner, BOM and
 * the soft hyphen. Pasted text carries them; a name must match without them.
 */
const FORMAT_CONTROLS = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

/** The folding of one UTF-16 code unit: "" when it is dropped. The rule {@link normalizeArabic} applies. */
export function foldChar(ch: string): string {
  if (DIACRITICS.test(ch) || ch === TATWEEL || FORMAT_CONTROLS.test(ch)) return "";
  const code0 = ch.charCodeAt(0);
  // Arabic presentation forms (U+FB50–FDFF, U+FE70–FEFF) fold to their letter when it is one letter (ligatures stay).
  if ((code0 >= 0xfb50 && code0 <= 0xfdff) || (code0 >= 0xfe70 && code0 <= 0xfeff)) {
    const base = ch.normalize("NFKC");
    // Unassigned code points and noncharacters of these blocks normalise to themselves (recursing on them never ended).
    if (base.length === 1 && base !== ch) return foldChar(base);
  }
  switch (ch) {
    case "أ":
    case "إ":
    case "آ":
    case "ٱ":
      return "ا";
    case "ة":
      return "ه";
    case "ى":
      return "ي";
    case "ؤ":
      return "و";
    case "ئ":
    case "ی": // Persian yeh
      return "ي";
    case "ک": // Persian keheh
      return "ك";
  }
  const code = ch.charCodeAt(0);
  // Arabic-Indic (U+0660–0669) and Eastern Arabic-Indic (U+06F0–06F9) digits.
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 48);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 48);
  return ch;
}

/**
 * foldChar's answer for every code unit below U+0700 (Latin and Arabic), built
 * once: the code unit it becomes, or -1 when it is dropped. Above U+0700 only
 * format controls (U+200B–U+2069) and presentation forms (U+FB50–U+FEFF)
 * change, and those are rare enough to ask foldChar.
 */
const FOLDED = Int32Array.from({ length: 0x0700 }, (_, c) => {
  const f = foldChar(String.fromCharCode(c));
  return f.length === 0 ? -1 : f.charCodeAt(0);
});

function foldCode(c: number): number {
  if (c < 0x0700) return FOLDED[c];
  if ((c >= 0x200b && c <= 0x2069) || (c >= 0xfb50 && c <= 0xfeff)) {
    const f = foldChar(String.fromCharCode(c));
    return f.length === 0 ? -1 : f.charCodeAt(0);
  }
  return c;
}

/**
 * Folds hamza/alef forms to ا, ة→ه, ى→ي, ؤ→و, ئ→ي, drops diacritics, tatweel and format controls, Arabic-Indic digits → ASCII.
 * Runs of unchanged text are copied whole (most of a text needs no folding), and a string that needs none is returned as is.
 */
export function normalizeArabic(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = foldCode(c);
    if (f === c) continue;
    out += s.slice(from, i);
    if (f !== -1) out += String.fromCharCode(f);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** The folded text plus, for each of its code units, the index it came from in the original. */
export interface AlignedText {
  text: string;
  /** origin[i] is the index in the original string of folded text[i]; origin[text.length] is the original length. */
  origin: number[];
}

/** Like {@link normalizeArabic}, also lower-casing Latin letters, and keeping where each folded character came from. */
export function normalizeArabicAligned(s: string): AlignedText {
  let text = "";
  const origin: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const f = foldChar(s[i]).toLowerCase();
    if (f.length === 0) continue;
    text += f;
    origin.push(i);
  }
  origin.push(s.length);
  return { text, origin };
}

/** Maps a [start, end) span of folded text back to the original string. */
export function originalSpan(aligned: AlignedText, start: number, end: number): { start: number; end: number } {
  return { start: aligned.origin[start], end: aligned.origin[end - 1] + 1 };
}

/** Normalisation used for lookup keys: Arabic folding, lower case, collapsed whitespace. */
export function matchKey(s: string): string {
  return normalizeArabic(s).toLowerCase().replace(ALEF_FORMS, "ا").replace(/\s+/g, " ").trim();
}
