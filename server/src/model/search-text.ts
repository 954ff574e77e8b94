import { normalizeArabic } from "../text/arabic-normalize.ts";

/**
 * The search-folding rule, written once: what a node's `searchText` (the
 * full-text indexed property) holds and which Arabic-folded names it keeps, so
 * "الأسد" and "الاسد" both find it. The ingest path, event edits and merges
 * all use these; named nodes gain names from several articles inside the
 * database, so their rule also has a Cypher twin generated here.
 */

/** The Arabic-folded forms of names that differ from the name as written. */
export function foldedNames(names: Iterable<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const n of names) {
    if (!n) continue;
    const folded = normalizeArabic(n);
    if (folded !== n) out.add(folded);
  }
  return [...out];
}

export function eventSearchText(title: string, summary: string | null | undefined): string {
  return [title, summary ?? "", normalizeArabic(title)].join(" ");
}

export function claimSearchText(text: string, gloss: string | null | undefined): string {
  return [text, normalizeArabic(text), gloss ?? ""].join(" ");
}

/** An actor's or location's searchText: its name, Arabic name, aliases and their folded forms. */
export function namedSearchText(n: {
  name: string;
  nameAr?: string | null;
  aliases?: readonly string[];
  normNames?: readonly string[];
}): string {
  return [n.name, n.nameAr ?? "", ...(n.aliases ?? []), ...(n.normNames ?? [])].join(" ");
}

/** {@link namedSearchText} in Cypher, for a node variable `v` whose aliases and normNames are already set. */
export const namedSearchTextCypher = (v: string) =>
  `reduce(s = ${v}.name + ' ' + coalesce(${v}.nameAr, ''), x IN coalesce(${v}.aliases, []) + coalesce(${v}.normNames, []) | s + ' ' + x)`;
