import type { EventType, Role } from "../../bundle/types.ts";
import { eventTypesOf } from "../../model/vocabulary.ts";
import { REPORTING_VERBS } from "../claims/reporting-verbs.ts";
import type { Sentence } from "../document.ts";
import { type ExtractState, mentionsInSentence } from "../state.ts";

export const VIOLENT = new Set<EventType>(eventTypesOf("violence"));
const TARGET_CUES = /^(استهداف|استهدف|استهدفت|مستهدفه|مستهدفا|ضد|علي|against|targeting|targeted|hit|struck|on|at)$/;
/** Sources named for the report ("according to CENTCOM", "بحسب بيان للقيادة") are not actors of the event. */
const SOURCE_CUES = /^(بحسب|حسب|وفق|وفقا|بيان|باسم|according|statement|said|spokesman|spokesperson|spokeswoman)$/;
/** "الموالية لإيران", "المقربة من طهران": a patron named to describe a group, not an actor of the event. */
const AFFINITY = /^(ال)?(موالي|مقرب|قريب|مدعوم|تابع)|^(backed|aligned|loyal|close)$/;
const NOT_PARTICIPANT = new Set(["MEDIA", "ANONYMOUS_SOURCE"]);

/** Who did it, to whom, and where, from the sentence; places in different countries are kept apart. */
export function roles(state: ExtractState, s: Sentence, type: EventType) {
  const all = mentionsInSentence(state, s.index);
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
    // A person who comments on the event ("Interior Minister X said …") is a claimant, not a participant.
    if (kind === "PERSON" && isSpeaker(state, m.tokStart, m.tokEnd)) continue;
    if (type === "MEDIATION" && kind === "GROUP") add(m.id, "MEDIATOR");
    else if (kind === "GROUP") continue;
    else if (target && (VIOLENT.has(type) || type === "THREAT")) add(m.id, "TARGET");
    else if (!participants.some((p) => p.role === "INITIATOR")) add(m.id, "INITIATOR");
    else add(m.id, "PARTICIPANT");
  }
  return participants;
}

/** The mention is the subject of a reporting verb: right before it ("X said") or right after it (Arabic "وقال X"). */
function isSpeaker(state: ExtractState, tokStart: number, tokEnd: number): boolean {
  const { tokens } = state.doc;
  const reporting = (k: number) => (tokens[k]?.variants ?? []).some((v) => REPORTING_VERBS.has(v));
  if (reporting(tokEnd)) return true;
  // Verb first: "وقال الناطق باسم إدارة العاصمة عبد الفتاح حلان إن …", the title and its body between.
  const { text } = state.doc;
  for (let k = tokStart - 1; k >= 0 && k >= tokStart - 8; k--) {
    if (reporting(k)) return true;
    if (/[،,.:؛]/.test(text.slice(tokens[k].end, tokens[k + 1].start)) || /^(ان|that)$/.test(tokens[k].norm))
      return false;
  }
  return false;
}
