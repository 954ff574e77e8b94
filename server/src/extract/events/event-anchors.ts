import { addDays } from "../dates/calendar.ts";
import type { DateMention } from "../dates/dates.ts";
import type { ExtractState } from "../state.ts";
import type { EventDraft } from "../types.ts";

/**
 * Bounds for past events the text does not date (those left "../publication"):
 * - told in the same sentence as an earlier, dated event it follows from
 *   ("condemned the rocket attack and said its forces had arrested two
 *   suspects"): from that event's start to publication;
 * - else, in an article that opens a period with "since …" ("منذ شباط
 *   الماضي، أعلنت الفصائل … هدنة"), from the start of the nearest such period
 *   to publication — the article tells what happened within it.
 * - else, on the article's news day: the first day the text names in the
 *   week up to publication ("killed on Thursday", "اليوم الاثنين"). A news
 *   report tells the latest incident; an undated happening beside it is
 *   that day's, not some day in all the past ("../publication").
 * States (a truce, talks) are left open: they may predate any anchor.
 */
export function anchorUndated(state: ExtractState, drafts: EventDraft[], dates: DateMention[]): void {
  const published = state.doc.published;
  const periods = dates.filter((d) => d.since && d.start && d.start < published);
  const newsDay = newsDayOf(dates, published);
  // Drafts by each sentence they were told in (in draft order), so finding a cause is a lookup, not a scan.
  const bySentence = new Map<number, EventDraft[]>();
  for (const e of drafts)
    for (const i of e.sentences) {
      const list = bySentence.get(i);
      if (list) list.push(e);
      else bySentence.set(i, [e]);
    }
  for (const d of drafts) {
    if (d.dateStated || d.stative || !d.date?.edtf.startsWith("../")) continue;
    const first = d.sentences[0];
    const cause = bySentence
      .get(first)
      ?.find((e) => e !== d && e.dateStated && e.date?.start && Math.min(...e.sentences) < first);
    const sentence = state.doc.sentences[first];
    const period = nearestPeriod(state, periods, sentence.start);
    const anchor = cause?.date ?? period;
    const start = anchor?.start;
    if (!anchor && newsDay && !d.stative) {
      d.date = newsDay;
      continue;
    }
    if (!anchor || !start || start > published) continue;
    // The interval opens with the anchor as the text gives it ("2024-02", not a made-up 1 February).
    const from = anchor.edtf.includes("/") ? start : anchor.edtf;
    d.date = { edtf: `${from}/${published}`, start, end: published, precision: "RANGE" };
  }
}

/** The first single day the text names (outside statements' own dates) in the week up to publication. */
function newsDayOf(dates: DateMention[], published: string) {
  const weekBefore = addDays(published, -7);
  const d = dates.find((x) => x.precision === "DAY" && x.start && x.start >= weekBefore && x.start <= published);
  return d?.start ? { edtf: d.start, start: d.start, end: d.start, precision: "DAY" as const } : undefined;
}

/**
 * The period whose sentence starts nearest `at` (the earlier one on a tie).
 * Periods are in text order, so a binary search finds the two candidates
 * around `at` instead of measuring every period for every event.
 */
function nearestPeriod(state: ExtractState, periods: DateMention[], at: number): DateMention | undefined {
  const startOf = (p: DateMention) => state.doc.sentences[p.sentence].start;
  let lo = 0;
  let hi = periods.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(periods[mid]) <= at) lo = mid + 1;
    else hi = mid;
  }
  // periods[lo - 1] is the last at or before `at`; the first of its equal-start run is the one a scan finds first.
  let before = lo - 1;
  while (before > 0 && startOf(periods[before - 1]) === startOf(periods[before])) before--;
  const left = before >= 0 ? periods[before] : undefined;
  const right = periods[lo];
  if (!left) return right;
  if (!right) return left;
  return at - startOf(left) <= startOf(right) - at ? left : right;
}

/** The week up to publication, for what the text reports as going on now. */
export function weekBefore(published: string) {
  const start = addDays(published, -7);
  return { edtf: `${start}/${published}`, start, end: published, precision: "RANGE" as const };
}
