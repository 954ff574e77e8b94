import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { testYoga } from "../graphql/gql.ts";
import { startTestApp } from "../helpers/app.ts";
import { seededDatabase } from "../helpers/graph.ts";

let db: Database;
before(async () => {
  db = await seededDatabase();
});
after(() => db.close());

const query = `query Link($format: ExportFormat!, $ids: [ID!], $hops: Int, $from: String, $all: Boolean) {
  exportSubgraph(format: $format, ids: $ids, hops: $hops, from: $from, all: $all) {
    __typename
    ... on ExportLink { url format filename contentType }
    ... on ValidationError { message issues { path message } }
  }
}`;

test("exportSubgraph answers with the /export link for the same selection, and the link downloads it", async () => {
  const gql = testYoga(db);
  const { status, body } = await gql.post(query, {
    format: "GEXF",
    ids: ["event:factions-threaten-to-end-truce-2024-08"],
    hops: 2,
    from: "2024-01-01",
  });
  assert.equal(status, 200);
  const link = (body as { data: { exportSubgraph: Record<string, string> } }).data.exportSubgraph;
  assert.equal(link.__typename, "ExportLink");
  assert.equal(link.format, "GEXF");
  assert.match(
    link.url,
    /^\/export\?format=gexf&ids=event%3Afactions-threaten-to-end-truce-2024-08&hops=2&from=2024-01-01/,
  );
  assert.match(link.filename, /^rasd-subgraph-.*\.gexf$/);
  const app = await startTestApp(db);
  try {
    const res = await fetch(`${app.url}${link.url}`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /<node id="event:factions-threaten-to-end-truce-2024-08"/);
  } finally {
    await app.stop();
  }
});

test("a bad selection is a ValidationError naming the argument", async () => {
  const gql = testYoga(db);
  const { body } = await gql.post(query, { format: "CSV_ZIP", hops: 9, ids: ["x"] });
  const r = (body as { data: { exportSubgraph: { __typename: string; issues: { path: string }[] } } }).data
    .exportSubgraph;
  assert.equal(r.__typename, "ValidationError");
  assert.equal(r.issues[0].path, "hops");
});

test("exportSubgraph needs a reader when reads are closed", async () => {
  const gql = testYoga(db, {
    settings: { apiKeys: [], openReads: false, graphiql: false, queryTimeoutMs: 60000 } as never,
  });
  const { status, body } = await gql.post(query, { format: "GRAPHML", all: true });
  assert.equal(status, 401, JSON.stringify(body));
});
