import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { ingestArticle } from "../../src/ingest/ingest-article.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { normalizeArabic } from "../../src/text/arabic-normalize.ts";
import { runRasd } from "../helpers/cli.ts";
import { resetGraph, testDatabase } from "../helpers/graph.ts";
import { seedBundle } from "../helpers/seed.ts";
import { graphSnapshot } from "../helpers/snapshot.ts";

const seedText = "seeds/erem-2024-08-22.ar.txt";

async function ids(db: Database, label: "Actor" | "Location" | "Event" | "Claim"): Promise<string[]> {
  const r = await db.read({
    cypher: `MATCH (n) WHERE $label IN labels(n) RETURN n.id AS id ORDER BY id`,
    params: { label },
  });
  return r.records.map((x) => x.get("id"));
}

describe("ingesting the seed article as raw text (extraction → validated bundle → graph)", () => {
  let db: Database;
  before(async () => {
    db = await testDatabase();
  });
  beforeEach(async () => resetGraph(db));
  after(async () => db.close());

  it("yields a graph close to the hand-checked one: the same article, actors, places and as many events", async () => {
    const curated = seedBundle();
    const result = await ingestArticle(db, readFileSync(seedText), seedText);
    assert.equal(result.articleId, curated.article.id, "the same text gets the same article id");
    // A person new to the gazetteer gets a transliterated slug, so match by id or by Arabic name.
    const stored = await db.read({ cypher: "MATCH (a:Actor) RETURN a.id AS id, a.nameAr AS nameAr, a.name AS name" });
    const actors = new Set(
      stored.records.flatMap((r) => [r.get("id"), normalizeArabic(r.get("nameAr") ?? r.get("name"))]),
    );
    const named = curated.actors.filter((a) => a.kind !== "ANONYMOUS_SOURCE" && a.kind !== "GROUP");
    const found = named.filter((a) => actors.has(a.id) || actors.has(normalizeArabic(a.nameAr ?? "")));
    assert.ok(found.length / named.length >= 0.85, `named actors found: ${found.length}/${named.length}`);
    const locations = new Set(await ids(db, "Location"));
    for (const id of ["location:iraq", "location:ain-al-asad-air-base", "location:syria"])
      assert.ok(locations.has(id), id);
    const events = await ids(db, "Event");
    assert.ok(
      Math.abs(events.length - curated.events.length) <= 3,
      `${events.length} events vs ${curated.events.length}`,
    );
    const attacks = await db.read({
      cypher: `MATCH (e:Event)-[:OCCURRED_IN]->(:Location {id: 'location:ain-al-asad-air-base'})
        WHERE e.type IN ['ATTACK', 'AIRSTRIKE', 'SHELLING'] RETURN count(e) AS n`,
    });
    assert.ok(attacks.records[0].get("n") >= 1, "an attack at Ain al-Asad is found");
    const claims = await ids(db, "Claim");
    assert.ok(claims.length >= curated.claims.length - 2, `${claims.length} claims vs ${curated.claims.length}`);
  });

  it("merges into the curated article and its entities instead of duplicating them", async () => {
    await ingestBundle(db, seedBundle());
    const before = await graphSnapshot(db);
    await ingestArticle(db, readFileSync(seedText), seedText);
    const articles = await db.read({ cypher: "MATCH (a:Article) RETURN count(a) AS n" });
    assert.equal(articles.records[0].get("n"), 1);
    const iraq = await db.read({ cypher: "MATCH (l:Location) WHERE l.name = 'Iraq' RETURN count(l) AS n" });
    assert.equal(iraq.records[0].get("n"), 1, "one Iraq");
    assert.ok((await graphSnapshot(db)).nodes >= before.nodes);
  });

  it("rasd extract prints a valid bundle and writes nothing; rasd ingest stores it", async () => {
    const before = await graphSnapshot(db);
    const extracted = await runRasd(["extract", seedText], process.env);
    assert.equal(extracted.code, 0, extracted.stderr);
    const bundle = JSON.parse(extracted.stdout);
    assert.equal(bundle.article.id, seedBundle().article.id);
    assert.ok(bundle.events.length > 0);
    assert.deepEqual(await graphSnapshot(db), before, "extract writes nothing");

    const ingested = await runRasd(["ingest", seedText], process.env);
    assert.equal(ingested.code, 0, ingested.stderr);
    assert.match(ingested.stderr, /\d+ actors, \d+ locations, \d+ events, \d+ claims/);
    assert.ok((await ids(db, "Event")).length > 0);
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    const emptyFile = join(mkdtempSync(join(tmpdir(), "rasd-empty-")), "empty.txt");
    writeFileSync(emptyFile, "");
    const empty = await runRasd(["ingest", emptyFile], process.env);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /empty/i);
    // A device is not an article file: named as such, not read.
    const device = await runRasd(["ingest", "/dev/null"], process.env);
    assert.equal(device.code, 1);
    assert.match(device.stderr, /not a file/i);
    const binary = await runRasd(["extract", "node_modules/.bin/tsx"], process.env);
    assert.notEqual(binary.code, 0);
    assert.equal((await graphSnapshot(db)).nodes, 0);
  });
});
