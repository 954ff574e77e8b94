import type { Database } from "../../src/db/database.ts";
import { createExport } from "../../src/export/export-stream.ts";
import { parseExportRequest, type RawParams } from "../../src/export/selection.ts";

/** The seed article alone in the test graph. */
export { loadSeed } from "../helpers/graph.ts";

/** A whole export in memory (fine for the seed; the streaming tests read chunk by chunk). */
export async function exportBytes(db: Database, raw: RawParams): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of createExport(db, parseExportRequest(raw)).chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

export interface SourceNode {
  label: string;
  display: string;
  nameAr: string | null;
  confidence: number | null;
  earliest: string | null;
  latest: string | null;
  edtf: string | null;
  articleIds: string[];
  spans: number;
}

/**
 * What the graph holds, read with plain Cypher independent of the export
 * code: every entity node and every relationship between entities.
 */
export async function sourceGraph(db: Database, ids?: string[]) {
  const nodes = await db.read({
    cypher: `MATCH (n) WHERE (n:Actor OR n:Location OR n:Event OR n:Claim) AND ($ids IS NULL OR n.id IN $ids)
RETURN n.id AS id, labels(n)[0] AS label, coalesce(n.name, n.title, n.gloss, n.text) AS display, n.nameAr AS nameAr,
  n.confidence AS confidence, toString(coalesce(n.start, n.statedAt)) AS earliest, toString(n.end) AS latest,
  n.edtf AS edtf, [(a:Article)-[:MENTIONS|REPORTS|CONTAINS]->(n) | a.id] AS articleIds,
  reduce(s = 0, m IN [(:Article)-[m:MENTIONS|REPORTS|CONTAINS]->(n) | m] | s + size(m.starts)) AS spans`,
    params: { ids: ids ?? null },
  });
  const edges = await db.read({
    cypher: `MATCH (a)-[r]->(b) WHERE NOT a:Article AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
RETURN type(r) + ':' + a.id + '->' + b.id + CASE WHEN r.role IS NULL THEN '' ELSE '#' + r.role END AS key,
  r.evidence AS evidence`,
    params: { ids: ids ?? null },
  });
  return {
    nodes: new Map(nodes.records.map((r) => [r.get("id") as string, r.toObject() as unknown as SourceNode])),
    edges: new Map(edges.records.map((r) => [r.get("key") as string, r.get("evidence") as string[]])),
  };
}

/** Lists travel as JSON text in GraphML, GEXF and CSV. */
export const listOf = (v: unknown): string[] => (typeof v === "string" ? JSON.parse(v) : ((v as string[]) ?? []));
