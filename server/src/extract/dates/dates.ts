import type { Token } from "../../text/tokenize.ts";
import type { Doc } from "../document.ts";
import type { DateValue, Found } from "../types.ts";
import { addDays, dayIso, hijriMonthLength, hijriToGregorian, isRealDay, monthValue, parseDay } from "./calendar.ts";
import {
  AMBIGUOUS_MONTHS,
  APPROXIMATE_WORDS,
  GREGORIAN_MONTHS,
  HIJRI_MONTHS,
  NEXT_WORDS,
  NUMBER_WORDS,
  PAST_WORDS,
  UNITS,
  WEEKDAYS,
} from "./date-words.ts";
import { RELATIVE_START_WORDS, relativeDateAt } from "./relative-dates.ts";

/** A date expression found in the text. `since` marks "منذ …/since …": the value is the start of an open period. */
export interface DateMention extends DateValue {
  tokStart: number;
  tokEnd: number;
  sentence: number;
  since: boolean;
}

/** Dates by sentence, built once per findDates() result (a filter per sentence was quadratic in the text). */
const datesBySentence = new WeakMap<readonly DateMention[], Map<number, DateMention[]>>();
const NO_DATES: readonly DateMention[] = Object.freeze([]);

/** The dates stated in sentence `index`, in text order. Read only. */
export function datesInSentence(dates: readonly DateMention[], index: number): readonly DateMention[] {
  let bySentence = datesBySentence.get(dates);
  if (!bySentence) {
    bySentence = new Map();
    for (const d of dates) {
      const bucket = bySentence.get(d.sentence);
      if (bucket) bucket.push(d);
      else bySentence.set(d.sentence, [d]);
    }
    datesBySentence.set(dates, bySentence);
  }
  return bySentence.get(index) ?? NO_DATES;
}

/** Month names by their first word, so a token is checked against only the names it could begin. */
type MonthTable = Map<string, [string[], number][]>;
const split = (t: [string, number][]): MonthTable => {
  const out: MonthTable = new Map();
  for (const [n, m] of t) {
    const words = n.split(" ");
    out.set(words[0], [...(out.get(words[0]) ?? []), [words, m]]);
  }
  return out;
};
const GREGORIAN = split(GREGORIAN_MONTHS);
const HIJRI = split(HIJRI_MONTHS);

/** Arabic ordinal days as written before "من" + month: "الأول من يوليو" is 1 July. */
const ORDINAL_DAYS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    الاول: 1,
    الثاني: 2,
    الثالث: 3,
    الرابع: 4,
    الخامس: 5,
    السادس: 6,
    السابع: 7,
    الثامن: 8,
    التاسع: 9,
    العاشر: 10,
  }),
);

/** Words a date expression may begin with (numbers aside); any other token is passed over without trying the readers. */
const DATE_START = new Set<string>([
  ...GREGORIAN.keys(),
  ...HIJRI.keys(),
  ...WEEKDAYS.keys(),
  ...UNITS.keys(),
  ...NUMBER_WORDS.keys(),
  ...APPROXIMATE_WORDS,
  ...PAST_WORDS,
  ...RELATIVE_START_WORDS,
  "in",
]);
/** Answers by folded word (variants follow from it), so each distinct word of the text is checked once. */
const startCache = new Map<string, boolean>();
function mayStartDate(t: Token): boolean {
  let may = startCache.get(t.norm);
  if (may === undefined) {
    may =
      /^\d/.test(t.norm) ||
      t.variants.some((v) => DATE_START.has(v) || ORDINAL_DAYS.has(v)) ||
      DATE_START.has(t.norm.replace(/^(و|ف|ب|في|من)/, "")) ||
      ORDINAL_DAYS.has(t.norm.replace(/^(و|ف|ب|في)/, ""));
    if (startCache.size > 100_000) startCache.clear();
    startCache.set(t.norm, may);
  }
  return may;
}

/** What follows a dateline's date: an agency in brackets and a dash. */
const DATELINE = /^\s*\([^)]{2,30}\)\s*[-–—]/;

/** Finds every absolute and relative date in the prose, resolving relative ones against the publication day. */
export function findDates(doc: Doc): DateMention[] {
  const out: DateMention[] = [];
  for (const s of doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; ) {
      if (!mayStartDate(doc.tokens[i])) {
        i++;
        continue;
      }
      const found =
        absoluteAt(doc.tokens, i, s.tokEnd, doc.published) ?? relativeDateAt(doc.tokens, i, s.tokEnd, doc.published);
      if (!found) {
        i++;
        continue;
      }
      // "BEIRUT, June 12 (Reuters) -": the dateline dates the report, not what it tells.
      if (DATELINE.test(doc.text.slice(doc.tokens[found.to - 1].end, doc.tokens[found.to - 1].end + 40))) {
        i = found.to;
        continue;
      }
      const since = ["منذ", "since"].some(
        (w) => doc.tokens[i - 1]?.variants.includes(w) || doc.tokens[i].variants.includes(w),
      );
      out.push({ ...found.value, tokStart: found.from, tokEnd: found.to, sentence: s.index, since });
      i = found.to;
    }
  }
  return out;
}

function monthAt(
  tokens: Token[],
  i: number,
  end: number,
  table: MonthTable,
): { month: number; to: number } | undefined {
  for (const v of tokens[i].variants)
    for (const [words, month] of table.get(v) ?? []) {
      if (i + words.length > end) continue;
      if (words.every((w, k) => k === 0 || tokens[i + k].norm === w)) return { month, to: i + words.length };
    }
  return undefined;
}

const num = (t?: Token) => (t && /^\d+$/.test(t.norm) ? Number.parseInt(t.norm, 10) : undefined);

function absoluteAt(tokens: Token[], i: number, end: number, published: string): Found | undefined {
  let day = num(tokens[i]);
  let at = day !== undefined && day >= 1 && day <= 31 ? i + 1 : i;
  const ordinal = tokens[i].arabic ? ORDINAL_DAYS.get(tokens[i].norm.replace(/^(و|ف|ب|في)/, "")) : undefined;
  if (ordinal !== undefined && tokens[i + 1]?.norm === "من" && i + 2 < end) {
    day = ordinal;
    at = i + 2;
  }
  for (const [table, hijri] of [
    [GREGORIAN, false],
    [HIJRI, true],
  ] as const) {
    const m = at < end ? monthAt(tokens, at, end, table) : undefined;
    if (!m) continue;
    const year = num(tokens[m.to]);
    let to = m.to;
    const hasYear = year !== undefined && year > 1000 && year < 2200;
    if (hasYear) to++;
    if (hijri && tokens[to] && /^(ه|هـ|h|ah)$/.test(tokens[to].norm)) to++;
    const englishDay = !hijri && at === i ? num(tokens[m.to]) : undefined;
    if (englishDay !== undefined && englishDay <= 31 && num(tokens[m.to + 1]) !== undefined) {
      return gregorian(num(tokens[m.to + 1]) as number, m.month, englishDay, i, m.to + 2);
    }
    // "on June 2", "(Sep 28)": the most recent such day up to publication.
    if (
      englishDay !== undefined &&
      englishDay >= 1 &&
      englishDay <= 31 &&
      !tokens[i].arabic &&
      (!AMBIGUOUS_MONTHS.has(tokens[i].norm) || tokens[i - 1]?.norm === "on")
    ) {
      const y = Number.parseInt(published.slice(0, 4), 10);
      const iso = isRealDay(y, m.month, englishDay) ? dayIso(y, m.month, englishDay) : undefined;
      return gregorian(iso && iso > published ? y - 1 : y, m.month, englishDay, i, m.to + 1);
    }
    const relative = tokens[to] && (PAST_WORDS.has(tokens[to].norm) || NEXT_WORDS.has(tokens[to].norm));
    const name = tokens[at].norm;
    if (!hasYear && at === i && !relative) {
      if (
        AMBIGUOUS_MONTHS.has(name) ||
        !/^(في|منذ|خلال|حتي|in|since|during|until|by)$/.test(tokens[i - 1]?.variants.at(-1) ?? "")
      )
        continue;
    }
    if (hijri) return hijriValue(hasYear ? (year as number) : undefined, m.month, at > i ? day : undefined, i, to);
    let y = hasYear ? (year as number) : Number.parseInt(published.slice(0, 4), 10);
    if (!hasYear) {
      const pubMonth = Number.parseInt(published.slice(5, 7), 10);
      if (relative && NEXT_WORDS.has(tokens[to].norm)) y += m.month <= pubMonth ? 1 : 0;
      else if (relative || m.month > pubMonth) y -= m.month >= pubMonth ? 1 : 0;
      if (relative) to++;
    }
    if (at > i) return gregorian(y, m.month, day as number, i, to);
    return { value: monthValue(y, m.month), from: i, to };
  }
  const yearOnly = num(tokens[i + 1]);
  if (
    tokens[i].variants.some((v) => v === "عام" || v === "العام" || v === "سنه" || v === "in") &&
    yearOnly &&
    yearOnly > 1900 &&
    yearOnly < 2200
  )
    return {
      value: { edtf: String(yearOnly), start: `${yearOnly}-01-01`, end: `${yearOnly}-12-31`, precision: "YEAR" },
      from: i,
      to: i + 2,
    };
  const weekday = tokens[i].variants.map((v) => WEEKDAYS.get(v)).find((d) => d !== undefined);
  if (weekday !== undefined) {
    const pub = parseDay(published).getUTCDay();
    // "يوم الأحد الماضي" / "last Sunday" on a Sunday is a week back, not today.
    const past = PAST_WORDS.has(tokens[i + 1]?.norm ?? "") || (!tokens[i].arabic && tokens[i - 1]?.norm === "last");
    const back = (pub - weekday + 7) % 7 || (past ? 7 : 0);
    const iso = addDays(published, -back);
    return { value: { edtf: iso, start: iso, end: iso, precision: "DAY" }, from: i, to: i + 1 };
  }
  return undefined;
}

function gregorian(year: number, month: number, day: number, from: number, to: number): Found | undefined {
  if (!isRealDay(year, month, day)) return undefined;
  const iso = dayIso(year, month, day);
  return { value: { edtf: iso, start: iso, end: iso, precision: "DAY" }, from, to };
}

function hijriValue(
  year: number | undefined,
  month: number,
  day: number | undefined,
  from: number,
  to: number,
): Found | undefined {
  if (year === undefined) return undefined;
  if (day !== undefined) {
    const iso = hijriToGregorian(year, month, day);
    return iso ? { value: { edtf: iso, start: iso, end: iso, precision: "DAY" }, from, to } : undefined;
  }
  const first = hijriToGregorian(year, month, 1);
  if (!first) return undefined;
  const last = addDays(first, hijriMonthLength(year, month) - 1);
  return { value: { edtf: `${first}/${last}`, start: first, end: last, precision: "RANGE" }, from, to };
}
