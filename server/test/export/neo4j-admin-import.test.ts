import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { unzipSync } from "fflate";
import type { Database } from "../../src/db/database.ts";
import { ensureNeo4jInstalled, javaCommand } from "../../src/neo4j-managed/install.ts";
import { seededDatabase } from "../helpers/graph.ts";
import { exportBytes, sourceGraph } from "./fixtures.ts";

let db: Database;
const dir = mkdtempSync(join(tmpdir(), "rasd-neo4j-admin-"));
before(async () => {
  db = await seededDatabase();
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.close();
});

test("the neo4j-csv archive loads with the real neo4j-admin import into an empty database", async () => {
  const files = unzipSync(await exportBytes(db, { format: "neo4j-csv", all: "1" }));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const home = join(dir, "home");
  mkdirSync(join(home, "conf"), { recursive: true });
  // The same Neo4j jars the managed server runs on carry neo4j-admin (org.neo4j.cli.AdminTool).
  const r = spawnSync(
    javaCommand(),
    [
      "-cp",
      ensureNeo4jInstalled(),
      "org.neo4j.cli.AdminTool",
      "database",
      "import",
      "full",
      "neo4j",
      "--nodes=nodes.csv",
      "--relationships=edges.csv",
      "--array-delimiter=;",
      "--multiline-fields=true",
      "--overwrite-destination=true",
    ],
    { cwd: dir, env: { ...process.env, NEO4J_HOME: home }, encoding: "utf8", timeout: 240_000 },
  );
  const out = `${r.stdout}${r.stderr}`;
  assert.equal(r.status, 0, out.slice(-2000));
  const src = await sourceGraph(db);
  assert.match(out, new RegExp(`Imported:\\s+${src.nodes.size} nodes\\s+${src.edges.size} relationships`));
});
