import type { EventType, Role } from "../bundle/types.ts";
import type { DateMention, DateValue } from "./dates.ts";
import type { Sentence } from "./document.ts";
import { eventDate } from "./event-dates.ts";
import { FUTURE_VERB, IRREALIS, TRIGGER_SUFFIXES, TRIGGERS, type Trigger } from "./event-triggers.ts";
import type { ExtractState } from "./state.ts";

/** An event before ids and titles: where it was reported and what the text says about it. */
export interface EventDraft {
  type: EventType;
  sentences: number[];
  triggers: { start: number; end: number }[];
  state: boolean;
  date?: DateValue;
  /** Every trigger is a definite noun ("the attack"): it refers back to an event already told. */
  backref: boolean;
  /** The date was written in the sentence, not inferred from tense. */
  dateStated: boolean;
  participants: { actor: string; role: Role }[];
  locations: string[];
}

const VIOLENT = new Set<EventType>(["ATTACK", "AIRSTRIKE", "SHELLING", "ARMED_CLASH"]);
const TARGET_CUES = /^(استهداف|استهدف|استهدفت|مستهدفه|مستهدفا|ضد|علي|against|targeting|targeted|hit|struck|on|at)$/;
/** Sources named for the report ("according to CENTCOM", "بحسب بيان للقيادة") are not actors of the event. */
const SOURCE_CUES = /^(بحسب|حسب|وفق|وفقا|بيان|according|statement|said)$/;
/** "الموالية لإيران", "المقربة من طهران": a patron named to describe a group, not an actor of the event. */
const AFFINITY = /^(ال)?(موالي|مقرب|قريب|مدعوم|تابع)|^(backed|aligned|loyal|close)$/;
const NOT_PARTICIPANT = new Set(["MEDIA", "ANONYMOUS_SOURCE"]);

/** Events from trigger words, one per type per sentence, then merged across sentences when they are the same happening. */
export function findEvents(state: ExtractState, dates: DateMention[]): EventDraft[] {
  const drafts: EventDraft[] = [];
  for (const s of state.doc.sentences) drafts.push(...sentenceEvents(state, s, dates));
  return mergeCoreferent(drafts);
}

function triggerAt(state: ExtractState, i: number, end: number): Trigger | undefined {
  const { tokens } = state.doc;
  for (const v of tokens[i].variants) {
    for (const [first, list] of TRIGGERS) {
      if (!v.startsWith(first) || !TRIGGER_SUFFIXES.has(v.slice(first.length))) continue;
      if (!tokens[i].arabic && v !== first) continue;
      const hit = list.find(
        (t) => i + t.words.length <= end && t.words.every((w, k) => k === 0 || tokens[i + k].norm === w),
      );
      if (hit) return hit;
    }
  }
  return undefined;
}

/** "الهدنة" / "the truce" refers back to a truce already told; "هدنة" / "a truce" introduces one. */
function isDefinite(state: ExtractState, i: number): boolean {
  const t = state.doc.tokens[i];
  return t.arabic ? /^(و|ف|ب|ل)?(ال|لل)/.test(t.norm) : state.doc.tokens[i - 1]?.norm === "the";
}

function irrealis(state: ExtractState, i: number, from: number): boolean {
  for (let k = Math.max(from, i - 3); k < i; k++) {
    const t = state.doc.tokens[k];
    // "أن" only marks a hypothetical when it governs the trigger directly ("أن انسحابها").
    if (t.variants.some((v) => IRREALIS.test(v) && (v !== "ان" || k === i - 1))) return true;
    if (FUTURE_VERB.test(t.norm.replace(/^و/, ""))) return true;
  }
  return false;
}

function sentenceEvents(state: ExtractState, s: Sentence, dates: DateMention[]): EventDraft[] {
  const found: { trigger: Trigger; tok: number; end: number }[] = [];
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const t = triggerAt(state, i, s.tokEnd);
    if (!t) continue;
    const end = i + t.words.length;
    if (!irrealis(state, i, s.tokStart)) found.push({ trigger: t, tok: i, end });
    // What is threatened is not (yet) an event: the rest of the sentence is the threat's content.
    if (t.type === "THREAT" && !irrealis(state, i, s.tokStart)) break;
    i = end - 1;
  }
  const specific = found.find((f) => f.trigger.type === "AIRSTRIKE" || f.trigger.type === "SHELLING")?.trigger.type;
  const typeOf = (f: (typeof found)[number]): EventType =>
    f.trigger.type === "ATTACK" && specific ? specific : f.trigger.type;
  const typed = found.filter(
    (f) => f.trigger.type !== "ANNOUNCEMENT" || found.every((g) => g.trigger.type === "ANNOUNCEMENT"),
  );
  const byType = new Map<EventType, typeof typed>();
  for (const f of typed) byType.set(typeOf(f), [...(byType.get(typeOf(f)) ?? []), f]);
  const out: EventDraft[] = [];
  let order = 0;
  for (const [type, hits] of byType) {
    const first = hits[0];
    const date = eventDate(state, s, dates, first.tok, order++);
    const participants = roles(state, s, type);
    const base = {
      type,
      sentences: [s.index],
      triggers: hits.map((h) => ({ start: state.doc.tokens[h.tok].start, end: state.doc.tokens[h.end - 1].end })),
      state: hits.every((h) => h.trigger.state === true && isDefinite(state, h.tok)),
      backref: hits.every((h) => isDefinite(state, h.tok)),
      date,
      dateStated: dates.some((x) => x.sentence === s.index),
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
  const places = state.mentions.filter((m) => m.sentence === s.index && m.label === "location");
  const at = (m: { tokStart: number }) => clauseOf[m.tokStart - s.tokStart];
  const triggerClause = clauseOf[trigger - s.tokStart];
  const uniq = (ms: typeof places) => [...new Set(ms.map((m) => m.id))];
  const added = uniq(places.filter((m) => additiveClauses.has(at(m)) && at(m) > triggerClause));
  const inClause = uniq(places.filter((m) => at(m) === triggerClause));
  const own = inClause.length > 0 ? inClause : uniq(places).filter((id) => !added.includes(id));
  return { own, added };
}

/** Who did it, to whom, and where, from the sentence; places in different countries are kept apart. */
function roles(state: ExtractState, s: Sentence, type: EventType) {
  const all = state.mentions.filter((m) => m.sentence === s.index);
  // Names inside a source's description ("a source in one of the factions close to Tehran") are not actors of the event.
  const described = all.filter((m) => state.descriptions.has(m.id));
  const mentions = all.filter(
    (m) => !described.some((d) => d.id !== m.id && d.tokStart <= m.tokStart && m.tokEnd <= d.tokEnd),
  );
  const participants: { actor: string; role: Role }[] = [];
  const add = (actor: string, role: Role) => {
    if (!participants.some((p) => p.actor === actor)) participants.push({ actor, role });
  };
  const tokens = state.doc.tokens;
  for (const m of mentions) {
    if (m.label !== "actor" || NOT_PARTICIPANT.has(state.entries.get(m.id)?.kind ?? "")) continue;
    const prev = tokens[m.tokStart - 1]?.variants ?? [];
    if (prev.some((v) => AFFINITY.test(v))) continue;
    if ([1, 2, 3].some((k) => (tokens[m.tokStart - k]?.variants ?? []).some((v) => SOURCE_CUES.test(v)))) continue;
    const target = [1, 2].some((k) => (tokens[m.tokStart - k]?.variants ?? []).some((v) => TARGET_CUES.test(v)));
    const kind = state.entries.get(m.id)?.kind;
    if (type === "MEDIATION" && kind === "GROUP") add(m.id, "MEDIATOR");
    else if (kind === "GROUP") continue;
    else if (target && (VIOLENT.has(type) || type === "THREAT")) add(m.id, "TARGET");
    else if (!participants.some((p) => p.role === "INITIATOR")) add(m.id, "INITIATOR");
    else add(m.id, "PARTICIPANT");
  }
  return participants;
}

/** The same type, compatible dates and shared (or missing) participants: one event told twice. */
function mergeCoreferent(drafts: EventDraft[]): EventDraft[] {
  const out: EventDraft[] = [];
  for (const d of drafts) {
    const family = (e: EventDraft) => (VIOLENT.has(e.type) ? "violent" : e.type);
    const same = d.backref
      ? out
          .filter((e) => family(e) === family(d) && !(e.dateStated && d.dateStated && e.date?.edtf !== d.date?.edtf))
          .at(-1)
      : out.find((e) => e.type === d.type && compatible(e, d));
    if (!same) {
      out.push(d);
      continue;
    }
    same.sentences = [...new Set([...same.sentences, ...d.sentences])];
    same.triggers.push(...d.triggers);
    if (d.dateStated && !same.dateStated) {
      same.date = d.date;
      same.dateStated = true;
    }
    // A back-reference ("the truce") adds evidence, not the other sentence's actors and places.
    if (same.state && !d.state) {
      same.participants = d.participants;
      same.locations = d.locations;
      same.state = false;
    } else if (!d.backref && !(d.state && same.participants.length > 0)) {
      for (const p of d.participants)
        if (!same.participants.some((q) => q.actor === p.actor)) same.participants.push(p);
      for (const l of d.locations) if (!same.locations.includes(l)) same.locations.push(l);
    }
  }
  return out;
}

function compatible(a: EventDraft, b: EventDraft): boolean {
  if (a.state || b.state) return !(a.dateStated && b.dateStated && a.date?.edtf !== b.date?.edtf);
  if (a.dateStated && b.dateStated && a.date?.edtf !== b.date?.edtf) return false;
  if (VIOLENT.has(a.type)) return a.locations.join() === b.locations.join();
  const actors = new Set(a.participants.map((p) => p.actor));
  return a.participants.length === 0 || b.participants.length === 0 || b.participants.some((p) => actors.has(p.actor));
}
