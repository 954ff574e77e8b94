import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { EDITOR_KEY, READER_KEY, testYoga } from "../graphql/gql.ts";
import { emptyDatabase } from "../helpers/graph.ts";
import { seedBundle } from "../helpers/seed.ts";

const ingest = `mutation I($b: JSON!) { ingestBundle(bundle: $b) { __typename ... on IngestResult { articleId events } } }`;

describe("API keys and roles", () => {
  let db: Database;
  before(async () => {
    db = await emptyDatabase();
  });
  after(async () => db.close());

  it("lets anyone read when reads are open, but never write without an editor key", async () => {
    const gql = testYoga(db);
    assert.equal((await gql.post(`{ stats { events } }`)).status, 200);
    // Keyless callers read as readers when reads are open, so a write is forbidden rather than unauthenticated.
    const none = await gql.post(ingest, { b: seedBundle() });
    assert.equal(none.status, 403);
    assert.match(none.body.errors[0].message, /editor/);
    const reader = await gql.post(ingest, { b: seedBundle() }, READER_KEY);
    assert.equal(reader.status, 403);
    assert.match(reader.body.errors[0].message, /editor/);
    const editor = await gql.post(ingest, { b: seedBundle() }, EDITOR_KEY);
    assert.equal(editor.status, 200);
    assert.equal(editor.body.data.ingestBundle.events, 10);
  });

  it("refuses keyless reads when reads are closed, and unknown keys always", async () => {
    const gql = testYoga(db, {
      settings: {
        apiKeys: [{ key: READER_KEY, role: "reader" }],
        openReads: false,
        graphiql: false,
      },
    });
    assert.equal((await gql.post(`{ stats { events } }`)).status, 401);
    assert.equal((await gql.post(`{ stats { events } }`, {}, "not-a-key-at-all")).status, 401);
    assert.equal((await gql.post(`{ stats { events } }`, {}, READER_KEY)).status, 200);
  });

  it("turns introspection off when configured", async () => {
    const off = testYoga(db, { introspection: false });
    const refused = await off.post(`{ __schema { queryType { name } } }`);
    assert.equal(refused.body.data, undefined);
    assert.match(refused.body.errors[0].message, /introspection/i);
    const on = testYoga(db, { introspection: true });
    assert.equal((await on.post(`{ __schema { queryType { name } } }`)).status, 200);
  });
});
