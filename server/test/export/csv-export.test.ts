import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import type { Database } from "../../src/db/database.ts";
import { seededDatabase } from "../helpers/graph.ts";
import { exportBytes, listOf, sourceGraph } from "./fixtures.ts";

let db: Database;
before(async () => {
  db = await seededDatabase();
});
after(() => db.close());

const rows = (bytes: Uint8Array | Buffer) =>
  parse(Buffer.from(bytes).toString("utf8"), { columns: true, bom: false }) as Record<string, string>[];

async function checkTables(nodes: Record<string, string>[], edges: Record<string, string>[]) {
  const src = await sourceGraph(db);
  assert.equal(nodes.length, src.nodes.size);
  assert.equal(edges.length, src.edges.size);
  for (const row of nodes) {
    const n = src.nodes.get(row.id);
    assert.ok(n, row.id);
    assert.equal(row.category, n.label);
    assert.equal(row.label, n.display, row.id);
    assert.equal(row.nameAr || null, n.nameAr, `${row.id} keeps its Arabic name`);
    assert.equal(row.confidence === "" ? null : Number(row.confidence), n.confidence);
    assert.equal(row.earliest || null, n.earliest);
    assert.deepEqual(listOf(row.articleIds).sort(), [...new Set(n.articleIds)].sort());
  }
  for (const row of edges) assert.deepEqual(listOf(row.evidence), src.edges.get(row.id), row.id);
}

test("CSV node and edge tables parse back with csv-parse to the source graph, Arabic and quotes intact", async () => {
  const nodes = await exportBytes(db, { format: "csv", all: "1" });
  const edges = await exportBytes(db, { format: "csv", all: "1", table: "edges" });
  assert.notEqual(nodes[0], 0xef, "no byte-order mark: pandas and R read the header as is");
  assert.match(nodes.toString("utf8").split("\n")[0], /^id,label,category,name,nameAr,/);
  await checkTables(rows(nodes), rows(edges));
});

test("the zipped pair holds the same two tables", async () => {
  const files = unzipSync(await exportBytes(db, { format: "csv-zip", all: "1" }));
  assert.deepEqual(Object.keys(files).sort(), ["edges.csv", "nodes.csv"]);
  await checkTables(rows(files["nodes.csv"]), rows(files["edges.csv"]));
});

test("neo4j-admin import CSV has typed headers, an ID space, labels, types and the import command", async () => {
  const files = unzipSync(await exportBytes(db, { format: "neo4j-csv", all: "1" }));
  const nodeText = Buffer.from(files["nodes.csv"]).toString("utf8");
  const header = nodeText.split("\n")[0].split(",");
  assert.deepEqual(header.slice(0, 2), ["id:ID", ":LABEL"]);
  for (const h of ["confidence:float", "aliases:string[]", "earliest:datetime", "point:point{crs:WGS-84}"])
    assert.ok(header.includes(h), h);
  const nodes = parse(nodeText, { columns: true }) as Record<string, string>[];
  const src = await sourceGraph(db);
  assert.equal(nodes.length, src.nodes.size);
  const base = nodes.find((n) => n["point:point{crs:WGS-84}"]);
  assert.match(base?.["point:point{crs:WGS-84}"] ?? "", /^\{latitude:[-\d.]+, longitude:[-\d.]+\}$/);
  const edges = parse(Buffer.from(files["edges.csv"]).toString("utf8"), { columns: true }) as Record<string, string>[];
  assert.equal(edges.length, src.edges.size);
  for (const e of edges) assert.deepEqual(e["evidence:string[]"].split(";"), src.edges.get(e.key), e.key);
  assert.match(Buffer.from(files["import.sh"]).toString("utf8"), /neo4j-admin database import full/);
});
