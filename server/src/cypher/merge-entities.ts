import type { Statement } from "../db/database.ts";
import { namedSearchTextCypher } from "../model/search-text.ts";
import { ANALYTIC_TIES } from "../model/vocabulary.ts";
import { pointMergedIds } from "./merged-ids.ts";
import { applyCounts, countKey } from "./timeline-counts.ts";

/**
 * Merging duplicates: every tie of the merged nodes moves to the kept one
 * (evidence lists united, provenance spans united), names become aliases,
 * merged ids are remembered on the kept node, then the duplicates go (merged
 * events leave the timeline aggregates; the kept one stays as it was). One
 * statement per tie type and direction from this allow-list, all in one
 * transaction.
 */
export const MERGEABLE = ["Actor", "Location", "Event"] as const;
export type MergeLabel = (typeof MERGEABLE)[number];

export interface Tie {
  type: string;
  dir: "OUT" | "IN";
  kind?: "role" | "provenance";
}

export const TIES: Record<MergeLabel, Tie[]> = {
  Actor: [
    { type: "PARTICIPATED_IN", dir: "OUT", kind: "role" },
    { type: "MADE", dir: "OUT" },
    ...ANALYTIC_TIES.flatMap((type): Tie[] => [
      { type, dir: "OUT" },
      { type, dir: "IN" },
    ]),
    { type: "ABOUT", dir: "IN" },
    { type: "TOLD_TO", dir: "IN" },
    { type: "MENTIONS", dir: "IN", kind: "provenance" },
  ],
  Location: [
    { type: "WITHIN", dir: "OUT" },
    { type: "WITHIN", dir: "IN" },
    { type: "OCCURRED_IN", dir: "IN" },
    { type: "ABOUT", dir: "IN" },
    { type: "MENTIONS", dir: "IN", kind: "provenance" },
  ],
  Event: [
    { type: "PARTICIPATED_IN", dir: "IN", kind: "role" },
    { type: "OCCURRED_IN", dir: "OUT" },
    { type: "ABOUT", dir: "IN" },
    { type: "REPORTS", dir: "IN", kind: "provenance" },
  ],
};

function moveTie(label: MergeLabel, tie: Tie): string {
  const old = tie.dir === "OUT" ? `(dup)-[r:${tie.type}]->(x)` : `(x)-[r:${tie.type}]->(dup)`;
  const props = tie.kind === "role" ? " {role: r.role}" : "";
  const fresh = tie.dir === "OUT" ? `(keep)-[k:${tie.type}${props}]->(x)` : `(x)-[k:${tie.type}${props}]->(keep)`;
  const set =
    tie.kind === "provenance"
      ? `WITH k, r, [i IN range(0, size(r.starts) - 1) WHERE NOT any(j IN range(0, size(coalesce(k.starts, [])) - 1)
    WHERE k.starts[j] = r.starts[i] AND k.ends[j] = r.ends[i])] AS added
SET k.starts = coalesce(k.starts, []) + [i IN added | r.starts[i]], k.ends = coalesce(k.ends, []) + [i IN added | r.ends[i]],
    k.confidence = CASE WHEN k.confidence IS NULL OR r.confidence > k.confidence THEN r.confidence ELSE k.confidence END`
      : `SET k.evidence = coalesce(k.evidence, []) + [e IN coalesce(r.evidence, []) WHERE NOT e IN coalesce(k.evidence, [])],
    k.confidence = CASE WHEN k.confidence IS NULL OR r.confidence > k.confidence THEN r.confidence ELSE k.confidence END`;
  return `MATCH (keep:${label} {id: $keep})
MATCH (dup:${label}) WHERE dup.id IN $merge
MATCH ${old}
WHERE x <> keep AND NOT x.id IN $merge
MERGE ${fresh}
${set}
RETURN count(*) AS moved`;
}

/**
 * `normNames`: the Arabic-folded forms of the merged names (computed in JS,
 * where the folding lives). `parts`: what each merged node was (JSON: its id,
 * names, kind, identifiers and the articles that named it), kept on the
 * surviving node in `mergedParts` so splitEntity can give it back.
 */
export function mergeStatements(
  label: MergeLabel,
  keep: string,
  merge: string[],
  normNames: string[],
  parts: string[] = [],
): Statement[] {
  if (!MERGEABLE.includes(label)) throw new Error(`invalid merge label: ${label}`);
  const params = { keep, merge, normNames, parts };
  const names =
    label === "Event"
      ? `SET keep.searchText = keep.searchText + reduce(s = '', d IN dups | s + ' ' + coalesce(d.searchText, '')),
    keep.summary = coalesce(keep.summary, head([d IN dups WHERE d.summary IS NOT NULL | d.summary]))`
      : `WITH keep, dups, reduce(s = [], d IN dups | s + [d.name] + CASE WHEN d.nameAr IS NULL THEN [] ELSE [d.nameAr] END
    + coalesce(d.aliases, [])) AS names
SET keep.aliases = reduce(acc = coalesce(keep.aliases, []), x IN names |
      CASE WHEN x IN acc OR x = keep.name OR x = keep.nameAr THEN acc ELSE acc + x END),
    keep.normNames = reduce(acc = coalesce(keep.normNames, []), x IN $normNames | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    keep.nameAr = coalesce(keep.nameAr, head([d IN dups WHERE d.nameAr IS NOT NULL | d.nameAr])),
    keep.description = coalesce(keep.description, head([d IN dups WHERE d.description IS NOT NULL | d.description])),
    keep.wikidataId = coalesce(keep.wikidataId, head([d IN dups WHERE d.wikidataId IS NOT NULL | d.wikidataId])),
    keep.geonamesId = coalesce(keep.geonamesId, head([d IN dups WHERE d.geonamesId IS NOT NULL | d.geonamesId]))
SET keep.searchText = ${namedSearchTextCypher("keep")}`;
  return [
    ...TIES[label].map((tie) => ({ cypher: moveTie(label, tie), params })),
    {
      cypher: `MATCH (keep:${label} {id: $keep})
MATCH (dup:${label}) WHERE dup.id IN $merge
WITH keep, collect(dup) AS dups
${names}
SET keep.mergedParts = coalesce(keep.mergedParts, []) + $parts
SET keep.mergedIds = reduce(acc = coalesce(keep.mergedIds, []), x IN $merge + reduce(s = [], d IN dups | s + coalesce(d.mergedIds, [])) |
    CASE WHEN x IN acc THEN acc ELSE acc + x END)
${label === "Event" ? "" : `${pointMergedIds("keep")}\n`}WITH keep, dups
${label === "Event" ? applyCounts("dups", `[d IN dups | ${countKey("d", -1)}]`) : ""}
FOREACH (d IN dups | DETACH DELETE d)
RETURN keep.id AS id`,
      params,
    },
  ];
}

/** The nodes named by a merge (label from their id prefix), to check they exist and record what each was. */
export function mergeCandidates(label: MergeLabel, ids: string[]): Statement {
  if (!MERGEABLE.includes(label)) throw new Error(`invalid merge label: ${label}`);
  return {
    cypher: `MATCH (n:${label}) WHERE n.id IN $ids
RETURN n.id AS id, n.name AS name, n.nameAr AS nameAr, coalesce(n.aliases, []) AS aliases, n.kind AS kind,
  n.description AS description, n.wikidataId AS wikidataId, n.geonamesId AS geonamesId,
  [(a:Article)-[:MENTIONS]->(n) | a.id] AS articles`,
    params: { ids },
  };
}
