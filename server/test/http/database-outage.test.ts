import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { Database } from "../../src/db/database.ts";
import { startTestApp } from "../helpers/app.ts";
import { freePort } from "../helpers/managed-env.ts";

// Issue 9 item 6: with the database down, requests hung ~54 s and said
// "Unexpected error.". A port nothing listens on is a database that is down
// (the restart of a real one is in client/test/outage.browser.test.ts).
describe("GraphQL while the graph database is down", () => {
  let dead: Database;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  before(async () => {
    dead = new Database(`bolt://127.0.0.1:${await freePort()}`, "neo4j", "unused-password");
    app = await startTestApp(dead, { apiKeys: [{ key: "editor-key-123", role: "editor" }] });
  });
  after(async () => {
    await app.stop();
    await dead.close();
  });

  const post = async (query: string, accept: string, key?: string, variables: Record<string, unknown> = {}) => {
    const t0 = Date.now();
    const headers: Record<string, string> = { "content-type": "application/json", accept };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    return { response, body, ms: Date.now() - t0 };
  };

  it("a read fails within 5 s with DATABASE_UNAVAILABLE, a message a user understands, 503 and Retry-After", async () => {
    const { response, body, ms } = await post(
      "{ events(first: 5) { totalCount } }",
      "application/graphql-response+json",
    );
    assert.ok(ms < 5000, `answered in ${ms} ms`);
    assert.equal(response.status, 503);
    assert.equal(response.headers.get("retry-after"), "5");
    assert.equal(body.errors?.[0].extensions?.code, "DATABASE_UNAVAILABLE");
    assert.match(body.errors?.[0].message ?? "", /graph database is unavailable right now .*try again/i);
    assert.doesNotMatch(JSON.stringify(body), /Unexpected error/);
  });

  it("application/json keeps 200 as GraphQL-over-HTTP asks, with the same typed error", async () => {
    const { response, body, ms } = await post("{ stats { events } }", "application/json");
    assert.ok(ms < 5000, `answered in ${ms} ms`);
    assert.equal(response.status, 200);
    assert.equal(body.errors?.[0].extensions?.code, "DATABASE_UNAVAILABLE");
  });

  it("a write fails the same way, and several requests at once all fail fast", async () => {
    const bundle = JSON.parse(readFileSync("seeds/erem-2024-08-22.bundle.json", "utf8"));
    const write = post(
      "mutation Store($bundle: JSON!) { ingestBundle(bundle: $bundle) { __typename } }",
      "application/graphql-response+json",
      "editor-key-123",
      { bundle },
    );
    const reads = Array.from({ length: 8 }, () => post("{ events(first: 1) { totalCount } }", "application/json"));
    const results = await Promise.all([write, ...reads]);
    for (const r of results) assert.ok(r.ms < 5000, `answered in ${r.ms} ms`);
    for (const r of results) assert.equal(r.body.errors?.[0].extensions?.code, "DATABASE_UNAVAILABLE");
  });

  it("/healthz says down with 503 within its 3 s budget", async () => {
    const t0 = Date.now();
    const r = await fetch(`${app.url}/healthz`);
    assert.ok(Date.now() - t0 < 4000);
    assert.equal(r.status, 503);
    assert.equal((await r.json()).database.state, "down");
  });
});
