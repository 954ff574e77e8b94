import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { seedBundle } from "../../server/test/helpers/seed.ts";
import { operations, startWorkspace } from "./helpers/workspace.ts";

const editorKey = "test-editor-key";

describe("ingesting an article through the dialog", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  before(async () => {
    ws = await startWorkspace(async () => {}, { apiKeys: [{ key: editorKey, role: "editor" }] });
  });
  after(async () => {
    await ws?.stop();
  });

  it("the raw seed text, with an editor key, is extracted by the server and its events reach the timeline", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const sent = operations(page);
    await page.goto(`${ws.app.url}/`);
    await page.waitForSelector("#app.ready");
    assert.equal(await page.$$eval(".timeline g.event", (n) => n.length), 0, "the graph starts empty");
    await page.click("#ingest-open");
    await page.fill("#ingest-text", readFileSync("seeds/erem-2024-08-22.ar.txt", "utf8"));
    await page.click("#ingest-accept");
    await page.waitForSelector(".ingest-review .error");
    assert.match((await page.textContent(".ingest-review")) ?? "", /editor key/);
    await page.fill("#ingest-key", "not-the-key");
    await page.click("#ingest-accept");
    await page.waitForSelector(".ingest-review .error");
    assert.match((await page.textContent(".ingest-review")) ?? "", /Refused/);
    await page.fill("#ingest-key", editorKey);
    await page.click("#ingest-accept");
    await page.waitForSelector(".ingest-review .ok", { timeout: 60_000 });
    const review = (await page.textContent(".ingest-review")) ?? "";
    const events = Number(/Events \((\d+)\)/.exec(review)?.[1] ?? 0);
    assert.ok(events >= 5, `extracted events listed: ${review.slice(0, 300)}`);
    assert.match(review, /ATTACK/);
    assert.match(review, /عين الأسد|Ain al-Asad/);
    assert.ok(sent.includes("RasdIngestArticle"));
    await page.click("#ingest-show");
    await page.waitForSelector(".timeline g.event");
    const shown = await page.$$eval(".timeline g.event", (n) => new Set(n.map((g) => g.getAttribute("data-id"))).size);
    assert.ok(shown >= 5, `${shown} events on the timeline`);
    await page.waitForSelector(".evidence-view[data-id]");
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("a bundle is shown for review and stored as it is", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(`${ws.app.url}/`);
    await page.waitForSelector("#app.ready");
    await page.click("#ingest-open");
    const bundle = seedBundle();
    bundle.article.id = "article:bundle-through-the-dialog";
    bundle.article.text = `${bundle.article.text}`;
    await page.fill("#ingest-text", JSON.stringify(bundle));
    assert.match((await page.textContent(".ingest-review")) ?? "", /Events \(11\)|Events \(\d+\)/);
    assert.equal(await page.textContent("#ingest-accept"), "Accept into the graph");
    await page.fill("#ingest-key", editorKey);
    await page.click("#ingest-accept");
    await page.waitForSelector(".ingest-review .ok, .ingest-review .error");
    assert.ok(await page.$(".ingest-review .ok"), (await page.textContent(".ingest-review")) ?? "");
    await page.close();
  });
});
