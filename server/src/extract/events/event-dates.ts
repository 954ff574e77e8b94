import type { Token } from "../../text/tokenize.ts";
import { addDays } from "../dates/calendar.ts";
import { type DateMention, datesInSentence } from "../dates/dates.ts";
import type { Sentence } from "../document.ts";
import type { ExtractState } from "../state.ts";
import type { DateValue } from "../types.ts";
import { weekBefore } from "./event-anchors.ts";

/**
 * Present-tense verbs open a sentence: ي + stem (يحاول، يرى) or ت + a stem
 * without a long vowel next (تحاول is not told from the past تظاهر, so only
 * ت-forms like تدرك، تسعى count): the activity is ongoing at publication.
 */
const PRESENT_OPENING = /^(و|ف)?(ي[^\s]{2,}|ت[^ا]{2,})/;
const NOT_VERB = new Set(["يوم", "يوما"]);
/** "بدأت استهداف السفن منذ نوفمبر": what began then goes on until publication. */
const BEGAN = /^(بدا|بدات|بدؤوا|بداوا|began|begun|started|start)$/;
const WHEN = /^(when|عندما|حين|حينما|يوم)$/;
/** "a day after X" / "بعد يوم من" / "غداة": X is the day before the stated day. */
const DAY_AFTER = /^(غداه)$/;

/**
 * The date of an event reported in sentence s: the date stated nearest its
 * trigger; for "since February, X did Y, but then Z", Y gets February and Z
 * the open period since, as does anything that "began since"; an undated
 * present-tense report means the week up to publication; an undated past
 * one only "before publication" (refined later from the article's anchors).
 * Never a made-up day.
 */
export function eventDate(
  state: ExtractState,
  s: Sentence,
  dates: DateMention[],
  tok: number,
  order: number,
): DateValue {
  const published = state.doc.published;
  const { tokens } = state.doc;
  const here = datesInSentence(dates, s.index);
  if (here.length > 0) {
    const nearest = here.reduce((a, b) => (Math.abs(b.tokStart - tok) < Math.abs(a.tokStart - tok) ? b : a));
    const began = [tok - 1, tok - 2].some((k) => k >= s.tokStart && tokens[k].variants.some((v) => BEGAN.test(v)));
    // "since 15 January, when Iran fired missiles": the "when" clause happened on that day.
    const when = nearest.tokEnd <= tok && tokens.slice(nearest.tokEnd, tok).some((t) => WHEN.test(t.norm));
    if (nearest.since && !when && (order > 0 || began))
      return { edtf: `${nearest.edtf}/${published}`, start: nearest.start, end: published, precision: "RANGE" };
    const shift = nearest.precision === "DAY" && nearest.tokEnd <= tok ? dayShift(tokens, nearest.tokEnd, tok) : 0;
    if (shift !== 0 && nearest.start) {
      const iso = addDays(nearest.start, shift);
      return { edtf: iso, start: iso, end: iso, precision: "DAY" };
    }
    return strip(nearest);
  }
  const opening = tokens[s.tokStart]?.norm ?? "";
  if (
    (PRESENT_OPENING.test(opening) && !NOT_VERB.has(opening.replace(/^(و|ف)/, ""))) ||
    /^(is|are|continues|continue)$/.test(tokens[s.tokStart + 1]?.norm ?? "")
  )
    return weekBefore(published);
  return { edtf: `../${published}`, end: published, precision: "RANGE" };
}

/** −1 when "a day after" / "بعد يوم من" / "غداة" stands between the stated day and the trigger, +1 for "a day before". */
function dayShift(tokens: Token[], from: number, to: number): number {
  for (let k = from; k < to && k < from + 5; k++) {
    const w = tokens[k].norm;
    const next = tokens[k + 1]?.norm;
    if (DAY_AFTER.test(w)) return -1;
    if (w === "day" && next === "after") return -1;
    if (w === "day" && next === "before") return 1;
    if (w === "بعد" && (next === "يوم" || next === "يومين")) return next === "يوم" ? -1 : -2;
    if (w === "قبل" && next === "يوم") return 1;
  }
  return 0;
}

function strip(d: DateMention): DateValue {
  return { edtf: d.edtf, start: d.start, end: d.end, precision: d.precision };
}
