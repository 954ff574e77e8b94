import type { Sentence } from "../document.ts";
import { addMention, registerEntity } from "../mentions/discovered.ts";
import type { Mention } from "../mentions/mentions.ts";
import { ARABIC_STOP } from "../mentions/name-words.ts";
import type { ExtractState } from "../state.ts";
import { speakerKind } from "./claim-speaker.ts";
import { COMPLEMENTISER } from "./claim-statement.ts";

/**
 * Statements that speak for whoever issued them: "A statement from the Somali
 * Police Force said …", "ذكر بيان صادر عن وزارة الدفاع أن …", "جاء في بيان
 * لحركة حماس أن …", "according to a statement by X", and later "the statement
 * added …" / "وأضاف البيان …". The speaker is the issuer — the organisation or
 * person after from / by / issued by / صادر عن / عن / لـ, or in construct with
 * the noun (بيان وزارة الدفاع) — never the statement itself; "the statement" /
 * "البيان" with no issuer is the last statement the article attributed.
 */

/** Statement nouns, folded, clitic-free (variants of بالبيان، ببيان، لبيان include these). */
const STATEMENT = new Set(["بيان", "البيان", "بلاغ", "البلاغ", "statement", "communique", "communiqué"]);
/** Words between the noun and its issuer: "صادر عن", "issued by", "from". */
const ISSUED = new Set(["صادر", "صادرا", "صادره", "الصادر", "الصادره", "issued", "released", "published", "posted"]);
const FROM = new Set(["عن", "من", "from", "by", "of"]);
/** "جاء في بيان …" / "ورد في البيان": the statement is the source, the verb only says it contains the words. */
const CONTAINED_IN = new Set(["جاء", "ورد"]);

export function isStatementNoun(state: ExtractState, k: number): boolean {
  const t = state.doc.tokens[k];
  return !!t && t.variants.some((v) => STATEMENT.has(v));
}

/** What the statement at token k says of its issuer: the mention that issued it, or whether it is "the statement" already named. */
export interface Issuer {
  /** Token index of the statement noun. */
  noun: number;
  speaker?: Mention;
  /** "the statement" / "البيان" with no issuer of its own: a statement the article has already attributed. */
  definite: boolean;
}

/**
 * The issuer after the statement noun at k: an optional "issued"/"صادر", an
 * optional "from/by/عن/من" and "the", then a speaker mention (an Arabic ل-
 * clitic or the construct state needs no preposition). When nothing found
 * stands there but a definite Arabic name or a capitalised English one does
 * ("بيان صادر عن المكتب الإعلامي الحكومي"), that name becomes an organisation:
 * whoever issues a statement is an actor.
 */
export function issuerAt(state: ExtractState, mentions: Mention[], k: number, s: Sentence): Issuer {
  const { tokens } = state.doc;
  const t = tokens[k];
  const definite = t.variants.includes("البيان") || t.variants.includes("البلاغ") || tokens[k - 1]?.norm === "the";
  let j = k + 1;
  if (j < s.tokEnd && tokens[j].variants.some((v) => ISSUED.has(v))) j++;
  let preposition = false;
  if (j < s.tokEnd && FROM.has(tokens[j].norm)) {
    j++;
    preposition = true;
  }
  // "بيان لها" / "بيان له": its own statement — the issuer is the sentence's subject, not found here.
  if (j < s.tokEnd && /^(لها|له|لهم|لهما)$/.test(tokens[j].norm)) return { noun: k, definite: true };
  if (j < s.tokEnd && tokens[j].norm === "the") j++;
  // "بيان لقيادة الجيش": a construct noun (command, office of …) may stand before the named body.
  const speaker =
    mentions.find((m) => m.tokStart === j && speakerKind(state, m)) ??
    (tokens[j]?.arabic && !ARABIC_STOP.has(tokens[j].norm) && !COMPLEMENTISER.test(tokens[j].norm)
      ? mentions.find((m) => m.tokStart === j + 1 && speakerKind(state, m))
      : undefined);
  if (speaker) return { noun: k, speaker, definite };
  if (preposition || j > k + 1) {
    const made = unknownIssuer(state, mentions, j, s);
    if (made) return { noun: k, speaker: made, definite };
  }
  return { noun: k, definite };
}

/** A name after "صادر عن"/"from" that no earlier step found: two to five definite Arabic words, or capitalised English words. */
function unknownIssuer(state: ExtractState, mentions: Mention[], j: number, s: Sentence): Mention | undefined {
  const { tokens, text } = state.doc;
  if (j >= s.tokEnd || mentions.some((m) => m.tokStart <= j && j < m.tokEnd)) return undefined;
  const arabic = tokens[j].arabic;
  let end = j;
  while (end < s.tokEnd && end - j < 5) {
    const w = tokens[end];
    if (w.arabic !== arabic || mentions.some((m) => m.tokStart === end)) break;
    if (
      arabic
        ? !w.norm.startsWith("ال") || ARABIC_STOP.has(w.norm) || COMPLEMENTISER.test(w.norm)
        : !/^\p{Lu}/u.test(w.raw)
    )
      break;
    if (end > j && !/^\s+$/.test(text.slice(tokens[end - 1].end, w.start))) break;
    end++;
  }
  if (end - j < 2) return undefined;
  const name = text.slice(tokens[j].start, tokens[end - 1].end);
  const id = registerEntity(state, name, "actor", "ORGANIZATION", arabic);
  const covered = new Set<number>();
  const before = state.mentions.length;
  addMention(state, j, end, id, 0.6, covered);
  const m = state.mentions[before];
  mentions.push(m);
  mentions.sort((a, b) => a.tokStart - b.tokStart || b.tokEnd - a.tokEnd);
  return m;
}

/**
 * The statement standing as the subject of the reporting verb at i: Arabic
 * verb-first "ذكر بيان …" (the noun right after the verb), "جاء في بيان …",
 * English subject-first "A statement from X … said" (the noun earlier in the
 * clause, not after "in": "In a statement, X said" keeps X as the subject).
 */
export function statementSubject(state: ExtractState, mentions: Mention[], i: number, s: Sentence): Issuer | undefined {
  const { tokens, text } = state.doc;
  const t = tokens[i];
  if (t.arabic) {
    const k = CONTAINED_IN.has(stripConjunction(t.norm)) && tokens[i + 1]?.norm === "في" ? i + 2 : i + 1;
    if (k < s.tokEnd && isStatementNoun(state, k)) return issuerAt(state, mentions, k, s);
    return undefined;
  }
  for (let k = i - 1; k >= s.tokStart && k >= i - 14; k--) {
    // A clause boundary (a comma or a quote) ends the subject.
    if (/[,;:"“”]/.test(text.slice(tokens[k].end, tokens[k + 1].start))) return undefined;
    if (!isStatementNoun(state, k)) continue;
    const prev = tokens[k - 1]?.norm;
    const prev2 = tokens[k - 2]?.norm;
    if (prev === "in" || prev2 === "in") return undefined;
    const issued = issuerAt(state, mentions, k, s);
    // "a statement from the UN refugee agency UNHCR said": the name right before the verb is the issuer's own.
    const closer = mentions.findLast(
      (m) => m.tokEnd === i && issued.speaker && m.tokStart >= issued.speaker.tokEnd && speakerKind(state, m),
    );
    return closer ? { ...issued, speaker: closer } : issued;
  }
  return undefined;
}

/** "according to a statement from X" / "بحسب بيان صادر عن X" / "وفق البيان": the statement after the cue at i. */
export function statementAfterAccording(
  state: ExtractState,
  mentions: Mention[],
  i: number,
  s: Sentence,
): Issuer | undefined {
  for (let k = i + 1; k < s.tokEnd && k <= i + 3; k++) {
    if (isStatementNoun(state, k)) return issuerAt(state, mentions, k, s);
    if (!/^(to|a|an|the|ما|لما)$/.test(state.doc.tokens[k].norm)) return undefined;
  }
  return undefined;
}

/** "وجاء" / "فورد": the verb that says a statement contains the words. */
export function isContainedIn(norm: string): boolean {
  return CONTAINED_IN.has(stripConjunction(norm));
}

function stripConjunction(norm: string): string {
  return /^(و|ف)/.test(norm) && norm.length > 3 ? norm.slice(1) : norm;
}

/** Whether the claim's sentence names a statement outside the claim's own words ("X said in a statement", "في بيان"). */
export function mentionsStatement(state: ExtractState, s: Sentence, content: { start: number; end: number }): boolean {
  const { tokens } = state.doc;
  for (let k = s.tokStart; k < s.tokEnd; k++) {
    if (tokens[k].start >= content.start && tokens[k].end <= content.end) continue;
    if (isStatementNoun(state, k)) return true;
  }
  return false;
}
