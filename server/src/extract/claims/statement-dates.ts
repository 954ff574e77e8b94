import type { DateMention } from "../dates/dates.ts";
import type { ExtractState } from "../state.ts";

/**
 * Verbs and nouns of speech only ("said", "in a televised speech"): "announced"/"أعلن" report an act (a truce, a
 * claim of responsibility) dated by its own date.
 */
const SPEECH =
  /^(و|ف)?(قال|قالت|اضاف|اضافت|اكد|اكدت|اوضح|اوضحت|ذكر|ذكرت|صرح|صرحت|خطاب|كلمه|تصريح|تصريحات|مقابله|said|says|added|stated|told|noted|stressed|insisted|warned|claimed|speech|address|interview|briefing|remarks)$/;

/** Words that may stand between a reporting verb and its date: "said on Tuesday", "قال في بيان يوم الثلاثاء". */
const BETWEEN = /^(on|in|a|an|statement|late|early|televised|في|بيان|له|لها|يوم|مساء|صباح|متلفز|متلفزه)$/;

/**
 * Splits the article's dates into those of events and those of statements: a
 * date right after a reporting verb ("al-Shammari said on Tuesday",
 * "وقال يوم الثلاثاء") dates the statement — the claim's date — and never
 * becomes the date of an event the statement talks about.
 */
export function splitStatementDates(state: ExtractState, dates: DateMention[]) {
  const { tokens } = state.doc;
  const events: DateMention[] = [];
  const statements: DateMention[] = [];
  for (const d of dates) {
    let statement = false;
    for (let k = d.tokStart - 1; k >= 0 && k >= d.tokStart - 5; k--) {
      const t = tokens[k];
      if (SPEECH.test(t.norm)) {
        statement = true;
        break;
      }
      if (!BETWEEN.test(t.norm)) break;
    }
    (statement ? statements : events).push(d);
  }
  return { events, statements };
}
