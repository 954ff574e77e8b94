import type { RelationType, Span } from "../../bundle/types.ts";
import type { Sentence } from "../document.ts";
import { addRelation, type ExtractState, mentionsOf } from "../state.ts";
import type { Mention } from "./mentions.ts";

/** "الموالية لإيران", "المقربة من طهران", "loyal to Iran": a group's patron. "التابعة لـ" is membership. */
const ALIGNED = /^(ال)?(موالي|مقرب|قريب|حليف|مدعوم)/;
const SUBORDINATE = /^(ال)?(تابع|منضوي)/;
const ALIGNED_EN = /^(aligned|allied|loyal|close|backed)$/;
/** Nouns of confrontation followed by بين/between: "الصدام بين X وY", "clashes between X and Y". */
const CONFLICT =
  /^(ال)?(صدام|صراع|مواجهه|مواجهات|اشتباك|اشتباكات|حرب|توتر)$|^(clash|clashes|conflict|war|fighting|confrontation)$/;
/** Pronouns after a patron cue ("الموالية لها") point back to the actor named just before. */
const PRONOUN = /^(ل|من)?(ها|ه|هم)$/;
/** Kinds that take sides; media and anonymous sources do not. */
const PARTY = new Set([
  "STATE",
  "GOVERNMENT",
  "ARMED_GROUP",
  "MILITARY",
  "COALITION",
  "POLITICAL_GROUP",
  "ORGANIZATION",
]);
/** Titles that make their holder a member of the body they name ("عضو الإطار التنسيقي"). */
const AFFILIATING = new Set([
  "عضو",
  "member",
  "القيادي",
  "المتحدث",
  "الناطق",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "المستشار",
  "adviser",
  "advisor",
]);

/** Titles of a head: "رئيس X", "زعيم X", "leader of X". */
/** Written as normalizeArabic folds them (ئ → ي). */
const HEAD = /^(رييس|زعيم|قايد|امين|leader|head|chief|president|premier|prime)$/;

/**
 * Ties the text states between actors, each with its evidence: patrons
 * (ALLIED_WITH / AFFILIATED_WITH), sides of a confrontation (OPPOSES between
 * the sides, ALLIED_WITH within one), operations "ضد"/"against" an actor
 * (OPPOSES) and heads named by title (LEADS).
 */
export function findRelations(state: ExtractState): void {
  const bySentence = new Map<number, Mention[]>();
  for (const m of state.mentions) {
    if (m.label !== "actor") continue;
    bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  }
  for (const s of state.doc.sentences) {
    const ms = (bySentence.get(s.index) ?? []).sort((a, b) => a.tokStart - b.tokStart);
    if (ms.length < 2) continue;
    patrons(state, s, ms);
    confrontations(state, s, ms);
    against(state, s, ms);
  }
}

function relate(state: ExtractState, type: RelationType, from: Mention, to: Mention, start: number, end: number) {
  const { text } = state.doc;
  // Alliance and opposition run both ways: one direction, the first the text gave, is enough.
  if (state.relations.some((r) => r.type === type && r.from === to.id && r.to === from.id)) return;
  addRelation(state, { type, from: from.id, to: to.id, evidence: [{ start, end, text: text.slice(start, end) }] });
}

const isParty = (state: ExtractState, m: Mention) => PARTY.has(state.entries.get(m.id)?.kind ?? "");
const startingAt = (ms: Mention[], k: number) => ms.find((m) => m.tokStart === k);

function patrons(state: ExtractState, s: Sentence, ms: Mention[]) {
  const { tokens } = state.doc;
  for (const x of ms) {
    const k = x.tokEnd;
    const cue = tokens[k];
    if (!cue || k >= s.tokEnd) continue;
    const aligned = cue.variants.some((v) => ALIGNED.test(v)) || (!cue.arabic && ALIGNED_EN.test(cue.norm));
    const member = cue.variants.some((v) => SUBORDINATE.test(v));
    if (!aligned && !member) continue;
    const type: RelationType = member ? "AFFILIATED_WITH" : "ALLIED_WITH";
    // "لإيران" or "من طهران" / "to Iran", "with Iran", "by Iran".
    let y = startingAt(ms, k + 1) ?? startingAt(ms, k + 2);
    if (!y && PRONOUN.test(tokens[k + 1]?.norm ?? "")) y = ms.filter((m) => m.tokEnd <= x.tokStart).at(-1);
    if (y && y.id !== x.id) relate(state, type, x, y, x.start, tokens[Math.max(k + 1, y.tokEnd - 1)].end);
  }
  // "Iran-backed militias": the patron comes first.
  for (const y of ms) {
    const cue = tokens[y.tokEnd];
    const x = startingAt(ms, y.tokEnd + 1);
    if (cue && !cue.arabic && ALIGNED_EN.test(cue.norm) && x && x.id !== y.id)
      relate(state, "ALLIED_WITH", x, y, y.start, x.end);
  }
}

/**
 * "الصدام بين واشنطن وإسرائيل من جهة، وإيران … من جهة أخرى": the two sides
 * are split at "من جهة" when the text marks them, else the first actor after
 * بين faces the rest.
 */
function confrontations(state: ExtractState, s: Sentence, ms: Mention[]) {
  const { tokens } = state.doc;
  for (let i = s.tokStart; i + 1 < s.tokEnd; i++) {
    if (!tokens[i].variants.some((v) => CONFLICT.test(v))) continue;
    if (!/^(بين|between)$/.test(tokens[i + 1].norm)) continue;
    const after = ms.filter((m) => m.tokStart > i + 1 && isParty(state, m));
    const split = findToken(i + 1, s.tokEnd, (k) => tokens[k].norm === "جهه" && tokens[k - 1].norm === "من");
    let sideA = after.slice(0, 1);
    let sideB = after.slice(1, 2);
    if (split !== -1) {
      const end = findToken(split + 1, s.tokEnd, (k) => tokens[k].norm === "جهه");
      sideA = after.filter((m) => m.tokStart < split);
      sideB = after.filter((m) => m.tokStart > split && (end === -1 || m.tokStart < end));
    }
    if (sideA.length === 0 || sideB.length === 0) continue;
    const last = [...sideA, ...sideB].reduce((a, b) => (b.end > a.end ? b : a));
    const from = tokens[i].start;
    for (const a of sideA) for (const b of sideB) relate(state, "OPPOSES", a, b, from, last.end);
    for (const side of [sideA, sideB])
      for (let n = 1; n < side.length; n++) relate(state, "ALLIED_WITH", side[0], side[n], from, last.end);
  }
}

/** The first token index in [from, to) that passes, else -1 (looks only inside the sentence, not the whole text). */
function findToken(from: number, to: number, test: (k: number) => boolean): number {
  for (let k = from; k < to; k++) if (test(k)) return k;
  return -1;
}

/** "أعلنت الفصائل إيقاف عملياتها ضد القوات الأمريكية": the actor before "ضد" in the clause opposes the one after. */
function against(state: ExtractState, s: Sentence, ms: Mention[]) {
  const { tokens, text } = state.doc;
  for (let i = s.tokStart + 1; i < s.tokEnd; i++) {
    if (!/^(ضد|against)$/.test(tokens[i].norm)) continue;
    const y = startingAt(ms, i + 1);
    if (!y || !isParty(state, y)) continue;
    const x = ms
      .filter((m) => m.tokEnd <= i && isParty(state, m) && !/[،,؛;.]/.test(text.slice(m.end, tokens[i].start)))
      .at(-1);
    if (x && x.id !== y.id) relate(state, "OPPOSES", x, y, x.start, y.end);
  }
}

/** True when one of the words is a head's title (رئيس، زعيم، leader …). */
export function isHeadTitle(words: string[]): boolean {
  return words.some((w) => HEAD.test(w));
}

/**
 * A mention of a person that is, or directly follows, a head's title
 * ("رئيس الوزراء العراقي محمد شياع السوداني"), as evidence that they lead
 * the body they belong to; undefined when the article never says so.
 */
export function headMention(state: ExtractState, id: string): Span | undefined {
  const { tokens, text } = state.doc;
  for (const m of mentionsOf(state, id)) {
    const from = [m.tokStart, m.tokStart - 1, m.tokStart - 2, m.tokStart - 3].find(
      (k) =>
        k >= 0 && k <= m.tokStart && isHeadTitle(tokens[k].variants) && (k === m.tokStart || sameSentence(state, k, m)),
    );
    if (from === undefined) continue;
    const start = tokens[from].start;
    return { start, end: m.end, text: text.slice(start, m.end) };
  }
  return undefined;
}

function sameSentence(state: ExtractState, k: number, m: Mention): boolean {
  const s = state.doc.sentences[m.sentence];
  return k >= s.tokStart && state.doc.text.slice(state.doc.tokens[k].end, m.start).search(/[،,؛;.]/) === -1;
}

/** "عضو X فلان" ties the person to X; "رئيس X فلان" / "leader of X" makes them its head. */
export function titleTie(state: ExtractState, title: number, person: string, org: string, end: number) {
  const { tokens, text } = state.doc;
  const t = tokens[title];
  const type = isHeadTitle(t.variants)
    ? "LEADS"
    : t.variants.some((v) => AFFILIATING.has(v))
      ? "AFFILIATED_WITH"
      : undefined;
  if (!type) return;
  const span = { start: t.start, end: tokens[end - 1].end };
  addRelation(state, { type, from: person, to: org, evidence: [{ ...span, text: text.slice(span.start, span.end) }] });
}
