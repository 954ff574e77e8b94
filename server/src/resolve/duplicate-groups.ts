import { nameForms } from "../model/name-key.ts";

/**
 * Which actors (or places) look like one another, found by blocking, never
 * by comparing every pair in the graph: names are grouped by their spelling
 * form and by their transliteration key (model/name-key.ts) in hash maps, and
 * only names that share a word key are compared for a near spelling, inside
 * that word's block. Pure: entities in, pairs and groups out.
 */

export interface NamedEntity {
  id: string;
  name: string;
  nameAr: string | null;
  aliases: string[];
  kind: string;
}

export interface DuplicatePair {
  a: string;
  b: string;
  score: number;
  reasons: string[];
}

export interface DuplicateGroup {
  /** The group's first id (its members sorted), stable while the members are. */
  key: string;
  score: number;
  ids: string[];
  pairs: DuplicatePair[];
}

/** Keys shorter than this ("l" for Ali) are too common: such names match only when spelled the same. */
const MIN_KEY = 3;
/** A word key shared by more names than this ("mlt", militia) is too common to compare within. */
const MAX_BLOCK = 60;
/** Keys this long or longer may match on a near spelling; shorter ones only exactly. */
const MIN_NEAR_KEY = 6;
/** The least similarity (1 − edit distance / longer length) of two keys that counts as near. */
const NEAR = 0.85;
/** Within one block, names meet pairwise up to this size; beyond it each meets the block's first (enough to group). */
const PAIRWISE = 40;

export const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

const namesOf = (e: { name: string; nameAr: string | null; aliases: string[] }) => [
  ...new Set([e.name, e.nameAr ?? "", ...e.aliases].filter(Boolean)),
];

/** Levenshtein distance, two rows (keys are a few letters long). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

export const keySimilarity = (a: string, b: string) => 1 - editDistance(a, b) / Math.max(a.length, b.length, 1);

interface Indexed {
  forms: Set<string>;
  keys: Set<string>;
  tokens: Set<string>;
}

/**
 * Folded forms by name. The graph's names change slowly and every suggestion
 * or look-alike question reads all of them, so each is folded once per
 * process; the cache is emptied when it grows past a bound.
 */
const formsCache = new Map<string, ReturnType<typeof nameForms>>();
const CACHE_MAX = 200_000;

function cachedForms(name: string) {
  let forms = formsCache.get(name);
  if (!forms) {
    if (formsCache.size >= CACHE_MAX) formsCache.clear();
    forms = nameForms(name);
    formsCache.set(name, forms);
  }
  return forms;
}

/** The spelling forms, keys and word keys of an entity's names. */
export function indexNames(names: string[]): Indexed {
  const out: Indexed = { forms: new Set(), keys: new Set(), tokens: new Set() };
  for (const n of names) {
    const { form, key, tokens } = cachedForms(n);
    if (form) out.forms.add(form);
    if (key) out.keys.add(key);
    for (const t of tokens) if (t.length >= MIN_KEY) out.tokens.add(t);
  }
  return out;
}

/** How alike two indexed names are: a score and why, or null when they are strangers. */
export function likeness(x: Indexed, y: Indexed): { score: number; reason: string } | null {
  for (const f of x.forms) if (y.forms.has(f)) return { score: 1, reason: `same name “${f}”` };
  for (const k of x.keys)
    if (k.length >= MIN_KEY && y.keys.has(k)) return { score: 0.9, reason: `same name in transliteration (${k})` };
  let best: { score: number; reason: string } | null = null;
  for (const k of x.keys)
    for (const l of y.keys) {
      if (Math.min(k.length, l.length) < MIN_NEAR_KEY) continue;
      const sim = keySimilarity(k, l);
      if (sim >= NEAR && (!best || sim * 0.8 > best.score))
        best = { score: Math.round(sim * 80) / 100, reason: `similar spelling (${k} ~ ${l})` };
    }
  return best;
}

/** Every pair of entities that look alike, except dismissed ones. */
export function duplicatePairs(entities: NamedEntity[], dismissed: Set<string>): DuplicatePair[] {
  const index = new Map(entities.map((e) => [e.id, indexNames(namesOf(e))]));
  const blocks = new Map<string, string[]>();
  const block = (k: string, id: string) => {
    const ids = blocks.get(k) ?? [];
    if (ids[ids.length - 1] !== id) ids.push(id);
    blocks.set(k, ids);
  };
  for (const [id, ix] of index) {
    for (const f of ix.forms) block(`f ${f}`, id);
    for (const k of ix.keys) if (k.length >= MIN_KEY) block(`k ${k}`, id);
    for (const t of ix.tokens) block(`t ${t}`, id);
  }
  const pairs = new Map<string, DuplicatePair>();
  const seen = new Set<string>();
  const compare = (a: string, b: string) => {
    const key = pairKey(a, b);
    if (a === b || seen.has(key) || dismissed.has(key)) return;
    seen.add(key);
    const like = likeness(index.get(a) as Indexed, index.get(b) as Indexed);
    if (like) pairs.set(key, { a: a < b ? a : b, b: a < b ? b : a, score: like.score, reasons: [like.reason] });
  };
  for (const [name, ids] of blocks) {
    const exact = !name.startsWith("t ");
    if (ids.length < 2 || (!exact && ids.length > MAX_BLOCK)) continue;
    if (ids.length <= PAIRWISE)
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) compare(ids[i], ids[j]);
    else if (exact) for (let i = 1; i < ids.length; i++) compare(ids[0], ids[i]);
  }
  return [...pairs.values()];
}

/** Pairs joined into groups (one group per set of look-alikes), strongest first. */
export function duplicateGroups(entities: NamedEntity[], dismissed: Set<string>): DuplicateGroup[] {
  const pairs = duplicatePairs(entities, dismissed);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const p of pairs) {
    const [ra, rb] = [find(p.a), find(p.b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, DuplicateGroup>();
  for (const p of pairs) {
    const root = find(p.a);
    const g = groups.get(root) ?? { key: root, score: 0, ids: [], pairs: [] };
    g.pairs.push(p);
    g.score = Math.max(g.score, p.score);
    groups.set(root, g);
  }
  for (const g of groups.values()) {
    g.ids = [...new Set(g.pairs.flatMap((p) => [p.a, p.b]))].sort();
    g.key = g.ids[0];
    g.pairs.sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  }
  return [...groups.values()].sort(
    (x, y) => y.score - x.score || y.ids.length - x.ids.length || x.key.localeCompare(y.key),
  );
}

/** The entities whose names look like `name`, best first (for one new name: no pairs, no groups). */
export function similarTo(
  name: string,
  entities: NamedEntity[],
): { entity: NamedEntity; score: number; reason: string }[] {
  const ix = indexNames([name]);
  const out: { entity: NamedEntity; score: number; reason: string }[] = [];
  for (const e of entities) {
    const like = likeness(ix, indexNames(namesOf(e)));
    if (like) out.push({ entity: e, ...like });
  }
  return out.sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name));
}
