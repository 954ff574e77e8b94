import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { undo } from "../../src/edit/audit.ts";
import { setRole } from "../../src/edit/event-ties.ts";
import { replayScript } from "../../src/export/replay-script.ts";
import { notDerived } from "../../src/model/vocabulary.ts";
import { resetGraph, testDatabase } from "../helpers/graph.ts";
import { graphSnapshot } from "../helpers/snapshot.ts";
import { exportBytes, loadSeed } from "./fixtures.ts";

let db: Database;
const dir = mkdtempSync(join(tmpdir(), "rasd-export-"));
before(async () => {
  db = await testDatabase();
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.close();
});

/** Every node and relationship with each property's value and Cypher type (1 and 1.0 differ here). */
async function typedRows(db: Database, ids?: string[]): Promise<Map<string, string>> {
  const r = await db.read({
    cypher: `CALL () {
  MATCH (n) WHERE ($ids IS NULL OR n.id IN $ids) AND ${notDerived("n")}
  RETURN labels(n)[0] + ' ' + n.id AS key, n AS x
  UNION ALL
  MATCH (a)-[r]->(b) WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
  RETURN a.id + ' ' + type(r) + ' ' + b.id + ' ' + coalesce(r.role, '') AS key, r AS x
}
RETURN key, [k IN keys(x) | [k, valueType(x[k])]] AS types, properties(x) AS values`,
    params: { ids: ids ?? null },
  });
  const out = new Map<string, string>();
  for (const rec of r.records) {
    const values = rec.get("values") as Record<string, unknown>;
    const props = (rec.get("types") as string[][])
      .map(([k, t]) => [k, t, String(values[k])])
      .sort((a, b) => a[0].localeCompare(b[0]));
    assert.ok(!out.has(rec.get("key")), `one element per key: ${rec.get("key")}`);
    out.set(rec.get("key"), JSON.stringify(props));
  }
  return out;
}

async function replay(name: string, script: Buffer) {
  const path = join(dir, name);
  writeFileSync(path, script);
  await resetGraph(db);
  return replayScript(db, path);
}

test("a full backup restored into an empty graph has identical counts, property checksum and property types", async () => {
  await loadSeed(db);
  // Values JSON cannot tell apart or hold: integers, dates, durations, points, lists of each.
  await db.write({
    cypher: `MATCH (a:Actor) WITH a ORDER BY a.id LIMIT 1
SET a.count = 3, a.ratio = 3.0, a.born = date('1970-01-02'), a.span = duration('P1DT2H'),
    a.seenAt = localdatetime('2024-08-22T10:00:00'), a.flags = [1, 2], a.weights = [0.5, 1.0], a.ok = true,
    a.home = point({x: 1.5, y: 2.5}), a.note = 'line one\\nline "two" \`three\` \\\\ ;'`,
  });
  // An analyst's edit and its undo: the audit log (before/after JSON, undo links) is part of the backup.
  const { auditId } = await setRole(db, "amira", {
    event: "event:attacks-on-us-forces-at-ain-al-asad-2024-08",
    actor: "actor:iraqi-armed-factions",
    role: "PARTICIPANT",
  });
  await undo(db, auditId, "amira");
  const before = await graphSnapshot(db);
  const typedBefore = await typedRows(db);
  assert.equal([...typedBefore.keys()].filter((k) => k.startsWith("AuditEntry ")).length, 2);
  const summary = await replay("backup.cypher", await exportBytes(db, { format: "cypher", all: "1" }));
  assert.deepEqual(await graphSnapshot(db), before);
  assert.deepEqual(await typedRows(db), typedBefore);
  assert.deepEqual(summary.complete, { nodes: before.nodes, relationships: before.relationships });
});

test("a subgraph's Cypher script rebuilds exactly its nodes, their articles and the relationships among them", async () => {
  await loadSeed(db);
  const seed = "actor:coordination-of-iraqi-resistance";
  const reach = await db.read({
    cypher: `MATCH (s:Actor {id: $seed})-[:PARTICIPATED_IN|OCCURRED_IN|MADE|ABOUT|TOLD_TO|SUPPORTS|DISPUTES|AFFILIATED_WITH|ALLIED_WITH|OPPOSES|LEADS|WITHIN]-(n)
WITH s, collect(DISTINCT n) AS near
WITH near + s AS ns
UNWIND ns AS n OPTIONAL MATCH (a:Article)-[:MENTIONS|REPORTS|CONTAINS]->(n)
WITH ns, collect(DISTINCT a.id) AS articles
RETURN [x IN ns | x.id] + articles AS ids`,
    params: { seed },
  });
  const ids = [...new Set(reach.records[0].get("ids") as string[])];
  const expected = await typedRows(db, ids);
  const script = await exportBytes(db, { format: "cypher", ids: seed, hops: "1" });
  assert.match(script.toString("utf8"), /^:param rows => \[/m);
  assert.match(script.toString("utf8"), /^UNWIND \$rows AS row$/m);
  await replay("subgraph.cypher", script);
  const rebuilt = await typedRows(db);
  assert.deepEqual([...rebuilt.keys()].sort(), [...expected.keys()].sort());
  for (const [key, props] of expected) assert.equal(rebuilt.get(key), props, key);
});

test("replaying a script twice changes nothing: every statement is a MERGE", async () => {
  await loadSeed(db);
  const path = join(dir, "twice.cypher");
  writeFileSync(path, await exportBytes(db, { format: "cypher", all: "1" }));
  const before = await graphSnapshot(db);
  await replayScript(db, path);
  assert.deepEqual(await graphSnapshot(db), before);
});
