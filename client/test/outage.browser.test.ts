import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { runRasd, startRasd } from "../../server/test/helpers/cli.ts";
import { privateManagedEnv } from "../../server/test/helpers/managed-env.ts";
import { launchChromium } from "./helpers/browser.ts";

// Issue 9 item 6, end to end: `rasd start` on its own managed Neo4j (a
// throwaway one, not the test runner's), which is then killed. Requests fail
// fast with DATABASE_UNAVAILABLE, the page shows a banner, the server restarts
// Neo4j, the banner goes away and the data is back; Ctrl-C then stops the
// Neo4j that `rasd start` started.
const processExists = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("a managed Neo4j that dies under a running server", () => {
  let managed: Awaited<ReturnType<typeof privateManagedEnv>>;
  let browser: Browser;
  before(async () => {
    managed = await privateManagedEnv("outage");
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await managed.cleanup();
  });

  it("is restarted; meanwhile GraphQL says DATABASE_UNAVAILABLE within 5 s and the page shows a banner until it is back", async () => {
    const rasd = startRasd(
      ["start"],
      { ...managed.env, PORT: "0" },
      /ready in [\d.]+s: (http:\/\/[^/]+)\//,
      900_000,
      true,
    );
    try {
      const [, base] = await rasd.match;
      assert.match(rasd.output(), /started by this command/);
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${base}/`);
      await page.waitForSelector("#app.ready .timeline g.mark", { timeout: 60_000 });
      assert.equal(await page.isVisible(".outage-banner"), false, "no banner while the database is up");

      const pid = Number(readFileSync(join(managed.dataDir, "neo4j.pid"), "utf8"));
      process.kill(pid, "SIGKILL");
      // On a busy machine a killed JVM can still answer for a moment: wait until it is gone.
      while (processExists(pid)) await new Promise((r) => setTimeout(r, 50));

      const t0 = Date.now();
      const response = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
        body: JSON.stringify({ query: "{ events(first: 3) { totalCount } }" }),
      });
      const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      assert.ok(Date.now() - t0 < 5000, `answered in ${Date.now() - t0} ms`);
      assert.equal(response.status, 503);
      assert.equal(body.errors?.[0].extensions?.code, "DATABASE_UNAVAILABLE");
      assert.equal((await fetch(`${base}/healthz`)).status, 503);

      // Someone opens the app during the outage: a banner, not a blank page.
      await page.reload();
      await page.waitForSelector(".outage-banner:not([hidden])", { timeout: 10_000 });
      assert.match((await page.textContent(".outage-banner")) ?? "", /graph database is unavailable/);
      assert.equal(await page.getAttribute(".outage-banner", "role"), "alert");

      // The server notices, logs and restarts Neo4j; the page retries and loads.
      await page.waitForSelector("#app.ready .timeline g.mark", { timeout: 900_000 });
      assert.equal(await page.isVisible(".outage-banner"), false, "the banner is gone once the database is back");
      assert.match(rasd.output(), /Neo4j has stopped unexpectedly .*restarting it/);
      assert.match(rasd.output(), /Neo4j restarted \(pid \d+, attempt \d+/);
      const health = await (await fetch(`${base}/healthz`)).json();
      assert.equal(health.database.state, "up");
      assert.ok(health.database.events > 0, "the seed's events survived the kill");
    } finally {
      rasd.interruptGroup();
    }
    assert.equal(await rasd.exited, 0, rasd.output());
    const status = await runRasd(["db", "status"], managed.env);
    assert.match(status.stdout, /^stopped/, "Ctrl-C stopped the Neo4j that rasd start started (and restarted)");
  });
});
