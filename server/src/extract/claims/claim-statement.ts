import type { Sentence } from "../document.ts";
import type { Mention } from "../mentions/mentions.ts";
import type { ExtractState } from "../state.ts";
import { PARTICIPIAL } from "./reporting-verbs.ts";

/** Where a reported statement starts and ends around its cue: after "أن/إن/that" or a quote, or before ", X said". */

export const COMPLEMENTISER = /^(ان|إن|فان|بان|that)$/;

export function contentStartAfter(
  state: ExtractState,
  i: number,
  speaker: Mention | undefined,
  outlet: Mention | undefined,
  s: Sentence,
) {
  const { tokens, text } = state.doc;
  let k = Math.max(i + 1, speaker && speaker.tokStart > i ? speaker.tokEnd : 0, outlet ? outlet.tokEnd : 0);
  for (let j = k; j < s.tokEnd && j < k + 8; j++) {
    if (tokens[j].variants.some((v) => PARTICIPIAL.has(v))) break;
    if (COMPLEMENTISER.test(tokens[j].norm) || tokens[j].variants.includes("ان")) {
      k = j + 1;
      break;
    }
  }
  if (k >= s.tokEnd) return undefined;
  let start = tokens[k].start;
  const before = text.slice(tokens[k - 1].end, start);
  // An odd count of ASCII quotes before the gap means its first quote closes ("لـ"رويترز" …").
  const closing = (text.slice(s.start, tokens[k - 1].end).match(/"/g)?.length ?? 0) % 2 === 1;
  const quote = closing ? -1 : before.search(/["«“]/);
  if (quote !== -1) start = tokens[k - 1].end + quote;
  return start;
}

/** "أعلن أن …" or a quote states something; "أعلنت إيقاف عملياتها" announces an act (an event, not a claim). */
export function statesSomething(state: ExtractState, i: number, s: Sentence, within = 8): boolean {
  const { tokens, text } = state.doc;
  for (let j = i + 1; j < s.tokEnd && j < i + within; j++) {
    if (COMPLEMENTISER.test(tokens[j].norm) || /["«“]/.test(text.slice(tokens[j - 1].end, tokens[j].start)))
      return true;
  }
  return false;
}

export function insideQuote(text: string, from: number, at: number): boolean {
  const before = text.slice(from, at);
  const ascii = (before.match(/"/g)?.length ?? 0) % 2 === 1;
  const guillemets = (before.match(/«/g)?.length ?? 0) > (before.match(/»/g)?.length ?? 0);
  return ascii || guillemets;
}

/**
 * English puts the statement first: ""We are committed …," a spokesman told
 * Al Jazeera." / "A drone hit the base, the Pentagon said." When the speaker
 * and verb close the sentence after a comma or a quote, the statement is
 * what precedes them.
 */
/** What may follow "X said" at the end of a sentence without being the statement: where, when, how, or "adding …". */
const AFTERTHOUGHT =
  /^(in|on|at(?!\s+(least|most)\b)|during|late|early|earlier|later|when|while|after|before|from|to|via|through|without|adding|noting|citing|according|as|told|referring|speaking|who|which|and)\b/i;

export function statementBefore(state: ExtractState, s: Sentence, speaker: Mention | undefined, i: number) {
  const { tokens, text } = state.doc;
  if (tokens[i].arabic) return undefined;
  const head = speaker && speaker.tokEnd <= i ? speaker.start : tokens[i].start;
  let lead = text.slice(s.start, head).replace(/\s*(the|a|an)\s*$/i, "");
  if (!/[,"”]\s*$/.test(lead)) return undefined;
  lead = lead.replace(/[\s,،"”]+$/, "");
  const rest = text.slice(tokens[i].end, s.end);
  if (/\bthat\b|["“]/.test(rest.slice(0, 40))) return undefined;
  // "On Monday, the mayor said at least nine …" / "Noting …, X said there were …": a clause after the verb is the
  // statement; what stands before the speaker is then a time or a circumstance. Not so for "…, X said in a statement
  // read out on television", "…, X said, adding …" or "…, X said, the first such strike …" (an apposition).
  // After an inverted "said X", the rest begins after the speaker.
  const tail = speaker && speaker.tokStart > i ? text.slice(speaker.end, s.end) : rest;
  const words = tail
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (words.length >= 5 && !/^\s*,/.test(tail) && !AFTERTHOUGHT.test(tail.trimStart())) return undefined;
  const start = /^["“]/.test(lead) ? s.start + 1 : s.start;
  const end = s.start + lead.length;
  return end - start > 8 ? { start, end } : undefined;
}

export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.،,؛]/.test(text[e - 1])) e--;
  return e;
}
