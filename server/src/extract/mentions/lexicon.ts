import { nameTokens, type Token } from "../../text/tokenize.ts";
import type { EntityEntry } from "./gazetteer.ts";

/** One way of writing a name, as folded tokens. */
interface Form {
  tokens: string[];
  entry: EntityEntry;
  /** A title standing for its holder, not the holder's name. */
  role: boolean;
  /** Acronyms match only in upper case, so "US" is not the pronoun "us". */
  upper: boolean;
}

/** A name found in the text: tokens [tokStart, tokEnd) and the entry it names. */
export interface NameMatch {
  tokStart: number;
  tokEnd: number;
  entry: EntityEntry;
  role: boolean;
  /** The clitic-stripped form the first token matched as (tells a locative ب from a bare name). */
  firstForm: string;
}

const ENGLISH_ARTICLE = "the";

/** Names indexed by their first folded token, longest first, for left-to-right longest-match search. */
export class Lexicon {
  private readonly byFirst = new Map<string, Form[]>();

  constructor(entries: EntityEntry[]) {
    for (const entry of entries) {
      const names = new Set([entry.name, entry.nameAr, ...entry.aliases].filter((n): n is string => !!n));
      for (const name of names) this.add(name, entry, false);
      for (const role of entry.roles ?? []) this.add(role, entry, true);
    }
    for (const forms of this.byFirst.values()) forms.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  private add(name: string, entry: EntityEntry, role: boolean) {
    let tokens = nameTokens(name);
    if (tokens[0] === ENGLISH_ARTICLE && tokens.length > 1) tokens = tokens.slice(1);
    if (tokens.length === 0) return;
    const upper = /^[A-Z.]{2,6}$/.test(name.trim());
    const list = this.byFirst.get(tokens[0]) ?? [];
    if (list.some((f) => f.entry.id === entry.id && f.tokens.join(" ") === tokens.join(" "))) return;
    list.push({ tokens, entry, role, upper });
    this.byFirst.set(tokens[0], list);
  }

  /** Longest name starting at token i within [i, limit), or undefined. */
  matchAt(tokens: Token[], i: number, limit: number): NameMatch | undefined {
    let best: NameMatch | undefined;
    for (const variant of tokens[i].variants) {
      for (const form of this.byFirst.get(variant) ?? []) {
        const end = i + form.tokens.length;
        if (end > limit || (best && best.tokEnd - best.tokStart >= form.tokens.length)) continue;
        let ok = true;
        for (let k = 1; k < form.tokens.length && ok; k++) ok = tokens[i + k].norm === form.tokens[k];
        if (ok && form.upper) ok = tokens.slice(i, end).every((t) => t.raw === t.raw.toUpperCase());
        if (ok) best = { tokStart: i, tokEnd: end, entry: form.entry, role: form.role, firstForm: variant };
      }
    }
    return best;
  }
}
