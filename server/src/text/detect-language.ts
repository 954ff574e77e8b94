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
