import type { Token } from "../../text/tokenize.ts";
import type { Found } from "../types.ts";
import { addDays, addMonths, monthEdtf, monthValue, parseDay } from "./calendar.ts";
import { APPROXIMATE_WORDS, NUMBER_WORDS, PAST_WORDS, UNITS } from "./date-words.ts";

const day = (iso: string) => ({ edtf: iso, start: iso, end: iso, precision: "DAY" as const });
const range = (start: string, end: string) => ({ edtf: `${start}/${end}`, start, end, precision: "RANGE" as const });

/**
 * Relative dates, resolved against the publication day with the precision
 * the words carry: "yesterday" is a day, "last week" a Monday–Sunday range,
 * "the past few days" the week before publication, "five months ago,
 * approximately" an approximate month (EDTF "~") spanning a month either side.
 */
export function relativeDateAt(tokens: Token[], i: number, end: number, published: string): Found | undefined {
  const t = tokens[i];
  const next = tokens[i + 1]?.norm;
  const has = (w: string) => t.variants.includes(w);
  if ((has("امس") || t.norm === "yesterday") && tokens[i - 1]?.norm !== "اول")
    return { value: day(addDays(published, -1)), from: i, to: i + 1 };
  if (has("اول") && next === "امس") return { value: day(addDays(published, -2)), from: i, to: i + 2 };
  if (has("البارحه")) return { value: day(addDays(published, -1)), from: i, to: i + 1 };
  const current = currentPeriodAt(tokens, i, published);
  if (current) return current;
  const pastAfter = next !== undefined && PAST_WORDS.has(next);
  const pastBefore = PAST_WORDS.has(tokens[i - 1]?.norm ?? "") && !t.arabic;
  if ((has("الاسبوع") && pastAfter) || (t.norm === "week" && pastBefore)) {
    const monday = addDays(published, -((parseDay(published).getUTCDay() + 6) % 7) - 7);
    return { value: range(monday, addDays(monday, 6)), from: pastBefore ? i - 1 : i, to: pastAfter ? i + 2 : i + 1 };
  }
  if ((has("الشهر") && pastAfter) || (t.norm === "month" && pastBefore)) {
    const m = addMonths(published, -1);
    return {
      value: monthValue(Number(m.slice(0, 4)), Number(m.slice(5, 7))),
      from: pastBefore ? i - 1 : i,
      to: pastAfter ? i + 2 : i + 1,
    };
  }
  if (((has("العام") || has("السنه")) && pastAfter) || (t.norm === "year" && pastBefore)) {
    const y = Number(published.slice(0, 4)) - 1;
    return {
      value: { edtf: String(y), start: `${y}-01-01`, end: `${y}-12-31`, precision: "YEAR" },
      from: pastBefore ? i - 1 : i,
      to: pastAfter ? i + 2 : i + 1,
    };
  }
  // "الأيام (القليلة) الماضية" / "the past (few) days" / "recent days": the week before publication.
  if (has("الايام") || has("الاسابيع")) {
    let k = i + 1;
    if (tokens[k]?.norm === "القليله" || tokens[k]?.norm === "الاخيره") k++;
    if (k < end && PAST_WORDS.has(tokens[k].norm))
      return { value: range(addDays(published, has("الايام") ? -7 : -28), addDays(published, -1)), from: i, to: k + 1 };
  }
  if (
    (t.norm === "past" || t.norm === "recent" || t.norm === "last") &&
    (next === "few" || next === "days" || next === "several")
  ) {
    let k = i + 1;
    if (next === "few" || next === "several") k++;
    if (tokens[k]?.norm === "days")
      return { value: range(addDays(published, -7), addDays(published, -1)), from: i, to: k + 1 };
  }
  return agoAt(tokens, i, end, published);
}

/**
 * Every word other than a number, month, weekday, unit, number word or
 * approximation that a relative date may begin with (its first token as the
 * code below reads it), so findDates can pass over the other words quickly.
 * A word read below as a date's first token must be listed here.
 */
export const RELATIVE_START_WORDS = [
  "امس",
  "yesterday",
  "اول",
  "البارحه",
  "today",
  "tonight",
  "this",
  "هذا",
  "هذه",
  "الليله",
  "last",
  "past",
  "recent",
  "overnight",
  "الاسبوع",
  "اسبوع",
  "week",
  "الشهر",
  "شهر",
  "month",
  "العام",
  "عام",
  "السنه",
  "سنه",
  "year",
  "الايام",
  "الاسابيع",
  "قبل",
  "منذ",
  "for",
  "فجر",
  "صباح",
  "مساء",
  "ظهر",
  "عصر",
  "ليل",
];

/** Words for "the current …" after the unit: "الأسبوع الجاري", "الشهر الحالي", "هذا العام". */
const CURRENT_AFTER = new Set(["الجاري", "الحالي", "الجاريه", "الحاليه"]);
/** Parts of a day before "اليوم" ("فجر اليوم"): the publication day. */
const DAY_PARTS = new Set(["فجر", "صباح", "مساء", "ظهر", "عصر", "ليل", "ليله"]);

/**
 * The publication day, week, month or year, and the night before it:
 * "today", "this morning", "فجر اليوم", "this week", "earlier this month",
 * "الشهر الجاري", "هذا العام"; "overnight", "last night", "الليلة الماضية".
 */
function currentPeriodAt(tokens: Token[], i: number, published: string): Found | undefined {
  const t = tokens[i];
  const next = tokens[i + 1];
  const w = t.norm;
  if (w === "today" || w === "tonight") return { value: day(published), from: i, to: i + 1 };
  if (w === "this" && next && /^(morning|afternoon|evening)$/.test(next.norm))
    return { value: day(published), from: i, to: i + 2 };
  if (t.arabic && t.variants.some((v) => DAY_PARTS.has(v)) && next?.norm === "اليوم")
    return { value: day(published), from: i, to: i + 2 };
  const night = (w === "last" && next?.norm === "night") || (w === "الليله" && next && PAST_WORDS.has(next.norm));
  if (night) return { value: day(addDays(published, -1)), from: i, to: i + 2 };
  if (w === "overnight" && !(next && /day$/.test(next.norm)))
    return { value: day(addDays(published, -1)), from: i, to: i + 1 };
  // The unit, with "this" before it (English, Arabic "هذا") or "الجاري" after it (Arabic).
  const thisBefore = w === "this" || t.variants.includes("هذا") || t.variants.includes("هذه");
  const unitAt = thisBefore ? i + 1 : i;
  const unit = tokens[unitAt];
  if (!unit) return undefined;
  const after = !thisBefore && unit.arabic && CURRENT_AFTER.has(tokens[unitAt + 1]?.norm ?? "");
  if (!thisBefore && !after) return undefined;
  const to = after ? unitAt + 2 : unitAt + 1;
  const is = (...words: string[]) => unit.variants.some((v) => words.includes(v));
  if (is("week", "الاسبوع", "اسبوع")) {
    const monday = addDays(published, -((parseDay(published).getUTCDay() + 6) % 7));
    return { value: range(monday, published), from: i, to };
  }
  if (is("month", "الشهر", "شهر"))
    return { value: monthValue(Number(published.slice(0, 4)), Number(published.slice(5, 7))), from: i, to };
  if (is("year", "العام", "عام", "السنه", "سنه")) {
    const y = published.slice(0, 4);
    return { value: { edtf: y, start: `${y}-01-01`, end: `${y}-12-31`, precision: "YEAR" }, from: i, to };
  }
  return undefined;
}

/** A perfect before "for N months" ("has held for about six months"): the state began N months ago. */
const LASTED = new Set(["held", "lasted", "been", "continued", "stood", "gone", "run", "persisted"]);

/**
 * "قبل خمسة أشهر تقريبًا" / "about five months ago", and the start of what has
 * lasted a while: "منذ نحو ستة أشهر" / "has held for about six months".
 */
function agoAt(tokens: Token[], i: number, end: number, published: string): Found | undefined {
  const arabic = tokens[i].variants.includes("قبل") || tokens[i].variants.includes("منذ");
  const lasting = !arabic && tokens[i].norm === "for" && LASTED.has(tokens[i - 1]?.norm ?? "");
  let k = arabic || lasting ? i + 1 : i;
  let approximate = false;
  if (!arabic && APPROXIMATE_WORDS.has(tokens[k]?.norm ?? "")) {
    approximate = true;
    k++;
  }
  if (arabic && APPROXIMATE_WORDS.has(tokens[k]?.norm ?? "")) {
    approximate = true;
    k++;
  }
  let count = tokens[k]
    ? /^\d+$/.test(tokens[k].norm)
      ? Number(tokens[k].norm)
      : NUMBER_WORDS.get(tokens[k].norm)
    : undefined;
  let unit = count !== undefined ? UNITS.get(tokens[k + 1]?.norm ?? "") : undefined;
  if (count !== undefined && unit) k += 2;
  else {
    unit = UNITS.get(tokens[k]?.norm ?? "");
    if (!unit || !arabic) return undefined;
    count = unit.count ?? 1;
    k += 1;
  }
  if (!arabic && !lasting) {
    if (tokens[k]?.norm !== "ago") return undefined;
    k++;
  }
  if (k >= end + 1) return undefined;
  if (arabic && APPROXIMATE_WORDS.has(tokens[k]?.norm ?? "")) {
    approximate = true;
    k++;
  }
  const n = unit.count ?? count;
  const mark = approximate ? "~" : "";
  if (unit.unit === "day" || unit.unit === "week") {
    const days = unit.unit === "day" ? n : n * 7;
    const iso = addDays(published, -days);
    if (!approximate && unit.unit === "day") return { value: day(iso), from: i, to: k };
    const spread = unit.unit === "day" ? 1 : 3;
    return {
      value: { edtf: `${iso}~`, start: addDays(iso, -spread), end: addDays(iso, spread), precision: "APPROXIMATE" },
      from: i,
      to: k,
    };
  }
  if (unit.unit === "month") {
    const iso = addMonths(published, -n);
    const edtf = monthEdtf(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));
    if (!approximate)
      return { value: { ...monthValue(Number(iso.slice(0, 4)), Number(iso.slice(5, 7))), edtf }, from: i, to: k };
    return {
      value: {
        edtf: `${edtf}${mark}`,
        start: addMonths(published, -n - 1),
        end: addMonths(published, -n + 1),
        precision: "APPROXIMATE",
      },
      from: i,
      to: k,
    };
  }
  const y = parseDay(published).getUTCFullYear() - n;
  if (!approximate)
    return { value: { edtf: String(y), start: `${y}-01-01`, end: `${y}-12-31`, precision: "YEAR" }, from: i, to: k };
  return {
    value: { edtf: `${y}~`, start: `${y - 1}-01-01`, end: `${y + 1}-12-31`, precision: "APPROXIMATE" },
    from: i,
    to: k,
  };
}
