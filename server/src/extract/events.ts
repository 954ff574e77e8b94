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
  /** The date was written in the sentence, not inferred from tense. */
  dateStated: boolean;
  participants: { actor: string; role: Role }[];
  locations: string[];
}

const VIOLENT = new Set<EventType>(["ATTACK", "AIRSTRIKE", "SHELLING", "ARMED_CLASH"]);
const TARGET_CUES = /^(استهداف|مستهدفه|مستهدفا|ضد|علي|against|targeting|on|at)$/;
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
  const typed = found.filter(
    (f) => f.trigger.type !== "ANNOUNCEMENT" || found.every((g) => g.trigger.type === "ANNOUNCEMENT"),
  );
  const byType = new Map<EventType, typeof typed>();
  for (const f of typed) byType.set(f.trigger.type, [...(byType.get(f.trigger.type) ?? []), f]);
  const out: EventDraft[] = [];
  let order = 0;
  for (const [type, hits] of byType) {
    const first = hits[0];
    const date = eventDate(state, s, dates, first.tok, order++);
    const { participants, locationGroups } = roles(state, s, type);
    const groups = VIOLENT.has(type) && locationGroups.length > 1 ? locationGroups : [locationGroups.flat()];
    for (const locations of groups)
      out.push({
        type,
        sentences: [s.index],
        triggers: hits.map((h) => ({ start: state.doc.tokens[h.tok].start, end: state.doc.tokens[h.end - 1].end })),
        state: hits.every((h) => h.trigger.state === true && isDefinite(state, h.tok)),
        date,
        dateStated: dates.some((x) => x.sentence === s.index),
        participants,
        locations,
      });
  }
  return out;
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
    const target = [1, 2].some((k) => (tokens[m.tokStart - k]?.variants ?? []).some((v) => TARGET_CUES.test(v)));
    if (type === "MEDIATION" && state.entries.get(m.id)?.kind === "GROUP") add(m.id, "MEDIATOR");
    else if (target && (VIOLENT.has(type) || type === "THREAT")) add(m.id, "TARGET");
    else if (!participants.some((p) => p.role === "INITIATOR")) add(m.id, "INITIATOR");
    else add(m.id, "PARTICIPANT");
  }
  const groups = new Map<string, string[]>();
  for (const m of mentions) {
    if (m.label !== "location") continue;
    const entry = state.entries.get(m.id);
    const country = entry?.kind === "COUNTRY" ? m.id : (entry?.within ?? m.id);
    const list = groups.get(country) ?? [];
    if (!list.includes(m.id)) list.push(m.id);
    groups.set(country, list);
  }
  return { participants, locationGroups: [...groups.values()] };
}

/** The same type, compatible dates and shared (or missing) participants: one event told twice. */
function mergeCoreferent(drafts: EventDraft[]): EventDraft[] {
  const out: EventDraft[] = [];
  for (const d of drafts) {
    const same = out.find((e) => e.type === d.type && compatible(e, d));
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
    } else if (!(d.state && same.participants.length > 0)) {
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
