/**
 * Arabic proclitics: a conjunction (و، ف), then a preposition (ب، ل، ك) or the
 * future marker س, then the article ال, all written joined to the word:
 * وبغداد، لبغداد، والعراق، بالعراق، للعراق (ل + ال with the alef dropped).
 * Text is matched word by word against names, so each word yields the forms it
 * may be once clitics are removed; the caller accepts a variant only when it
 * is a known name or trigger, which keeps over-stripping harmless.
 */

const CONJUNCTIONS = ["و", "ف"];
const PREPOSITIONS = ["ب", "ل", "ك"];

/** Forms of a folded Arabic word with proclitics removed, the unstripped word first; stems shorter than 2 letters are dropped. */
export function cliticVariants(word: string): string[] {
  const out = [word];
  const add = (w: string) => {
    if (w.length >= 2 && !out.includes(w)) out.push(w);
  };
  const afterConj = [word];
  if (CONJUNCTIONS.includes(word[0]) && word.length > 3) afterConj.push(word.slice(1));
  for (const w of afterConj) {
    add(w);
    if (w.startsWith("لل") && w.length > 4) {
      add(`ال${w.slice(2)}`);
      add(w.slice(2));
    }
    if (PREPOSITIONS.includes(w[0]) && w.length > 3) {
      const rest = w.slice(1);
      add(rest);
      if (rest.startsWith("ال")) add(rest.slice(2));
    }
    if (w.startsWith("ال") && w.length > 4) add(w.slice(2));
  }
  return out;
}

/** True when the word carries a locative preposition clitic (ب "in/at", or لل/ل "to"), e.g. بالعراق، ببغداد. */
export function hasLocativeClitic(word: string): boolean {
  const w = CONJUNCTIONS.includes(word[0]) ? word.slice(1) : word;
  return w.startsWith("ب") || w.startsWith("لل");
}
