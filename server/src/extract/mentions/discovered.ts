import type { ActorKind, LocationKind } from "../../bundle/types.ts";
import { nameTokens } from "../../text/tokenize.ts";
import { slugify } from "../../text/transliterate.ts";
import type { ExtractState } from "../state.ts";
import type { EntityEntry } from "./gazetteer.ts";
import { Lexicon, type NameMatch } from "./lexicon.ts";
import { toMention } from "./mentions.ts";

/**
 * Entities the article names that neither the gazetteer nor the graph knows,
 * found by the patterns in discover-english.ts and discover-arabic.ts. Each
 * gets an id from its name; the same name found twice is one entity.
 */
export function registerEntity(
  state: ExtractState,
  name: string,
  label: "actor" | "location",
  kind: ActorKind | LocationKind,
  arabic: boolean,
): string {
  const clean = name.replace(/^[\s"'«“(]+|[\s"'»”),.،]+$/g, "");
  const same = sameBody(state, clean, label, kind);
  if (same) return same;
  const slug = slugify(clean) || `${state.scope}-${state.entries.size}`;
  const id = `${label}:${slug}`;
  const existing = state.entries.get(id);
  if (existing) {
    if (existing.label === label) return id;
    return registerEntity(state, `${clean} ${label}`, label, kind, arabic);
  }
  state.entries.set(id, {
    id,
    label,
    name: clean,
    ...(arabic ? { nameAr: clean } : {}),
    aliases: [],
    kind,
    discovered: true,
  });
  return id;
}

/**
 * A body named once in full and once shorter ("حكومة الوحدة الوطنية" /
 * "حكومة الوحدة", "حركة الشباب المتشددة" / "حركة الشباب") is one body when one
 * name is the other's first words; an alias the article gave is the entity it
 * was given for. People are never joined this way (two people may share a
 * given name).
 */
function sameBody(state: ExtractState, name: string, label: string, kind: string): string | undefined {
  const words = nameTokens(name).join(" ");
  for (const e of state.entries.values()) {
    if (!e.discovered || e.label !== label) continue;
    if (e.aliases.some((a) => nameTokens(a).join(" ") === words)) return e.id;
    if (kind === "PERSON" || e.kind === "PERSON") continue;
    const other = nameTokens(e.name).join(" ");
    if (other.startsWith(`${words} `) || words.startsWith(`${other} `)) {
      addAlias(state, e.id, name);
      return e.id;
    }
  }
  return undefined;
}

/** Records a mention of a discovered entity over tokens [tokStart, tokEnd), optionally from a later character start (past a clitic). */
export function addMention(
  state: ExtractState,
  tokStart: number,
  tokEnd: number,
  id: string,
  confidence: number,
  covered: Set<number>,
  startChar?: number,
) {
  const label = state.entries.get(id)?.label ?? "actor";
  const m = toMention(state.doc, { tokStart, tokEnd }, { id, label }, confidence);
  state.mentions.push(startChar !== undefined ? { ...m, start: startChar } : m);
  for (let k = tokStart; k < tokEnd; k++) covered.add(k);
}

/** Adds a short form ("al-Shammari", an acronym) that later mentions of a discovered entity may use. */
export function addAlias(state: ExtractState, id: string, alias: string) {
  const e = state.entries.get(id);
  if (e && alias && !e.aliases.includes(alias) && alias !== e.name) e.aliases.push(alias);
}

/**
 * Every later mention of a discovered entity: its name again, an alias the
 * article gave it ("(RSF)", "also known as Abu Taleb") and, for a person
 * introduced in full, the surname alone — only after the full introduction,
 * so a bare surname never names someone the article has not introduced.
 */
export function laterMentions(state: ExtractState, covered: Set<number>) {
  const entries: EntityEntry[] = [];
  const firstSeen = new Map<string, number>();
  for (const m of state.mentions) {
    const e = state.entries.get(m.id);
    if (!e?.discovered) continue;
    if (!firstSeen.has(e.id) || (firstSeen.get(e.id) as number) > m.tokStart) firstSeen.set(e.id, m.tokStart);
  }
  for (const id of firstSeen.keys()) {
    const e = state.entries.get(id) as EntityEntry;
    const aliases = [...e.aliases];
    if (e.kind === "PERSON") {
      const words = e.name.split(/\s+/);
      const last = words.at(-1) ?? "";
      if (words.length >= 2 && nameTokens(last).join("").length >= 3) aliases.push(last);
    }
    entries.push({ ...e, aliases });
  }
  if (entries.length === 0) return;
  const lexicon = new Lexicon(entries);
  const { tokens } = state.doc;
  for (const s of state.doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; ) {
      if (covered.has(i)) {
        i++;
        continue;
      }
      const m = lexicon.matchAt(tokens, i, s.tokEnd);
      if (!m || [...Array(m.tokEnd - m.tokStart).keys()].some((k) => covered.has(i + k))) {
        i++;
        continue;
      }
      const first = firstSeen.get(m.entry.id) ?? 0;
      const fullName = nameTokens(m.entry.name).length === m.tokEnd - m.tokStart;
      // A short form refers back; it never reaches forward to a person named only later.
      if (!fullName && m.entry.kind === "PERSON" && i < first) {
        i++;
        continue;
      }
      if (!tokens[i].arabic && !/^[A-Z0-9]/.test(tokens[i].raw)) {
        i++;
        continue;
      }
      const start = tokens[i].arabic && m.firstForm !== tokens[i].norm ? cliticStart(state, i, m.firstForm) : undefined;
      addMention(state, m.tokStart, m.tokEnd, m.entry.id, 0.75, covered, start);
      i = m.tokEnd;
    }
  }
}

/** Character offset where a word's clitic-free form starts ("والفاشر" → at "الفاشر" or "فاشر"). */
export function cliticStart(state: ExtractState, i: number, form: string): number {
  const t = state.doc.tokens[i];
  let strip = t.norm.length - form.length;
  let k = t.start;
  while (strip > 0 && k < t.end) {
    if (!/[\u064b-\u065f\u0670\u0640]/.test(state.doc.text[k])) strip--;
    k++;
  }
  return k;
}

/**
 * A known person's surname the article uses without introducing them
 * ("al-Shammari said …"): a new actor of its own, with the known person
 * recorded as "possibly the same as" for review — never a silent merge.
 */
export function possiblySame(state: ExtractState, ambiguous: NameMatch[]) {
  const covered = new Set<number>();
  for (const m of state.mentions) for (let k = m.tokStart; k < m.tokEnd; k++) covered.add(k);
  for (const a of ambiguous) {
    if ([...Array(a.tokEnd - a.tokStart).keys()].some((k) => covered.has(a.tokStart + k))) {
      // Already found as a new person by a name pattern: record the candidate on that person.
      const over = state.mentions.find((m) => m.tokStart < a.tokEnd && a.tokStart < m.tokEnd);
      const e = over && state.entries.get(over.id);
      if (e?.discovered && e.kind === "PERSON" && e.id !== a.entry.id && sameSurname(e.name, a.entry.name))
        e.candidates = [...new Set([...(e.candidates ?? []), a.entry.id])];
      continue;
    }
    const { tokens, text } = state.doc;
    const name = text.slice(tokens[a.tokStart].start, tokens[a.tokEnd - 1].end);
    const id = registerEntity(state, name, "actor", "PERSON", tokens[a.tokStart].arabic);
    const e = state.entries.get(id);
    if (e && id !== a.entry.id) e.candidates = [...new Set([...(e.candidates ?? []), a.entry.id])];
    addMention(state, a.tokStart, a.tokEnd, id, 0.6, covered);
  }
}

/** True when one name is the other's tail ("al-Shammari" / "Ali al-Shammari"): not conflicting, so possibly one person. */
function sameSurname(a: string, b: string): boolean {
  const x = nameTokens(a).join(" ");
  const y = nameTokens(b).join(" ");
  return x === y || y.endsWith(` ${x}`) || x.endsWith(` ${y}`);
}
