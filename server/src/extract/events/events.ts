import { type DateMention, datesInSentence } from "../dates/dates.ts";
import type { Sentence } from "../document.ts";
import { type ExtractState, mentionsInSentence } from "../state.ts";
import type { EventDraft } from "../types.ts";
import { anchorUndated } from "./event-anchors.ts";
import { eventDate } from "./event-dates.ts";
import { type HitContext, sentenceHits } from "./event-hits.ts";
import { mergeCoreferent } from "./event-merge.ts";
import { isDefinite } from "./event-mood.ts";
import { roles, VIOLENT } from "./event-roles.ts";

/** Events from trigger words, one per type per sentence, then merged across sentences when they are the same happening. */
export function findEvents(state: ExtractState, dates: DateMention[]): EventDraft[] {
  const drafts: EventDraft[] = [];
  const context: HitContext = {};
  for (const s of state.doc.sentences) drafts.push(...sentenceEvents(state, s, dates, context));
  const merged = mergeCoreferent(drafts, {
    broad: (id) => ["COUNTRY", "REGION"].includes(state.entries.get(id)?.kind ?? ""),
    countryOf: (id) => {
      const e = state.entries.get(id);
      return e?.countryCode ?? (e?.within ? state.entries.get(e.within)?.countryCode : undefined);
    },
  });
  anchorUndated(state, merged, dates);
  return merged;
}

function sentenceEvents(state: ExtractState, s: Sentence, dates: DateMention[], context: HitContext): EventDraft[] {
  const out: EventDraft[] = [];
  let order = 0;
  for (const hits of sentenceHits(state, s, dates, context)) {
    const type = hits[0].type;
    const first = hits[0];
    const date = eventDate(state, s, dates, first.tok, order++);
    const participants = roles(state, s, type);
    const base = {
      type,
      sentences: [s.index],
      triggers: hits.map((h) => ({ start: state.doc.tokens[h.tok].start, end: state.doc.tokens[h.end - 1].end })),
      state: hits.every((h) => h.trigger.state === true && isDefinite(state, h.tok)),
      backref: hits.every((h) => isDefinite(state, h.tok)),
      stative: hits.every((h) => h.trigger.state === true),
      date,
      dateStated: datesInSentence(dates, s.index).length > 0,
      dateNear: datesInSentence(dates, s.index).some((d) =>
        hits.some((h) => Math.min(Math.abs(d.tokStart - h.end), Math.abs(h.tok - d.tokEnd)) <= 3),
      ),
      participants,
    };
    const { own, added } = eventLocations(state, s, first.tok);
    out.push({ ...base, locations: own });
    if (VIOLENT.has(type) && added.length > 0) out.push({ ...base, participants: [...participants], locations: added });
  }
  return out;
}

/** Additive links ("فضلًا عن", "as well as") that add a second target place to a report of attacks. */
const ADDITIVE = /^(فضلا|اضافه|علاوه|as|besides)$/;

/**
 * Places of an event: those in the clause of its trigger (clauses end at
 * commas), else all places in the sentence; a later clause opened by "فضلًا
 * عن"/"as well as" names further targets, reported as a separate event.
 */
function eventLocations(state: ExtractState, s: Sentence, trigger: number): { own: string[]; added: string[] } {
  const { tokens, text } = state.doc;
  const clauseOf: number[] = [];
  let clause = 0;
  const additiveClauses = new Set<number>();
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    if (i > s.tokStart && /[،,؛;]/.test(text.slice(tokens[i - 1].end, tokens[i].start))) {
      clause++;
      if (tokens[i].variants.some((v) => ADDITIVE.test(v)) && (tokens[i].arabic || tokens[i + 1]?.norm === "well"))
        additiveClauses.add(clause);
    }
    clauseOf[i - s.tokStart] = clause;
  }
  const places = mentionsInSentence(state, s.index).filter((m) => m.label === "location");
  const at = (m: { tokStart: number }) => clauseOf[m.tokStart - s.tokStart];
  const triggerClause = clauseOf[trigger - s.tokStart];
  const uniq = (ms: typeof places) => [...new Set(ms.map((m) => m.id))];
  const added = uniq(places.filter((m) => additiveClauses.has(at(m)) && at(m) > triggerClause));
  const inClause = uniq(places.filter((m) => at(m) === triggerClause));
  const own = inClause.length > 0 ? inClause : uniq(places).filter((id) => !added.includes(id));
  return { own, added };
}
