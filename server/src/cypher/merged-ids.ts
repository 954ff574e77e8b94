import type { Statement } from "../db/database.ts";
import { MERGED_ID } from "../model/vocabulary.ts";

/**
 * The lookup of actors and places merged away: one (:MergedId {id, into})
 * node per id in some node's `mergedIds` list, on a uniqueness constraint
 * (schema/migrations/011-merged-id-lookup.cypher), so ingest finds the node
 * an incoming id was merged into by an index seek instead of reading every
 * node of the label (no index holds a list property). `mergedIds` stays the
 * truth: a reader checks that `into` still lists the id, so a lookup node
 * left behind (an undone merge, a deleted node) answers nothing.
 */

/** Cypher that points the lookup at node `v` for every id it lists (after its `mergedIds` changed). */
export const pointMergedIds = (v: string) =>
  `FOREACH (mergedId IN coalesce(${v}.mergedIds, []) | MERGE (lookup:${MERGED_ID} {id: mergedId}) SET lookup.into = ${v}.id)`;

/** A COLLECT subquery: the id of the `label` node that `idExpr` was merged into, or null. */
export const mergedInto = (label: "Actor" | "Location", idExpr: string) =>
  `COLLECT { MATCH (lookup:${MERGED_ID} {id: ${idExpr}}) MATCH (m:${label} {id: lookup.into})
    WHERE ${idExpr} IN m.mergedIds RETURN m.id }[0]`;

/**
 * Rebuilds the whole lookup from the actors' and places' `mergedIds`: once for
 * a graph that predates it (db/migrations.ts), and after an import, which
 * writes nodes past the merge path. Idempotent.
 */
export function rebuildMergedIdLookup(): Statement[] {
  return [
    { cypher: `MATCH (lookup:${MERGED_ID}) DELETE lookup` },
    {
      cypher: `MATCH (n) WHERE (n:Actor OR n:Location) AND n.mergedIds IS NOT NULL
${pointMergedIds("n")}`,
    },
  ];
}
