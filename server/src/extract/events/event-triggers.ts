import type { EventType } from "../../bundle/types.ts";
import { GENERIC_VIOLENCE } from "../../model/vocabulary.ts";
import type { Token } from "../../text/tokenize.ts";
import { nameTokens } from "../../text/tokenize.ts";
import { CASUALTY_WORDS, TRIGGER_WORDS } from "./trigger-words.ts";

/** A word or phrase that reports an event of a type. `state` nouns (the truce, the talks) refer back to one event per article. */
export interface Trigger {
  words: string[];
  type: EventType;
  state?: boolean;
  /** A casualty word ("killed"): an event only where no other violent trigger tells it. */
  weak?: boolean;
}

/** Triggers by first folded word, longest first. */
const TRIGGERS = new Map<string, Trigger[]>();
for (const [type, phrases, state] of TRIGGER_WORDS) {
  for (const p of phrases) {
    const words = nameTokens(p);
    const list = TRIGGERS.get(words[0]) ?? [];
    list.push({ words, type, state });
    TRIGGERS.set(words[0], list);
  }
}
for (const p of CASUALTY_WORDS) {
  const words = nameTokens(p);
  const list = TRIGGERS.get(words[0]) ?? [];
  list.push({ words, type: GENERIC_VIOLENCE, weak: true });
  TRIGGERS.set(words[0], list);
}
for (const list of TRIGGERS.values()) list.sort((a, b) => b.words.length - a.words.length);
/** Insertion order of first words: when a word could be read as two stems, the earlier-listed one wins. */
const ORDER = new Map([...TRIGGERS.keys()].map((k, i) => [k, i]));

/** Pronoun and case endings a trigger noun may carry (مفاوضاتها، اجتماعًا). */
const TRIGGER_SUFFIXES = ["", "ها", "هم", "ه", "هما", "نا", "ا", "ات"];

/** Trigger stems a word form may be (less an allowed ending), in list order; remembered per form, most have none. */
const stemCache = new Map<string, readonly string[]>();
const NO_STEMS: readonly string[] = Object.freeze([]);
function stemsOf(v: string, arabic: boolean): readonly string[] {
  const key = arabic ? v : ` ${v}`;
  let stems = stemCache.get(key);
  if (stems) return stems;
  const found: string[] = [];
  for (const suffix of arabic ? TRIGGER_SUFFIXES : [""]) {
    if (!v.endsWith(suffix) || v.length === suffix.length) continue;
    const stem = v.slice(0, v.length - suffix.length);
    if (TRIGGERS.has(stem) && !found.includes(stem)) found.push(stem);
  }
  found.sort((a, b) => (ORDER.get(a) ?? 0) - (ORDER.get(b) ?? 0));
  stems = found.length > 0 ? found : NO_STEMS;
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(key, stems);
  return stems;
}

/**
 * The longest trigger starting at token i within [i, end): each clitic
 * variant of the word, less an allowed ending (Arabic only), is looked up in
 * the index, so the cost per word does not grow with the trigger list.
 */
export function triggerAt(tokens: Token[], i: number, end: number): Trigger | undefined {
  const t = tokens[i];
  for (const v of t.variants) {
    for (const stem of stemsOf(v, t.arabic)) {
      const hit = (TRIGGERS.get(stem) ?? []).find(
        (tr) => i + tr.words.length <= end && tr.words.every((w, k) => k === 0 || tokens[i + k].norm === w),
      );
      if (hit) return hit;
    }
  }
  return undefined;
}
