import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import type { Database } from "../../server/src/db/database.ts";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { startTestApp } from "../../server/test/helpers/app.ts";
import { resetGraph, testDatabase } from "../../server/test/helpers/graph.ts";
import { seedBundle } from "../../server/test/helpers/seed.ts";
import { launchChromium } from "./helpers/browser.ts";

describe("the client in Chromium", () => {
  let db: Database;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  before(async () => {
    db = await testDatabase();
    await resetGraph(db);
    await ingestBundle(db, seedBundle());
    app = await startTestApp(db);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await db?.close();
  });

  it("shows the seed article's events on the timeline", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${app.url}/`);
    await page.waitForSelector(".timeline g.event");
    const shown = await page.$$eval(".timeline g.event", (nodes) => nodes.map((n) => n.getAttribute("data-id")));
    const dated = seedBundle().events.filter((e) => e.start || e.end);
    assert.deepEqual(shown.sort(), dated.map((e) => e.id).sort());
    const titles = await page.$$eval(".timeline g.event title", (nodes) => nodes.map((n) => n.textContent ?? ""));
    assert.ok(
      titles.some((t) => /Ain al-Asad/i.test(t)),
      "an event at Ain al-Asad is on the timeline",
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
