import { addDays } from "./calendar.ts";
import type { DateMention, DateValue } from "./dates.ts";
import type { Sentence } from "./document.ts";
import type { ExtractState } from "./state.ts";

/** Present-tense verbs open a sentence with ي/ت (يحاول، تحاول): the activity is ongoing at publication. */
const PRESENT_OPENING = /^(و|ف)?[يت][^ا]{2,}/;

/**
 * The date of an event reported in sentence s: the date stated nearest its
 * trigger; for "since February, X did Y, but then Z", Y gets February and Z
 * the open period since; an undated present-tense report means the week up
 * to publication; an undated past one only "before publication". Never a
 * made-up day.
 */
export function eventDate(
  state: ExtractState,
  s: Sentence,
  dates: DateMention[],
  tok: number,
  order: number,
): DateValue {
  const published = state.doc.published;
  const here = dates.filter((d) => d.sentence === s.index);
  if (here.length > 0) {
    const nearest = here.reduce((a, b) => (Math.abs(b.tokStart - tok) < Math.abs(a.tokStart - tok) ? b : a));
    if (!nearest.since || order === 0) return strip(nearest);
    return { edtf: `${nearest.edtf}/${published}`, start: nearest.start, end: published, precision: "RANGE" };
  }
  const opening = state.doc.tokens[s.tokStart]?.norm ?? "";
  if (
    PRESENT_OPENING.test(opening) ||
    /^(is|are|continues|continue)$/.test(state.doc.tokens[s.tokStart + 1]?.norm ?? "")
  )
    return {
      edtf: `${addDays(published, -7)}/${published}`,
      start: addDays(published, -7),
      end: published,
      precision: "RANGE",
    };
  return { edtf: `../${published}`, end: published, precision: "RANGE" };
}

function strip(d: DateMention): DateValue {
  return { edtf: d.edtf, start: d.start, end: d.end, precision: d.precision };
}
