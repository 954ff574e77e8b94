import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { startTestApp } from "../helpers/app.ts";
import { emptyDatabase } from "../helpers/graph.ts";

describe("the HTTP server", () => {
  let db: Database;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  before(async () => {
    db = await emptyDatabase();
    app = await startTestApp(db);
  });
  after(async () => {
    await app.stop();
    await db.close();
  });

  it("reports the database state on /healthz", async () => {
    const r = await fetch(`${app.url}/healthz`);
    assert.equal(r.status, 200);
    const body = await r.json();
    assert.equal(body.status, "ok");
    assert.equal(body.database.state, "up");
  });

  it("serves the client at / and GraphQL at /graphql", async () => {
    const page = await fetch(`${app.url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="app"|<main id="app"/);
    const gql = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ events { totalCount edges { node { id } } } }" }),
    });
    assert.equal(gql.status, 200);
    assert.deepEqual((await gql.json()).data, { events: { totalCount: 0, edges: [] } });
  });
});

describe("the HTTP server without a database", () => {
  it("says the database is down on /healthz with 503", async () => {
    const { Database } = await import("../../src/db/database.ts");
    const dead = new Database("bolt://127.0.0.1:1", "neo4j", "x");
    const app = await startTestApp(dead);
    try {
      const r = await fetch(`${app.url}/healthz`);
      assert.equal(r.status, 503);
      assert.equal((await r.json()).database.state, "down");
    } finally {
      await app.stop();
      await dead.close();
    }
  });
});
