import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadSettings } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { startTestApp } from "../helpers/app.ts";
import { resetGraph, testDatabase } from "../helpers/graph.ts";
import { raw } from "../helpers/raw-request.ts";
import { seedBundle } from "../helpers/seed.ts";

const graphqlBody = JSON.stringify({ query: "{ stats { events } }" });
const json = { "content-type": "application/json" };

describe("other sites cannot read the graph or make the server work for them", () => {
  let db: Database;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let allowing: Awaited<ReturnType<typeof startTestApp>>;
  before(async () => {
    db = await testDatabase();
    await resetGraph(db);
    await ingestBundle(db, seedBundle());
    app = await startTestApp(db);
    allowing = await startTestApp(db, {
      corsOrigins: ["https://allowed.example"],
      allowedHosts: ["rasd.lan"],
    });
  });
  after(async () => {
    await app.stop();
    await allowing.stop();
    await db.close();
  });

  it("sends the security headers on every response: page, script, GraphQL, health, export and 404", async () => {
    const page = await (await fetch(`${app.url}/`)).text();
    const script = page.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    assert.ok(script, "the built page names its script");
    const paths = [
      "/",
      script,
      "/graphql?query=%7Bstats%7Bevents%7D%7D",
      "/healthz",
      "/export?format=node-link&all=1",
      "/no-such-file.png",
    ];
    for (const path of paths) {
      const r = await fetch(`${app.url}${path}`);
      await r.arrayBuffer();
      const csp = r.headers.get("content-security-policy") ?? "";
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, `${path}: no inline script allowed`);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(r.headers.get("x-frame-options"), "DENY", path);
      assert.equal(r.headers.get("referrer-policy"), "no-referrer", path);
    }
  });

  it("ships a client with no inline script, so the policy needs no 'unsafe-inline'", async () => {
    const page = await (await fetch(`${app.url}/`)).text();
    for (const tag of page.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? [])
      assert.match(tag, /^<script[^>]* src="[^"]+"[^>]*><\/script>$/);
    assert.doesNotMatch(page, /\son[a-z]+=/i, "no inline event handlers");
  });

  it("sends no CORS headers by default, whatever the Origin", async () => {
    const r = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { ...json, origin: "https://evil.example" },
      body: graphqlBody,
    });
    await r.text();
    assert.equal(r.headers.get("access-control-allow-origin"), null);
    assert.equal(r.headers.get("access-control-allow-credentials"), null);
    const preflight = await fetch(`${app.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    assert.equal(preflight.headers.get("access-control-allow-origin"), null);
  });

  it("answers an allow-listed origin (RASD_CORS_ORIGINS), without credentials, and no other", async () => {
    const ok = await fetch(`${allowing.url}/graphql`, {
      method: "POST",
      headers: { ...json, origin: "https://allowed.example" },
      body: graphqlBody,
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get("access-control-allow-origin"), "https://allowed.example");
    assert.notEqual(ok.headers.get("access-control-allow-credentials"), "true");
    const other = await fetch(`${allowing.url}/graphql`, {
      method: "POST",
      headers: { ...json, origin: "https://evil.example" },
      body: graphqlBody,
    });
    await other.text();
    assert.notEqual(other.headers.get("access-control-allow-origin"), "https://evil.example");
  });

  it("refuses a Host it is not known by (DNS rebinding), on every route, and accepts RASD_ALLOWED_HOSTS", async () => {
    for (const path of ["/", "/graphql", "/healthz", "/export?format=node-link&all=1"]) {
      const r = await raw(`${app.url}${path}`, { host: "attacker.example:4000" });
      assert.equal(r.status, 403, path);
      assert.match(r.body, /RASD_ALLOWED_HOSTS/);
      assert.equal(r.headers["x-content-type-options"], "nosniff");
    }
    for (const host of ["localhost", `127.0.0.1:${new URL(app.url).port}`])
      assert.equal((await raw(`${app.url}/healthz`, { host })).status, 200, host);
    assert.equal((await raw(`${allowing.url}/healthz`, { host: "rasd.lan:4000" })).status, 200);
    assert.equal((await raw(`${app.url}/healthz`, { host: "rasd.lan:4000" })).status, 403);
  });

  it("refuses a body over RASD_MAX_BODY_BYTES before reading it (413), and a POST of unknown length (411)", async () => {
    const huge = await raw(`${app.url}/graphql`, { ...json, "content-length": String(2 * 1024 ** 3) }, "POST");
    assert.equal(huge.status, 413);
    assert.match(huge.body, /over the \d+-byte limit \(RASD_MAX_BODY_BYTES\)/);
    const chunked = await raw(`${app.url}/graphql`, { ...json, "transfer-encoding": "chunked" }, "POST", graphqlBody);
    assert.equal(chunked.status, 411);
    assert.match(chunked.body, /Content-Length/);
    const small = await startTestApp(db, { maxBodyBytes: 2048 });
    try {
      const over = await raw(
        `${small.url}/graphql`,
        json,
        "POST",
        JSON.stringify({ query: `{ stats { events } } #${"x".repeat(4096)}` }),
      );
      assert.equal(over.status, 413);
      assert.equal(
        (await raw(`${small.url}/graphql`, json, "POST", graphqlBody)).status,
        200,
        "a small body still passes",
      );
    } finally {
      await small.stop();
    }
    assert.equal(loadSettings({}).maxBodyBytes, 32 * 1024 * 1024);
    assert.throws(() => loadSettings({ RASD_MAX_BODY_BYTES: "lots" }), /RASD_MAX_BODY_BYTES/);
  });

  it("refuses a script's request from another site (Fetch Metadata) but not a link followed to the app", async () => {
    const crossSite = { "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors", origin: "https://evil.example" };
    const blind = await raw(`${app.url}/graphql`, { ...json, ...crossSite }, "POST", graphqlBody);
    assert.equal(blind.status, 403);
    assert.match(blind.body, /RASD_CORS_ORIGINS/);
    const link = await raw(`${app.url}/`, { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" });
    assert.equal(link.status, 200);
    const allowed = await raw(
      `${allowing.url}/graphql`,
      { ...json, "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors", origin: "https://allowed.example" },
      "POST",
      graphqlBody,
    );
    assert.equal(allowed.status, 200);
  });

  it("reads RASD_CORS_ORIGINS and RASD_ALLOWED_HOSTS, refusing malformed entries by name", () => {
    const s = loadSettings({
      RASD_CORS_ORIGINS: "https://a.example, http://localhost:5173",
      RASD_ALLOWED_HOSTS: "Rasd.LAN",
    });
    assert.deepEqual(s.corsOrigins, ["https://a.example", "http://localhost:5173"]);
    assert.deepEqual(s.allowedHosts, ["rasd.lan"]);
    assert.deepEqual(loadSettings({}).corsOrigins, []);
    assert.throws(() => loadSettings({ RASD_CORS_ORIGINS: "*" }), /invalid RASD_CORS_ORIGINS: "\*"/);
    assert.throws(() => loadSettings({ RASD_CORS_ORIGINS: "https://a.example/path" }), /RASD_CORS_ORIGINS/);
    assert.throws(() => loadSettings({ RASD_ALLOWED_HOSTS: "http://rasd.lan" }), /invalid RASD_ALLOWED_HOSTS/);
  });
});
