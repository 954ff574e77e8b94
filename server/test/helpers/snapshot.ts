import { createHash } from "node:crypto";
import type { Database } from "../../src/db/database.ts";
import { notDerived } from "../../src/model/vocabulary.ts";

/**
 * Counts and a checksum of every node and relationship with all their
 * properties, so a test can prove a write changed nothing (or exactly what).
 * Derived nodes (timeline aggregates, migration marks) are left out (exports
 * leave them out, imports recount them), checked against a recount elsewhere.
 */
export async function graphSnapshot(db: Database): Promise<{ nodes: number; relationships: number; checksum: string }> {
  const nodes = await db.read({
    cypher: `MATCH (n) WHERE ${notDerived("n")} RETURN labels(n)[0] + ' ' + n.id AS key, properties(n) AS props ORDER BY key`,
  });
  const rels = await db.read({
    cypher: `MATCH (a)-[r]->(b) RETURN a.id + ' ' + type(r) + ' ' + b.id + ' ' + coalesce(r.role, '') AS key,
      properties(r) AS props ORDER BY key`,
  });
  const hash = createHash("sha256");
  for (const r of [...nodes.records, ...rels.records]) {
    const props = r.get("props") as Record<string, unknown>;
    const sorted = Object.keys(props)
      .sort()
      .map((k) => [k, String(props[k])]);
    hash.update(`${r.get("key")}\u0000${JSON.stringify(sorted)}\n`);
  }
  return { nodes: nodes.records.length, relationships: rels.records.length, checksum: hash.digest("hex") };
}
