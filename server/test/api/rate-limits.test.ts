import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadSettings } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import { startTestApp } from "../helpers/app.ts";
import { seededDatabase } from "../helpers/graph.ts";
import { seedBundle } from "../helpers/seed.ts";

const EDITOR = "editor-key-123";
const OTHER_EDITOR = "editor-key-456";
const extract = JSON.stringify({
  query: `query X($raw: String!) { extractArticle(raw: $raw) { __typename } }`,
  variables: { raw: "title: A\n\nThe ministry said on Monday that talks continued in Baghdad." },
});

describe("rate limits on extraction, ingest and export", () => {
  let db: Database;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  before(async () => {
    db = await seededDatabase();
    app = await startTestApp(db, {
      apiKeys: [
        { key: EDITOR, role: "editor" },
        { key: OTHER_EDITOR, role: "editor" },
      ],
      rateLimits: { extract: 2, ingest: 3, export: 2 },
    });
  });
  after(async () => {
    await app.stop();
    await db.close();
  });

  const post = (body: string, key?: string) =>
    fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body,
    });

  it("answers the request over budget 429 with Retry-After and extensions.code RATE_LIMITED; another key has its own budget", async () => {
    for (let i = 0; i < 2; i++) assert.equal((await post(extract, EDITOR)).status, 200);
    const refused = await post(extract, EDITOR);
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
    const body = await refused.json();
    assert.equal(body.errors[0].extensions.code, "RATE_LIMITED");
    assert.match(body.errors[0].message, /too many extract requests.*try again in \d+ s/);
    assert.equal((await post(extract, OTHER_EDITOR)).status, 200);
  });

  it("counts each aliased ingest in one operation", async () => {
    const bundle = seedBundle();
    const aliased = JSON.stringify({
      query: `mutation M($b: JSON!) { a: ingestBundle(bundle: $b) { __typename } b: ingestBundle(bundle: $b) { __typename } c: ingestBundle(bundle: $b) { __typename } d: ingestBundle(bundle: $b) { __typename } }`,
      variables: { b: bundle },
    });
    const r = await post(aliased, OTHER_EDITOR);
    assert.equal(r.status, 429, "four ingests against a budget of three");
    assert.equal((await r.json()).errors[0].extensions.code, "RATE_LIMITED");
  });

  it("limits /export per client address, with 429 and Retry-After", async () => {
    const url = `${app.url}/export?format=node-link&ids=actor:mohammed-shia-al-sudani&hops=0`;
    for (let i = 0; i < 2; i++) {
      const r = await fetch(url);
      const text = await r.text();
      assert.equal(r.status, 200, text);
    }
    const refused = await fetch(url);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get("retry-after")) >= 1);
    assert.match((await refused.json()).error, /too many export requests/);
  });

  it("reads the budgets from RASD_RATE_LIMIT_* (0 turns one off) and refuses a bad value by name", () => {
    assert.deepEqual(loadSettings({}).rateLimits, { extract: 30, ingest: 120, export: 60 });
    assert.deepEqual(
      loadSettings({ RASD_RATE_LIMIT_EXTRACT: "5", RASD_RATE_LIMIT_INGEST: "0", RASD_RATE_LIMIT_EXPORT: "9" })
        .rateLimits,
      { extract: 5, ingest: 0, export: 9 },
    );
    assert.throws(() => loadSettings({ RASD_RATE_LIMIT_EXPORT: "lots" }), /invalid RASD_RATE_LIMIT_EXPORT/);
  });
});
