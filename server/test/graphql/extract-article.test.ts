import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { validateBundle } from "../../src/bundle/validate.ts";
import type { Database } from "../../src/db/database.ts";
import { emptyDatabase } from "../helpers/graph.ts";
import { graphSnapshot } from "../helpers/snapshot.ts";
import { testYoga } from "./gql.ts";

const query = `query Preview($raw: String, $filename: String) {
  extractArticle(raw: $raw, filename: $filename) {
    __typename
    ... on ExtractedArticle { articleId events claims bundle }
    ... on ValidationError { message issues { path message } }
  }
}`;

describe("extractArticle: review what would be stored, writing nothing", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  before(async () => {
    db = await emptyDatabase();
    gql = testYoga(db);
  });
  after(async () => db.close());

  it("returns a valid bundle for the raw seed article and leaves the graph as it was", async () => {
    const raw = readFileSync("seeds/erem-2024-08-22.ar.txt", "utf8");
    const before = await graphSnapshot(db);
    const r = (await gql.data(query, { raw, filename: "seed.txt" })).extractArticle;
    assert.equal(r.__typename, "ExtractedArticle");
    assert.ok(r.events >= 5);
    validateBundle(r.bundle);
    assert.equal(r.bundle.article.id, r.articleId);
    assert.deepEqual(await graphSnapshot(db), before);
  });

  it("names the problem with empty input", async () => {
    const r = (await gql.data(query, { raw: "", filename: "x.txt" })).extractArticle;
    assert.equal(r.__typename, "ValidationError");
    assert.match(r.message, /empty/i);
  });
});
