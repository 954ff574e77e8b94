import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { startRasd } from "../helpers/cli.ts";
import { emptyDatabase } from "../helpers/graph.ts";

// `rasd start` against the test Neo4j through NEO4J_URI: nothing is started,
// the graph is migrated, the seed loaded because the graph is empty, the
// client served. (The managed-Neo4j path is covered by db-command.test.ts.)
describe("rasd start (what npm start runs)", () => {
  let db: Database;
  before(async () => {
    db = await emptyDatabase();
  });
  after(async () => db.close());

  it("loads the seed into an empty graph and serves the app, health and GraphQL on PORT", async () => {
    const rasd = startRasd(["start"], { ...process.env, PORT: "0" }, /ready in [\d.]+s: (http:\/\/[^/]+)\//);
    try {
      const [, base] = await rasd.match;
      assert.match(rasd.output(), /Loaded the seed article/);
      const health = await (await fetch(`${base}/healthz`)).json();
      assert.equal(health.database.state, "up");
      assert.equal(health.database.mode, "external");
      assert.ok(health.database.events > 0, "the seed's events are in the graph");
      const page = await fetch(`${base}/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get("content-type") ?? "", /text\/html/);
    } finally {
      rasd.child.kill("SIGTERM");
    }
    assert.equal(await rasd.exited, 0, "shuts down cleanly on SIGTERM");
  });

  it("does not load the seed again when the graph already holds articles", async () => {
    const rasd = startRasd(["start"], { ...process.env, PORT: "0" }, /ready in [\d.]+s: (http:\/\/[^/]+)\//);
    try {
      await rasd.match;
      assert.doesNotMatch(rasd.output(), /Loaded the seed article/);
    } finally {
      rasd.child.kill("SIGTERM");
    }
    await rasd.exited;
  });

  it("refuses a malformed NEO4J_URI with a message naming it", async () => {
    const rasd = startRasd(["start"], { ...process.env, NEO4J_URI: "http://nope" }, /never/);
    const neverReady = rasd.match.then(
      () => assert.fail("started with a malformed NEO4J_URI"),
      () => {},
    );
    assert.equal(await rasd.exited, 1);
    await neverReady;
    assert.match(rasd.output(), /invalid NEO4J_URI: http:\/\/nope/);
  });
});
