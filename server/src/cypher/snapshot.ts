import type { Statement } from "../db/database.ts";
import { GRAPH_RELATIONS, MERGE_RECORD, NODE_LABELS, RESOLUTION_EDGES } from "../model/vocabulary.ts";
import { pointMergedIds } from "./merged-ids.ts";
import { keepSpanClass } from "./span-class.ts";
import { applyCounts, countKey } from "./timeline-counts.ts";

/**
 * Snapshots of nodes (their properties, and optionally every tie they have)
 * and the statements that put a snapshot back: what audit entries record as
 * "before"/"after" and what undo restores. Labels and relationship types come
 * from these allow-lists only; property values are always parameters.
 */
export const SNAPSHOT_LABELS = [...NODE_LABELS, MERGE_RECORD] as const;
export type SnapshotLabel = (typeof SNAPSHOT_LABELS)[number];
const TIE_TYPES: readonly string[] = [...GRAPH_RELATIONS, ...RESOLUTION_EDGES];

function checkLabel(label: string): asserts label is SnapshotLabel {
  if (!(SNAPSHOT_LABELS as readonly string[]).includes(label)) throw new Error(`invalid snapshot label: ${label}`);
}

function checkType(type: string) {
  if (!TIE_TYPES.includes(type)) throw new Error(`invalid relationship type: ${type}`);
}

// valueType() tells integers from floats and names dates and points, so a restore writes the same types back.
const typesOf = (v: string) => `[k IN keys(${v}) | [k, valueType(${v}[k])]]`;

/** Nodes of one label with their properties (and, with `ties`, every relationship and the node at its other end). */
export function readNodes(label: string, ids: string[], ties: boolean): Statement {
  checkLabel(label);
  const tieList = ties
    ? `[(n)-[r]-(o) | {type: type(r), out: startNode(r) = n, other: o.id, otherLabel: head(labels(o)),
    props: properties(r), types: ${typesOf("r")}}]`
    : "null";
  return {
    cypher: `MATCH (n:${label}) WHERE n.id IN $ids
RETURN n.id AS id, properties(n) AS props, ${typesOf("n")} AS types, ${tieList} AS ties`,
    params: { ids },
  };
}

/**
 * Writes nodes back with exactly these properties (creating the missing ones).
 * Events leave their old day in the timeline aggregates and join the restored one.
 */
export function restoreNodes(label: string, rows: { id: string; props: Record<string, unknown> }[]): Statement {
  checkLabel(label);
  // An actor's or place's merged ids come back with it: the lookup points at it again.
  if (label !== "Event")
    return {
      cypher: `UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
SET n = row.props${label === "Actor" || label === "Location" ? `\n${pointMergedIds("n")}` : ""}`,
      params: { rows },
    };
  return {
    cypher: `UNWIND $rows AS row
OPTIONAL MATCH (old:Event {id: row.id})
WITH row, old, CASE WHEN old IS NULL THEN [] ELSE [${countKey("old", -1)}] END AS minus
${applyCounts("minus", "minus")}
MERGE (e:Event {id: row.id})
SET e = row.props
// A snapshot taken before events had a span class restores none: it is derived from the dates again.
${keepSpanClass("e")}
WITH e
${applyCounts("e", `[${countKey("e", 1)}]`)}`,
    params: { rows },
  };
}

/** Removes nodes (events leave the aggregates first). */
export function deleteNodes(label: string, ids: string[]): Statement {
  checkLabel(label);
  const counts = label === "Event" ? `${applyCounts("n", `[${countKey("n", -1)}]`)}\n` : "";
  return { cypher: `MATCH (n:${label}) WHERE n.id IN $ids\n${counts}DETACH DELETE n`, params: { ids } };
}

/** Every tie of these nodes goes; restoreTies puts back the recorded ones. */
export function dropTies(label: string, ids: string[]): Statement {
  checkLabel(label);
  return { cypher: `MATCH (n:${label})-[r]-() WHERE n.id IN $ids DELETE r`, params: { ids } };
}

/** Recreates ties of one type between two labels; returns how many were made (fewer: an end node is gone). */
export function restoreTies(
  type: string,
  fromLabel: string,
  toLabel: string,
  rows: { from: string; to: string; props: Record<string, unknown> }[],
): Statement {
  checkType(type);
  checkLabel(fromLabel);
  checkLabel(toLabel);
  return {
    cypher: `UNWIND $rows AS row
MATCH (a:${fromLabel} {id: row.from})
MATCH (b:${toLabel} {id: row.to})
CREATE (a)-[r:${type}]->(b)
SET r = row.props
RETURN count(r) AS made`,
    params: { rows },
  };
}
