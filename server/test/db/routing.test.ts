import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Database } from "../../src/db/database.ts";
import { runMigrations } from "../../src/db/migrations.ts";
import { EDITOR_KEY, testYoga } from "../graphql/gql.ts";
import { resetGraph } from "../helpers/graph.ts";
import { seedBundle } from "../helpers/seed.ts";

/**
 * A cluster or Aura is addressed as neo4j://: the driver asks the server for
 * its routing table and sends read transactions to readers and write
 * transactions to the leader. The managed Neo4j answers routing requests as a
 * one-member cluster, so the same driver path runs here: migrations, an
 * ingest, the timeline and event pages, an edit and a delete.
 */
describe("the API through the routing driver (neo4j://)", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;

  before(async () => {
    const bolt = process.env.NEO4J_URI;
    if (!bolt?.startsWith("bolt://")) throw new Error("the test runner's NEO4J_URI (bolt://host:port) is needed");
    const uri = bolt.replace(/^bolt:/, "neo4j:");
    db = new Database(uri, process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? "");
    await db.verify();
    await runMigrations(db);
    await resetGraph(db);
    gql = testYoga(db);
  });
  after(async () => db.close());

  it("routes reads and writes: ingest, timeline, pages, edit and delete", async () => {
    const bundle = seedBundle();
    const ing = await gql.data(
      `mutation I($b: JSON!) { ingestBundle(bundle: $b) { ... on IngestResult { articleId events } } }`,
      { b: bundle },
      EDITOR_KEY,
    );
    assert.equal(ing.ingestBundle.events, bundle.events.length);
    const t = await gql.data(
      `{ timeline(from: "2024-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z", buckets: 12) { total events { id } }
         events(first: 2) { totalCount totalCountIsExact nodes { id } pageInfo { endCursor hasNextPage } } }`,
    );
    assert.ok(t.timeline.total > 0);
    assert.equal(t.events.totalCount, bundle.events.length);
    const next = await gql.data(`query N($a: String) { events(first: 2, after: $a) { nodes { id } } }`, {
      a: t.events.pageInfo.endCursor,
    });
    assert.notDeepEqual(next.events.nodes, t.events.nodes);
    const id = t.events.nodes[0].id;
    await gql.data(
      `mutation U($id: ID!) { updateEvent(id: $id, input: {confidence: 0.5}) { ... on Event { confidence } } }`,
      { id },
      EDITOR_KEY,
    );
    const del = await gql.data(
      `mutation D($id: ID!) { deleteArticle(id: $id) { ... on DeleteArticleResult { events } } }`,
      { id: ing.ingestBundle.articleId },
      EDITOR_KEY,
    );
    assert.equal(del.deleteArticle.events, bundle.events.length);
    const after = await gql.data(`{ events(first: 1) { totalCount } }`);
    assert.equal(after.events.totalCount, 0);
  });
});
