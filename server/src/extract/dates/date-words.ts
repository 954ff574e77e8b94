import { CARDINALS } from "../../text/number-words.ts";
/**
 * Month names and number words as they appear after normalizeArabic (أ→ا,
 * ة→ه, ى→ي). Arabic news uses two Gregorian month systems: the Egyptian/Gulf
 * loanwords (يناير، فبراير …) and the Levantine/Iraqi Syriac names (كانون
 * الثاني، شباط …); Iraqi outlets use the second.
 */

/** Month names of one or two tokens → month number (1–12). */
export const GREGORIAN_MONTHS: [string, number][] = [
  ["يناير", 1],
  ["فبراير", 2],
  ["مارس", 3],
  ["ابريل", 4],
  ["مايو", 5],
  ["يونيو", 6],
  ["يونيه", 6],
  ["يوليو", 7],
  ["يوليه", 7],
  ["اغسطس", 8],
  ["سبتمبر", 9],
  ["اكتوبر", 10],
  ["نوفمبر", 11],
  ["ديسمبر", 12],
  ["كانون الثاني", 1],
  ["شباط", 2],
  ["اذار", 3],
  ["نيسان", 4],
  ["ايار", 5],
  ["حزيران", 6],
  ["تموز", 7],
  ["اب", 8],
  ["ايلول", 9],
  ["تشرين الاول", 10],
  ["تشرين الثاني", 11],
  ["كانون الاول", 12],
  ["january", 1],
  ["february", 2],
  ["march", 3],
  ["april", 4],
  ["may", 5],
  ["june", 6],
  ["july", 7],
  ["august", 8],
  ["september", 9],
  ["october", 10],
  ["november", 11],
  ["december", 12],
  ["jan", 1],
  ["feb", 2],
  ["mar", 3],
  ["apr", 4],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["sep", 9],
  ["sept", 9],
  ["oct", 10],
  ["nov", 11],
  ["dec", 12],
];

/** Month names that are also ordinary words ("اب" father, "may", "march") need a day, a year or "last/next" beside them. */
export const AMBIGUOUS_MONTHS = new Set(["اب", "may", "march", "mar", "jan", "dec"]);

export const HIJRI_MONTHS: [string, number][] = [
  ["محرم", 1],
  ["صفر", 2],
  ["ربيع الاول", 3],
  ["ربيع الاخر", 4],
  ["ربيع الثاني", 4],
  ["جمادي الاولي", 5],
  ["جمادي الاول", 5],
  ["جمادي الاخره", 6],
  ["جمادي الثانيه", 6],
  ["جمادي الاخر", 6],
  ["رجب", 7],
  ["شعبان", 8],
  ["رمضان", 9],
  ["شوال", 10],
  ["ذو القعده", 11],
  ["ذي القعده", 11],
  ["ذو الحجه", 12],
  ["ذي الحجه", 12],
  ["muharram", 1],
  ["safar", 2],
  ["rajab", 7],
  ["shaban", 8],
  ["ramadan", 9],
  ["shawwal", 10],
];

// Maps, not objects: looked up by any word of the text, which must not find Object.prototype's "constructor".
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    ...CARDINALS,
    واحده: 1,
    a: 1,
    an: 1,
    several: 3,
    few: 3,
  }),
);

/** Unit words (singular, dual, plural) → unit. The dual ("شهرين") carries its own count of 2. */
export const UNITS: ReadonlyMap<string, { unit: "day" | "week" | "month" | "year"; count?: number }> = new Map(
  Object.entries({
    يوم: { unit: "day" },
    ايام: { unit: "day" },
    يومين: { unit: "day", count: 2 },
    اسبوع: { unit: "week" },
    اسابيع: { unit: "week" },
    اسبوعين: { unit: "week", count: 2 },
    شهر: { unit: "month" },
    اشهر: { unit: "month" },
    شهور: { unit: "month" },
    شهرين: { unit: "month", count: 2 },
    عام: { unit: "year" },
    اعوام: { unit: "year" },
    سنه: { unit: "year" },
    سنوات: { unit: "year" },
    عامين: { unit: "year", count: 2 },
    سنتين: { unit: "year", count: 2 },
    day: { unit: "day" },
    days: { unit: "day" },
    week: { unit: "week" },
    weeks: { unit: "week" },
    month: { unit: "month" },
    months: { unit: "month" },
    year: { unit: "year" },
    years: { unit: "year" },
  }),
);

/** Weekday names → JS getUTCDay() number. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    الاحد: 0,
    الاثنين: 1,
    الثلاثاء: 2,
    الاربعاء: 3,
    الخميس: 4,
    الجمعه: 5,
    السبت: 6,
    sunday: 0,
    monday: 1,
    tuesday: 2,
    wednesday: 3,
    thursday: 4,
    friday: 5,
    saturday: 6,
  }),
);

export const APPROXIMATE_WORDS = new Set([
  "تقريبا",
  "نحو",
  "حوالي",
  "قرابه",
  "زهاء",
  "about",
  "around",
  "roughly",
  "approximately",
  "nearly",
  "some",
]);
export const PAST_WORDS = new Set(["الماضي", "الماضيه", "المنصرم", "المنصرمه", "last", "past"]);
export const NEXT_WORDS = new Set(["المقبل", "القادم", "المقبله", "القادمه", "next", "coming"]);
