import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { BundleValidationError } from "../../src/bundle/validate.ts";
import type { Database } from "../../src/db/database.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { resetGraph, testDatabase } from "../helpers/graph.ts";
import { seedBundle } from "../helpers/seed.ts";
import { graphSnapshot } from "../helpers/snapshot.ts";

describe("ingesting an article bundle", () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
  });
  beforeEach(async () => resetGraph(db));
  after(async () => db.close());

  it("stores every actor, location, event and claim of the seed bundle with its evidence", async () => {
    const bundle = seedBundle();
    await ingestBundle(db, bundle);
    const counts = await db.read({
      cypher: `RETURN COUNT { (:Actor) } AS actors, COUNT { (:Location) } AS locations,
        COUNT { (:Event) } AS events, COUNT { (:Claim) } AS claims, COUNT { (:Article) } AS articles`,
    });
    const c = counts.records[0];
    assert.equal(c.get("articles"), 1);
    assert.equal(c.get("actors"), bundle.actors.length);
    assert.equal(c.get("locations"), bundle.locations.length);
    assert.equal(c.get("events"), bundle.events.length);
    assert.equal(c.get("claims"), bundle.claims.length);
    const unsupported = await db.read({
      cypher: `MATCH (n) WHERE (n:Actor OR n:Location OR n:Event OR n:Claim) AND NOT EXISTS { (:Article)-->(n) }
        RETURN count(n) AS n`,
    });
    assert.equal(unsupported.records[0].get("n"), 0, "every entity is tied to the article that supports it");
  });

  it("quotes the right text: every stored span of a claim reads back as the claim's verbatim text", async () => {
    const bundle = seedBundle();
    await ingestBundle(db, bundle);
    const r = await db.read({
      cypher: `MATCH (a:Article)-[m:CONTAINS]->(c:Claim)
        RETURN c.id AS id, c.text AS text, [i IN range(0, size(m.starts) - 1) | substring(a.text, m.starts[i], m.ends[i] - m.starts[i])] AS quotes`,
    });
    assert.ok(r.records.length > 0);
    for (const rec of r.records) assert.ok(rec.get("quotes").includes(rec.get("text")), rec.get("id"));
  });

  it("is idempotent: ingesting the same bundle again changes nothing", async () => {
    await ingestBundle(db, seedBundle());
    const first = await graphSnapshot(db);
    await ingestBundle(db, seedBundle());
    assert.deepEqual(await graphSnapshot(db), first);
  });

  it("refuses an invalid bundle with the path and reason of each error, and writes nothing", async () => {
    await ingestBundle(db, seedBundle());
    const before = await graphSnapshot(db);
    const bad = seedBundle();
    bad.article.id = "article:other";
    bad.events[0].participants.push({ actor: "actor:nobody", role: "INITIATOR" });
    bad.claims[0].evidence[0].end = bad.article.text.length + 10;
    (bad.locations[0] as unknown as Record<string, unknown>).colour = "red";
    await assert.rejects(ingestBundle(db, bad), (error: unknown) => {
      assert.ok(error instanceof BundleValidationError);
      const paths = error.issues.map((i) => i.path);
      assert.ok(paths.includes("/locations/0"), `unknown property reported: ${paths}`);
      assert.match(error.message, /unknown property "colour"/);
      return true;
    });
    const semantic = seedBundle();
    semantic.article.id = "article:other";
    semantic.events[0].participants.push({ actor: "actor:nobody", role: "INITIATOR" });
    semantic.claims[0].evidence[0].end = semantic.article.text.length + 10;
    await assert.rejects(ingestBundle(db, semantic), (error: unknown) => {
      assert.ok(error instanceof BundleValidationError);
      const byPath = new Map(error.issues.map((i) => [i.path, i.message]));
      assert.match(
        byPath.get(`/events/0/participants/${semantic.events[0].participants.length - 1}/actor`) ?? "",
        /actor:nobody.*not defined/,
      );
      assert.match(byPath.get("/claims/0/evidence/0") ?? "", /past the end of article.text/);
      return true;
    });
    assert.deepEqual(await graphSnapshot(db), before, "a refused bundle writes nothing");
  });

  it("refuses a bundle that is not an object at all, naming the problem", async () => {
    await assert.rejects(ingestBundle(db, "hello"), /must be object/);
    await assert.rejects(ingestBundle(db, { bundleVersion: 1 }), /missing required property "article"/);
  });
});
