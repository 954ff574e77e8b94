import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { migrationStatements, runMigrations } from "../../src/db/migrations.ts";
import { testDatabase } from "../helpers/graph.ts";

describe("schema migrations", () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
  });
  after(async () => db.close());

  it("split a file into statements and drop comment lines", () => {
    assert.deepEqual(migrationStatements("// why\nCREATE A;\n\n// more\nCREATE B;\n"), ["CREATE A", "CREATE B"]);
  });

  it("are idempotent: running them again changes nothing", async () => {
    const before = await db.read({ cypher: "SHOW INDEXES YIELD name RETURN collect(name) AS names" });
    await runMigrations(db);
    await runMigrations(db);
    const after = await db.read({ cypher: "SHOW INDEXES YIELD name RETURN collect(name) AS names" });
    assert.deepEqual([...after.records[0].get("names")].sort(), [...before.records[0].get("names")].sort());
  });

  it("make every label's id unique, index event dates and full-text search names and claims in Arabic and English", async () => {
    const constraints = await db.read({
      cypher: `SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS'
        RETURN collect(labelsOrTypes[0] + '.' + properties[0]) AS c`,
    });
    for (const label of ["Article", "Actor", "Location", "Event", "Claim"])
      assert.ok(constraints.records[0].get("c").includes(`${label}.id`), label);
    const indexes = await db.read({
      cypher: `SHOW INDEXES YIELD name, type, labelsOrTypes, properties, options, state
        RETURN name, type, labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer, state`,
    });
    const byName = new Map(indexes.records.map((r) => [r.get("name"), r.toObject()]));
    assert.equal(byName.get("event_start")?.type, "RANGE");
    assert.deepEqual(byName.get("event_start")?.properties, ["start"]);
    assert.equal(byName.get("names_ar")?.analyzer, "arabic");
    assert.equal(byName.get("names_en")?.analyzer, "english");
    assert.equal(byName.get("claims_ar")?.analyzer, "arabic");
    assert.equal(byName.get("claims_en")?.analyzer, "english");
    for (const [name, index] of byName) assert.equal(index.state, "ONLINE", name);
  });
});
