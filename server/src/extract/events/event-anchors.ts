import { addDays } from "../dates/calendar.ts";
import type { DateMention } from "../dates/dates.ts";
import type { ExtractState } from "../state.ts";
import type { EventDraft } from "./events.ts";

/**
 * Bounds for past events the text does not date (those left "../publication"):
 * - told in the same sentence as an earlier, dated event it follows from
 *   ("condemned the rocket attack and said its forces had arrested two
 *   suspects"): from that event's start to publication;
 * - else, in an article that opens a period with "since …" ("منذ شباط
 *   الماضي، أعلنت الفصائل … هدنة"), from the start of the nearest such period
 *   to publication — the article tells what happened within it.
 * States (a truce, talks) are left open: they may predate any anchor.
 */
export function anchorUndated(state: ExtractState, drafts: EventDraft[], dates: DateMention[]): void {
  const published = state.doc.published;
  const periods = dates.filter((d) => d.since && d.start && d.start < published);
  for (const d of drafts) {
    if (d.dateStated || d.stative || !d.date?.edtf.startsWith("../")) continue;
    const first = d.sentences[0];
    const cause = drafts.find(
      (e) =>
        e !== d && e.dateStated && e.date?.start && e.sentences.includes(first) && Math.min(...e.sentences) < first,
    );
    const sentence = state.doc.sentences[first];
    const period = periods.reduce<DateMention | undefined>((best, p) => {
      const dist = (x: DateMention) => Math.abs(state.doc.sentences[x.sentence].start - sentence.start);
      return !best || dist(p) < dist(best) ? p : best;
    }, undefined);
    const anchor = cause?.date ?? period;
    const start = anchor?.start;
    if (!anchor || !start || start > published) continue;
    // The interval opens with the anchor as the text gives it ("2024-02", not a made-up 1 February).
    const from = anchor.edtf.includes("/") ? start : anchor.edtf;
    d.date = { edtf: `${from}/${published}`, start, end: published, precision: "RANGE" };
  }
}

/** The week up to publication, for what the text reports as going on now. */
export function weekBefore(published: string) {
  const start = addDays(published, -7);
  return { edtf: `${start}/${published}`, start, end: published, precision: "RANGE" as const };
}
