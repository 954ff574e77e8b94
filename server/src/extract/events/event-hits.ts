import type { EventType } from "../../bundle/types.ts";
import { GENERIC_VIOLENCE } from "../../model/vocabulary.ts";
import { type DateMention, datesInSentence } from "../dates/dates.ts";
import type { Sentence } from "../document.ts";
import type { ExtractState } from "../state.ts";
import { irrealis } from "./event-mood.ts";
import { VIOLENT } from "./event-roles.ts";
import { type Trigger, triggerAt } from "./event-triggers.ts";

/** A trigger found in a sentence, with the type it reports there. */
export interface Hit {
  trigger: Trigger;
  type: EventType;
  tok: number;
  end: number;
}

/** "أعلنت مسؤوليتها عن هجوم" / "claimed responsibility for the attack": the report is the claim, not a new attack. */
const RESPONSIBILITY = /^مسووليت?(ه|ها|هم)?$|^responsibility$/;
/** "تزويد الحوثيين بالصواريخ" / "supplying missiles": weapons handed over, not fired. */
const SUPPLY = /^(تزويد|تسليم|تهريب|بيع|امداد|شحن|supplying|supply|supplied|arming|selling|smuggling|shipping)$/;
/** "كسرت بعد ضربات" / "collapsed after strikes": the end of a truce told through the strikes that ended it. */
const CAUSE = /^(بعد|اثر|عقب|جراء|بسبب|after|by|following)$/;

/** "جولة مفاوضات" / "round of talks": a later bare "الجولة السابقة" / "the previous round" is another of the same. */
const ROUND = /^(جوله|جولات|round|rounds)$/;

/** What the article has told so far that later sentences refer to: the type of its last "round of X". */
export interface HitContext {
  round?: EventType;
}

/**
 * The event triggers of a sentence grouped into one list per event: by type,
 * and apart when the same type sits next to different stated dates ("the
 * attack on 1 Ramadan … since 15 January, when Iran fired missiles").
 */
export function sentenceHits(state: ExtractState, s: Sentence, dates: DateMention[], context: HitContext): Hit[][] {
  const { tokens } = state.doc;
  const found: Hit[] = [];
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const t = triggerAt(tokens, i, s.tokEnd) ?? roundAt(state, i, s, context);
    if (!t) continue;
    if ([i - 1, i - 2].some((k) => k >= s.tokStart && tokens[k].variants.some((v) => ROUND.test(v))))
      context.round = t.type;
    const end = i + t.words.length;
    const supplied =
      t.type === "SHELLING" &&
      [i - 1, i - 2, i - 3].some((k) => k >= s.tokStart && tokens[k].variants.some((v) => SUPPLY.test(v)));
    const real = !supplied && !irrealis(state, i, s.tokStart, s.tokEnd);
    const claimed =
      VIOLENT.has(t.type) && [i - 1, i - 2].some((k) => tokens[k]?.variants.some((v) => RESPONSIBILITY.test(v)));
    if (real) found.push({ trigger: t, type: claimed ? "ANNOUNCEMENT" : t.type, tok: i, end });
    // What is threatened is not (yet) an event: the rest of the sentence is the threat's content.
    if (t.type === "THREAT" && real) break;
    i = end - 1;
  }
  // Deaths told beside a named attack are that attack's toll, not a second event.
  if (found.some((f) => f.trigger.weak) && found.some((f) => !f.trigger.weak && VIOLENT.has(f.type)))
    found.splice(0, found.length, ...found.filter((f) => !f.trigger.weak));
  const specific = found.find((f) => f.type === "AIRSTRIKE" || f.type === "SHELLING")?.type;
  for (const f of found) if (f.type === GENERIC_VIOLENCE && specific) f.type = specific;
  const typed = found.filter(
    (f) =>
      (f.trigger.type !== "ANNOUNCEMENT" || found.every((g) => g.trigger.type === "ANNOUNCEMENT")) &&
      !endedByAttack(state, f, found) &&
      !brokered(f, found),
  );
  const here = datesInSentence(dates, s.index);
  const nearest = (tok: number) =>
    here.length < 2
      ? -1
      : here.reduce((a, b, k) => (Math.abs(b.tokStart - tok) < Math.abs(here[a].tokStart - tok) ? k : a), 0);
  const groups = new Map<string, Hit[]>();
  for (const f of typed) {
    const key = `${f.type} ${nearest(f.tok)}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

/** A truce that "كسرت بعد ضربات" is reported by the strikes the same sentence yields, not by a second event. */
function endedByAttack(state: ExtractState, f: Hit, found: Hit[]): boolean {
  if (f.type !== "CEASEFIRE_END") return false;
  const { tokens } = state.doc;
  const attack = found.find((g) => VIOLENT.has(g.type) && g.tok > f.tok);
  if (!attack) return false;
  for (let k = f.end; k < attack.tok; k++) if (tokens[k].variants.some((v) => CAUSE.test(v))) return true;
  return false;
}

/** "stepped in to broker a truce" / "وساطة لوقف إطلاق النار": the truce is what the mediation is for, not a second event. */
function brokered(f: Hit, found: Hit[]): boolean {
  return f.type === "CEASEFIRE" && found.some((g) => g.type === "MEDIATION" && g.tok < f.tok && f.tok - g.end <= 3);
}

/** A bare "الجولة" / "round" (not "جولة مفاوضات") after the article told a round of something. */
function roundAt(state: ExtractState, i: number, s: Sentence, context: HitContext): Trigger | undefined {
  const { tokens } = state.doc;
  if (!context.round || !tokens[i].variants.some((v) => ROUND.test(v))) return undefined;
  const next = tokens[i + 1];
  if (next && i + 1 < s.tokEnd && (next.norm === "of" || triggerAt(tokens, i + 1, s.tokEnd))) return undefined;
  return { words: [tokens[i].norm], type: context.round };
}
