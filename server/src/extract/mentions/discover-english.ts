import type { ActorKind, LocationKind } from "../../bundle/types.ts";
import type { Token } from "../../text/tokenize.ts";
import type { ExtractState } from "../state.ts";
import { addAlias, addMention, registerEntity } from "./discovered.ts";
import {
  ENGLISH_LOCATIVE,
  ENGLISH_NAME_LINKS,
  ENGLISH_NOT_NAME,
  ENGLISH_OPENING_HEADS,
  ENGLISH_ORG_HEADS,
  ENGLISH_ORG_LINKS,
  ENGLISH_PLACE_HEADS,
  ENGLISH_PLACE_OF,
  ENGLISH_TITLES,
} from "./name-words.ts";

/** A run of capitalised words and what it was found to name. */
interface Candidate {
  start: number;
  end: number;
  label?: "actor" | "location";
  kind?: ActorKind | LocationKind;
}

const REPORTING_AFTER = /^(said|says|told|added|stated|claimed|wrote|announced|confirmed|denied|warned|noted)$/;
const AFFINITY_BEFORE = /^(loyal|close|allied|aligned|linked|affiliated|according|belonging|attributed)$/;

/**
 * English names without a gazetteer: runs of capitalised words (with name
 * links such as al-, bin, of, and), classified by what surrounds them — a
 * title before (President, Brig. Gen., spokesman) or an apposition after
 * (", a Hezbollah commander") makes a person; a head noun (Forces, Ministry,
 * Brigade, Agency) an organisation; a locative cue (in, near, the village of)
 * or a place noun (Kharkiv region) a place. An acronym in parentheses after a
 * name becomes its alias. A run nothing classifies takes the class the same
 * name has elsewhere in the article, or is left out.
 */
export function discoverEnglish(state: ExtractState, covered: Set<number>) {
  const { tokens } = state.doc;
  const all: Candidate[] = [];
  for (const s of state.doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; ) {
      if (covered.has(i) || tokens[i].arabic || !startsName(tokens, i, s.tokEnd)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < s.tokEnd && !covered.has(j) && joined(state, j - 1, j)) {
        const t = tokens[j];
        if (isCap(t) || inWord(state, j)) j++;
        else if (
          (ENGLISH_NAME_LINKS.has(t.norm) || ENGLISH_ORG_LINKS.has(t.norm)) &&
          j + 1 < s.tokEnd &&
          !covered.has(j + 1) &&
          isCap(tokens[j + 1]) &&
          joined(state, j, j + 1)
        )
          j++;
        else if (/^\d/.test(t.raw) && j + 1 < s.tokEnd && isCap(tokens[j + 1])) j++;
        else break;
      }
      for (const c of classify(state, i, j, s.tokStart, s.tokEnd)) all.push(c);
      i = j;
    }
  }
  // A name classified once (say, "near El Fasher") is the same thing wherever else it is unclassified.
  const known = new Map<string, Candidate>();
  for (const c of all) if (c.label) known.set(key(tokens, c), c);
  for (const c of all) {
    if (c.label) continue;
    const same = known.get(key(tokens, c));
    if (same) {
      c.label = same.label;
      c.kind = same.kind;
    }
  }
  for (const c of all) {
    if (!c.label || !c.kind || c.end <= c.start) continue;
    const name = state.doc.text.slice(tokens[c.start].start, tokens[c.end - 1].end);
    const id = (c.kind === "PERSON" && surnameOf(state, name)) || registerEntity(state, name, c.label, c.kind, false);
    addMention(state, c.start, c.end, id, 0.75, covered);
    acronymAfter(state, c.end, id, covered);
    knownAsAfter(state, c.end, id);
  }
}

/** "Col Dembele" after "Souleymane Dembele": a one-word name that is the surname of a person already introduced in full. */
function surnameOf(state: ExtractState, name: string): string | undefined {
  if (/\s/.test(name)) return undefined;
  const want = name.toLowerCase();
  for (const e of state.entries.values())
    if (e.discovered && e.kind === "PERSON" && e.name.toLowerCase().split(/\s+/).at(-1) === want && /\s/.test(e.name))
      return e.id;
  return undefined;
}

const key = (tokens: Token[], c: Candidate) =>
  tokens
    .slice(c.start, c.end)
    .map((t) => t.norm)
    .join(" ");

function isCap(t: Token): boolean {
  return !t.arabic && /^[A-Z]/.test(t.raw);
}

function startsName(tokens: Token[], i: number, end: number): boolean {
  const t = tokens[i];
  if (isCap(t)) return true;
  // "444 Brigade", "6th Infantry Division".
  return /^\d/.test(t.raw) && i + 1 < end && isCap(tokens[i + 1]);
}

/** Tokens of one name are separated by a space, a hyphen, an apostrophe or an abbreviation's full stop. */
function joined(state: ExtractState, a: number, b: number): boolean {
  const { tokens, text } = state.doc;
  const gap = text.slice(tokens[a].end, tokens[b].start);
  if (/^['’]$/.test(gap)) return tokens[b].norm !== "s";
  if (gap === " " || gap === "-") return true;
  return /^\.\s?$/.test(gap) && isTitleAbbrev(tokens[a]);
}

/** "Jama'at": the letters after an apostrophe inside a word. */
function inWord(state: ExtractState, j: number): boolean {
  const { tokens, text } = state.doc;
  return /^['’]$/.test(text.slice(tokens[j - 1].end, tokens[j].start)) && tokens[j].norm !== "s";
}

function isTitleAbbrev(t: Token): boolean {
  return /^(brig|gen|maj|col|lt|capt|sgt|dr|mr|mrs|ms|gov|adm)$/.test(t.norm);
}

function classify(state: ExtractState, i: number, j: number, sStart: number, sEnd: number): Candidate[] {
  const { tokens, text } = state.doc;
  let start = i;
  let end = j;
  while (start < end && (ENGLISH_NOT_NAME.has(tokens[start].norm) || ENGLISH_ORG_LINKS.has(tokens[start].norm)))
    start++;
  while (end > start && (ENGLISH_NAME_LINKS.has(tokens[end - 1].norm) || ENGLISH_ORG_LINKS.has(tokens[end - 1].norm)))
    end--;
  if (start >= end) return [];
  // A title inside the run ("Interior Minister Abdul Amir al-Shammari", "Brig. Gen. Yahya Saree"): the person follows it.
  let lastTitle = -1;
  for (let k = start; k < end; k++) if (ENGLISH_TITLES.has(tokens[k].norm)) lastTitle = k;
  if (lastTitle !== -1 && lastTitle + 1 < end && !ENGLISH_ORG_HEADS.has(tokens[end - 1].norm))
    return [{ start: lastTitle + 1, end, label: "actor", kind: "PERSON" }];
  if (lastTitle === end - 1 && lastTitle !== -1) return [];
  const head = tokens[end - 1].norm;
  const next = tokens[end];
  const nextLower = next && end < sEnd && !isCap(next) ? next.norm : undefined;
  const single = end - start === 1;
  // "the Al-Radaa force", "Libya al-Ahrar news channel": a lower-case head after the name.
  if (
    nextLower &&
    ENGLISH_ORG_HEADS.has(nextLower) &&
    !ENGLISH_PLACE_HEADS.has(nextLower) &&
    joined(state, end - 1, end)
  )
    return [{ start, end: end + 1, label: "actor", kind: ENGLISH_ORG_HEADS.get(nextLower) }];
  if (ENGLISH_ORG_HEADS.has(head) && single) return [];
  if (ENGLISH_ORG_HEADS.has(head)) return [{ start, end, label: "actor", kind: ENGLISH_ORG_HEADS.get(head) }];
  if (ENGLISH_OPENING_HEADS.has(tokens[start].norm) && end - start > 2 && tokens[start + 1].norm === "of")
    return [{ start, end, label: "actor", kind: "GOVERNMENT" }];
  if (ENGLISH_PLACE_HEADS.has(head) && !single)
    return [{ start, end, label: "location", kind: ENGLISH_PLACE_HEADS.get(head) }];
  if (nextLower && ENGLISH_PLACE_HEADS.has(nextLower) && !/^[,.]/.test(text.slice(tokens[end - 1].end)))
    return [{ start, end, label: "location", kind: ENGLISH_PLACE_HEADS.get(nextLower) }];
  // Runs joined by "and"/"of" that are not one organisation are separate names: "Israel and Hezbollah".
  const link = tokens.slice(start, end).findIndex((t) => ENGLISH_ORG_LINKS.has(t.norm));
  if (link > 0)
    return [
      ...classify(state, start, start + link, sStart, sEnd),
      ...classify(state, start + link + 1, end, sStart, sEnd),
    ];
  const acronym = single && /^[A-Z]{2,6}$/.test(tokens[start].raw);
  const prev = previousWord(tokens, start, sStart);
  if (prev && ENGLISH_TITLES.has(prev.norm) && !acronym) return [{ start, end, label: "actor", kind: "PERSON" }];
  if (!single && appositionOfRole(state, end, sEnd)) return [{ start, end, label: "actor", kind: "PERSON" }];
  // "from Iraqi territory": a demonym before a common noun is an adjective, not a place.
  const demonym =
    single &&
    /(i|ian|ese|ish)$/.test(tokens[start].norm) &&
    !!nextLower &&
    !/^(and|or|in|on|at|to|of|late|early)$/.test(nextLower);
  if (isLocative(tokens, start, sStart) && !acronym && !demonym)
    return [{ start, end, label: "location", kind: single ? "CITY" : "AREA" }];
  if (!single && appositionOfRole(state, end, sEnd)) return [{ start, end, label: "actor", kind: "PERSON" }];
  // "Ali al-Shammari", "Abu Al-Qasim Ali Musa": name particles; a leading al-/el- is as often a place ("El Fasher").
  const hasParticle = tokens
    .slice(start, end)
    .some((t, k) => /^(abu|abdul|abd|bin|ibn|umm)$/.test(t.norm) || (k > 0 && /^(al|el)$/.test(t.norm)));
  const reported = next && REPORTING_AFTER.test(next.norm);
  if (!single && (hasParticle || reported || knownAs(state, end)) && end - start <= 5)
    return [{ start, end, label: "actor", kind: "PERSON" }];
  if (acronym && !ENGLISH_NOT_NAME.has(tokens[start].norm))
    return [{ start, end, label: "actor", kind: "ORGANIZATION" }];
  return [{ start, end }];
}

/** The word before the name, skipping "the". */
function previousWord(tokens: Token[], start: number, sStart: number): Token | undefined {
  let k = start - 1;
  if (k >= sStart && tokens[k].norm === "the") k--;
  return k >= sStart ? tokens[k] : undefined;
}

function isLocative(tokens: Token[], start: number, sStart: number): boolean {
  let k = start - 1;
  if (k >= sStart && tokens[k].norm === "the") k--;
  if (k < sStart) return false;
  const w = tokens[k].norm;
  if (w === "of") return k - 1 >= sStart && ENGLISH_PLACE_OF.has(tokens[k - 1].norm);
  if (w === "to" && k - 1 >= sStart && AFFINITY_BEFORE.test(tokens[k - 1].norm)) return false;
  return ENGLISH_LOCATIVE.has(w) && w !== "of" && w !== "between";
}

/** ", a high-level Hezbollah commander" / ", the governor of the Kharkiv region": a person's role after the name. */
function appositionOfRole(state: ExtractState, end: number, sEnd: number): boolean {
  const { tokens, text } = state.doc;
  if (end >= sEnd || !/^,\s*$/.test(text.slice(tokens[end - 1].end, tokens[end].start))) return false;
  if (!/^(a|an|the)$/.test(tokens[end].norm)) return false;
  for (let k = end + 1; k < Math.min(sEnd, end + 7); k++) {
    if (/[,.;]/.test(text.slice(tokens[k - 1].end, tokens[k].start))) return false;
    if (ENGLISH_TITLES.has(tokens[k].norm) || /^(member|fighter|figure|official|militant)$/.test(tokens[k].norm))
      return true;
  }
  return false;
}

function knownAs(state: ExtractState, end: number): boolean {
  const t = state.doc.tokens;
  return t[end]?.norm === "also" && t[end + 1]?.norm === "known" && t[end + 2]?.norm === "as";
}

/** "Rapid Support Forces (RSF)": the acronym is the same actor, then and later. */
function acronymAfter(state: ExtractState, end: number, id: string, covered: Set<number>) {
  const { tokens, text } = state.doc;
  const t = tokens[end];
  if (!t || covered.has(end) || !/^[A-Z][A-Za-z-]{1,9}$/.test(text.slice(t.start, nextTokenEnd(state, end)))) return;
  if (!/^\s*\($/.test(text.slice(tokens[end - 1].end, t.start))) return;
  let stop = end + 1;
  while (stop < tokens.length && text.slice(tokens[stop - 1].end, tokens[stop].start) === "-") stop++;
  if (text[tokens[stop - 1].end] !== ")") return;
  addAlias(state, id, text.slice(t.start, tokens[stop - 1].end));
  addMention(state, end, stop, id, 0.8, covered);
}

function nextTokenEnd(state: ExtractState, i: number): number {
  const { tokens, text } = state.doc;
  let k = i;
  while (k + 1 < tokens.length && text.slice(tokens[k].end, tokens[k + 1].start) === "-") k++;
  return tokens[k].end;
}

/** "Taleb Abdallah, also known as Abu Taleb": the second name is an alias. */
function knownAsAfter(state: ExtractState, end: number, id: string) {
  const { tokens, text } = state.doc;
  if (!knownAs(state, end)) return;
  let k = end + 3;
  const from = k;
  while (k < tokens.length && k - from < 4 && isCap(tokens[k])) k++;
  if (k > from) addAlias(state, id, text.slice(tokens[from].start, tokens[k - 1].end));
}
