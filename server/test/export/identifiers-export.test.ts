import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { unzipSync } from "fflate";
import type { Database } from "../../src/db/database.ts";
import { setRole } from "../../src/edit/event-ties.ts";
import { updateNamed } from "../../src/edit/named.ts";
import { testDatabase } from "../helpers/graph.ts";
import { exportBytes, loadSeed } from "./fixtures.ts";

let db: Database;
before(async () => {
  db = await testDatabase();
  await loadSeed(db);
  await updateNamed(db, "amira", "actor:iraqi-armed-factions", { wikidataId: "Q98765" });
  await updateNamed(db, "amira", "location:ain-al-asad-air-base", { wikidataId: "Q1071379", geonamesId: 6301814 });
  await setRole(db, "amira", {
    event: "event:attacks-on-us-forces-at-ain-al-asad-2024-08",
    actor: "actor:iraqi-armed-factions",
    role: "PARTICIPANT",
  });
});
after(() => db.close());

test("Wikidata and GeoNames ids, and who asserted each fact, are in every export format", async () => {
  const text: Record<string, string> = {};
  for (const format of ["graphml", "gexf", "csv", "node-link", "cytoscape", "geojson", "cypher"])
    text[format] = (await exportBytes(db, { format, all: "1" })).toString("utf8");
  // CSV ties are in the edges table.
  text.csv += (await exportBytes(db, { format: "csv", all: "1", table: "edges" })).toString("utf8");
  const zipped = unzipSync(await exportBytes(db, { format: "neo4j-csv", all: "1" }));
  text["neo4j-csv"] = Buffer.from(zipped["nodes.csv"]).toString("utf8");
  for (const [format, body] of Object.entries(text)) {
    assert.ok(body.includes("Q98765"), `${format} has the actor's QID`);
    assert.ok(body.includes("6301814"), `${format} has the base's GeoNames id`);
    assert.ok(!body.includes("6301814.0"), `${format} writes the GeoNames id as an id`);
  }
  for (const format of ["graphml", "gexf", "csv", "node-link", "cytoscape", "cypher"])
    assert.ok(text[format].includes("ANALYST") && text[format].includes("amira"), `${format} says who asserted a tie`);
});

test("the full backup carries the audit log", async () => {
  const script = (await exportBytes(db, { format: "cypher", all: "1" })).toString("utf8");
  const entries = await db.read({ cypher: "MATCH (x:AuditEntry) RETURN x.id AS id" });
  assert.ok(entries.records.length >= 3);
  for (const r of entries.records) assert.ok(script.includes(r.get("id")), `backup holds ${r.get("id")}`);
  assert.match(script, /MERGE \(n:`?AuditEntry`? \{id: row\.id\}\)/);
});
