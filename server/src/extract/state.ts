import type { BundleRelation } from "../bundle/types.ts";
import type { Doc } from "./document.ts";
import type { EntityEntry } from "./mentions/gazetteer.ts";
import type { Mention } from "./mentions/mentions.ts";

/** What the extraction steps share: the article, every entity it names, their mentions and stated ties. */
export interface ExtractState {
  doc: Doc;
  /** Short article-scoped prefix for ids of things only this article knows (anonymous sources, events, claims). */
  scope: string;
  entries: Map<string, EntityEntry>;
  mentions: Mention[];
  relations: BundleRelation[];
  /** Descriptions of anonymous sources ("a source close to …"), by actor id. */
  descriptions: Map<string, string>;
}

/** Token indexes already inside a mention. */
export function coveredTokens(state: ExtractState): Set<number> {
  const covered = new Set<number>();
  for (const m of state.mentions) for (let i = m.tokStart; i < m.tokEnd; i++) covered.add(i);
  return covered;
}

/** Mentions starting at token i. */
export function mentionAt(state: ExtractState, i: number): Mention | undefined {
  return state.mentions.find((m) => m.tokStart === i);
}

/** True when only spaces (and quote marks, when allowed) separate tokens a and b, i.e. no comma or full stop. */
export function adjacent(state: ExtractState, a: number, b: number, quotesOk = true): boolean {
  const { tokens, text } = state.doc;
  const gap = text.slice(tokens[a].end, tokens[b].start);
  return quotesOk ? /^[\s"«»“”]*$/.test(gap) : /^\s*$/.test(gap);
}

export function addRelation(state: ExtractState, r: BundleRelation) {
  if (r.from === r.to) return;
  const same = state.relations.find((x) => x.type === r.type && x.from === r.from && x.to === r.to);
  if (same) same.evidence = [...(same.evidence ?? []), ...(r.evidence ?? [])];
  else state.relations.push(r);
}
