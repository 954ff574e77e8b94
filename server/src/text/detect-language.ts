import type { Language } from "../model/vocabulary.ts";

/**
 * Arabic or English by letter counts. Arabic news quotes English names and
 * English news quotes Arabic ones, so the majority script decides; text
 * with no letters of either script is undecidable.
 */
export function detectLanguage(text: string): Language | undefined {
  let arabic = 0;
  let latin = 0;
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  if (arabic === 0 && latin === 0) return undefined;
  return arabic >= latin * 0.5 ? "ar" : "en";
}

/** Letters of Persian, Urdu and Sorani Kurdish that Arabic does not use. */
const PERSIAN = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/g;
const URDU = /[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]/g;
const SORANI = /[\u0695\u06b5\u06c6\u06ce\u06d5]/g;

/**
 * Persian, Urdu or Sorani Kurdish text in Arabic script, told by the letters
 * Arabic lacks (پ چ ژ گ ک ی; ٹ ڈ ڑ ں ھ ے; ڕ ڵ ۆ ێ ە). Arabic news quotes a
 * Persian name now and then, so the letters must be more than 2% of the
 * Arabic-script letters; undefined for Arabic (or any other) text.
 */
export function otherArabicScript(text: string): "Persian" | "Urdu" | "Sorani Kurdish" | undefined {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const arabicScript = sample.match(/[\u0600-\u06ff]/g)?.length ?? 0;
  if (arabicScript < 20) return undefined;
  const count = (re: RegExp) => sample.match(re)?.length ?? 0;
  const sorani = count(SORANI);
  const urdu = count(URDU);
  const persian = count(PERSIAN);
  const share = (n: number) => n / arabicScript > 0.02;
  if (share(sorani)) return "Sorani Kurdish";
  if (share(urdu)) return "Urdu";
  if (share(persian)) return "Persian";
  return undefined;
}
