const arabicLetters = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/g;

/** "ar" when most letters are Arabic, else "en". */
export function detectLanguage(text: string): "ar" | "en" {
  const arabic = text.match(arabicLetters)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return arabic > latin ? "ar" : "en";
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
