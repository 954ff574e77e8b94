const arabicLetters = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/g;

/** "ar" when most letters are Arabic, else "en". */
export function detectLanguage(text: string): "ar" | "en" {
  const arabic = text.match(arabicLetters)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return arabic > latin ? "ar" : "en";
}

/**
 * Folds the Arabic spellings people type interchangeably (hamza forms, ta
 * marbuta, alef maqsura, diacritics, tatweel) and Latin case, for matching.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[إأآٱ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .replace(/[ؤ]/g, "و")
    .replace(/[ئ]/g, "ي")
    .replace(/[-‐‑–—'’ʿʾ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
});
const monthFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "long", year: "numeric" });

/** A date range as an analyst reads it, never more exact than the precision allows. */
export function formatRange(
  start: Date,
  end: Date,
  precision: string,
  open: { startOpen?: boolean; endOpen?: boolean } = {},
): string {
  if (precision === "MONTH") return monthFormat.format(start);
  if (precision === "YEAR") return String(start.getUTCFullYear());
  const a = open.startOpen ? "…" : dayFormat.format(start);
  const b = open.endOpen ? "…" : dayFormat.format(end);
  if (precision === "DAY" || precision === "HOUR" || a === b) return a;
  const prefix = precision === "APPROXIMATE" ? "about " : "";
  return `${prefix}${a} – ${b}`;
}

export function formatDay(date: Date | null): string {
  return date ? dayFormat.format(date) : "undated";
}
