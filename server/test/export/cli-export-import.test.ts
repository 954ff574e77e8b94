import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { exportCommand } from "../../src/cli/export-command.ts";
import { importCommand } from "../../src/cli/import-command.ts";
import type { Database } from "../../src/db/database.ts";
import { resetGraph, seededDatabase } from "../helpers/graph.ts";
import { graphSnapshot } from "../helpers/snapshot.ts";

let db: Database;
const dir = mkdtempSync(join(tmpdir(), "rasd-cli-export-"));
before(async () => {
  db = await seededDatabase();
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.close();
});

test("rasd export --all then rasd import into an empty graph loses nothing", async () => {
  const before = await graphSnapshot(db);
  const file = join(dir, "backup.cypher");
  assert.equal(await exportCommand(["--all", "--out", file]), 0);
  await resetGraph(db);
  assert.equal((await graphSnapshot(db)).nodes, 0);
  assert.equal(await importCommand([file]), 0);
  assert.deepEqual(await graphSnapshot(db), before);
});

test("rasd export --format csv writes nodes.csv and edges.csv into the --out folder", async () => {
  const folder = join(dir, "tables");
  const code = await exportCommand([
    "--format",
    "csv",
    "--ids",
    "actor:coordination-of-iraqi-resistance",
    "--out",
    folder,
  ]);
  assert.equal(code, 0);
  assert.match(readFileSync(join(folder, "nodes.csv"), "utf8"), /^id,label,category/);
  assert.ok(existsSync(join(folder, "edges.csv")));
});

test("rasd import refuses a script cut short, and a bad selection fails before connecting", async () => {
  const full = readFileSync(join(dir, "backup.cypher"), "utf8").split("\n");
  const cut = join(dir, "cut.cypher");
  writeFileSync(cut, `${full.slice(0, 12).join("\n")}\n`);
  assert.equal(await importCommand([cut]), 1);
  await assert.rejects(exportCommand(["--format", "graphml", "--hops", "5", "--ids", "x"]), /invalid hops/);
});
