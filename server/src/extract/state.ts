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

/**
 * Lookups of state.mentions by sentence, first token and id, kept so that each
 * step asks in constant time instead of scanning every mention of the article
 * (a scan per sentence or per token made extraction quadratic in the text).
 * Steps only ever append to state.mentions, so the index catches up with new
 * items on each call; a new array (reassigned) gets a new index. Each bucket
 * keeps the array's order, so a lookup returns what a scan would have found.
 */
interface MentionIndex {
  indexed: number;
  bySentence: Map<number, Mention[]>;
  byTokStart: Map<number, Mention[]>;
  byId: Map<string, Mention[]>;
}

const mentionIndexes = new WeakMap<Mention[], MentionIndex>();
const NONE: readonly Mention[] = Object.freeze([]);

function add<K>(map: Map<K, Mention[]>, key: K, m: Mention) {
  const bucket = map.get(key);
  if (bucket) bucket.push(m);
  else map.set(key, [m]);
}

function mentionIndex(state: ExtractState): MentionIndex {
  let ix = mentionIndexes.get(state.mentions);
  if (!ix) {
    ix = { indexed: 0, bySentence: new Map(), byTokStart: new Map(), byId: new Map() };
    mentionIndexes.set(state.mentions, ix);
  }
  for (; ix.indexed < state.mentions.length; ix.indexed++) {
    const m = state.mentions[ix.indexed];
    add(ix.bySentence, m.sentence, m);
    add(ix.byTokStart, m.tokStart, m);
    add(ix.byId, m.id, m);
  }
  return ix;
}

/** The mentions in sentence `index`, in state.mentions order. Read only: filter or copy before sorting. */
export function mentionsInSentence(state: ExtractState, index: number): readonly Mention[] {
  return mentionIndex(state).bySentence.get(index) ?? NONE;
}

/** Every mention starting at token i, in state.mentions order. */
export function mentionsStartingAt(state: ExtractState, i: number): readonly Mention[] {
  return mentionIndex(state).byTokStart.get(i) ?? NONE;
}

/** Every mention of entity `id`, in state.mentions order. */
export function mentionsOf(state: ExtractState, id: string): readonly Mention[] {
  return mentionIndex(state).byId.get(id) ?? NONE;
}

/** Mentions starting at token i. */
export function mentionAt(state: ExtractState, i: number): Mention | undefined {
  return mentionsStartingAt(state, i)[0];
}

/** True when only spaces (and quote marks, when allowed) separate tokens a and b, i.e. no comma or full stop. */
export function adjacent(state: ExtractState, a: number, b: number, quotesOk = true): boolean {
  const { tokens, text } = state.doc;
  const gap = text.slice(tokens[a].end, tokens[b].start);
  return quotesOk ? /^[\s"«»“”]*$/.test(gap) : /^\s*$/.test(gap);
}

/** Relations by "type from to", so adding one is a lookup, not a scan of every relation so far (relations are only added here). */
const relationIndexes = new WeakMap<BundleRelation[], Map<string, BundleRelation>>();

export function addRelation(state: ExtractState, r: BundleRelation) {
  if (r.from === r.to) return;
  let index = relationIndexes.get(state.relations);
  if (!index) {
    index = new Map();
    relationIndexes.set(state.relations, index);
  }
  const key = `${r.type} ${r.from} ${r.to}`;
  const same = index.get(key);
  if (same) {
    if (r.evidence?.length) {
      same.evidence ??= [];
      same.evidence.push(...r.evidence);
    }
  } else {
    state.relations.push(r);
    index.set(key, r);
  }
}
