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

  /** How many events the graph holds, asked of the API as the test (not the page). */
  const storedEvents = async () => {
    const response = await fetch(`${ws.app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ events { totalCount } }" }),
    });
    const body = (await response.json()) as { data: { events: { totalCount: number } } };
    return body.data.events.totalCount;
  };

  it("the raw seed text is extracted for review without storing anything, and accepted with the editor key reaches the timeline", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const sent = operations(page);
    await page.goto(`${ws.app.url}/`);
    await page.waitForSelector("#app.ready");
    assert.equal(await page.$$eval(".timeline g.event", (n) => n.length), 0, "the graph starts empty");
    await page.click("#ingest-open");
    await page.fill("#ingest-text", readFileSync("seeds/erem-2024-08-22.ar.txt", "utf8"));

    // Pasting is enough: the server extracts, the dialog lists, nothing is written.
    await page.waitForSelector(".ingest-review .review-events li", { timeout: 60_000 });
    const review = (await page.textContent(".ingest-review")) ?? "";
    const listed = Number(/Events \((\d+)\)/.exec(review)?.[1] ?? 0);
    assert.ok(listed >= 5, `extracted events listed: ${review.slice(0, 300)}`);
    assert.match(review, /nothing is stored yet/);
    // The review is an editor: each event's type, dates, precision and EDTF are its fields' values.
    const values = (selector: string) =>
      page.$$eval(selector, (n) => n.map((x) => (x as HTMLInputElement | HTMLSelectElement).value));
    assert.ok((await values(".review-events select[data-key$='/type']")).includes("ATTACK"));
    const dated = await page.$$eval(".review-events li.review-item", (items) =>
      items.map((li) =>
        [
          (li.querySelector("input[data-key$='/start']") as HTMLInputElement).value,
          (li.querySelector("input[data-key$='/end']") as HTMLInputElement).value,
          (li.querySelector("select[data-key$='/precision']") as HTMLSelectElement).value,
          li.querySelector("output.review-edtf")?.textContent,
        ].join(" "),
      ),
    );
    assert.ok(dated.includes("2024-08-15 2024-08-21 RANGE 2024-08-15/2024-08-21"), dated.join("\n"));
    assert.ok((await values(".review-places input[data-key$='/name']")).some((v) => /Ain al-Asad/.test(v)));
    assert.match(review, /Claims \(\d+\)/);
    assert.ok(await page.$(".review-claims .review-quote[lang=ar][dir=rtl]"), "claims quote the article in Arabic");
    assert.match((await values(".review-claims select[data-key$='/certainty']"))[0], /^(ASSERTED|HEDGED|DENIED)$/);
    assert.ok(sent.includes("RasdExtractArticle"));
    assert.ok(!sent.includes("RasdIngestBundle"));
    assert.equal(await storedEvents(), 0, "the graph is still empty after the review is shown");

    // Accept needs an editor key, and the right one.
    await page.click("#ingest-accept");
    await page.waitForSelector(".ingest-status .error");
    const help = (await page.textContent(".ingest-status")) ?? "";
    assert.match(help, /editor key/);
    assert.match(help, /RASD_API_KEYS=a-long-secret:editor/, "says how to get a key");
    assert.match(help, /README\.md#editor-keys/, "points to the README section");
    await page.fill("#ingest-key", "not-the-key");
    await page.click("#ingest-accept");
    await page.waitForFunction(() => /Refused/.test(document.querySelector(".ingest-status")?.textContent ?? ""));
    assert.match((await page.textContent(".ingest-status")) ?? "", /unknown API key/);
    assert.equal(await storedEvents(), 0, "a wrong key stores nothing");
    assert.ok(await page.$(".ingest-review .review-events li"), "the review stays on screen after a refusal");

    await page.fill("#ingest-key", editorKey);
    await page.click("#ingest-accept");
    await page.waitForSelector(".ingest-status .ok", { timeout: 60_000 });
    assert.match((await page.textContent(".ingest-status")) ?? "", new RegExp(`Stored: ${listed} events`));
    assert.equal(await storedEvents(), listed, "exactly the reviewed events are stored");
    assert.ok(sent.includes("RasdIngestBundle"));
    assert.ok(!sent.includes("RasdIngestArticle"), "raw text is never stored unreviewed");
    await page.click("#ingest-show");
    await page.waitForSelector(".timeline g.event");
    const shown = await page.$$eval(".timeline g.event", (n) => new Set(n.map((g) => g.getAttribute("data-id"))).size);
    assert.ok(shown >= 5, `${shown} events on the timeline`);
    await page.waitForSelector(".evidence-view[data-id]");
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("an article the server cannot read is refused with its issues listed", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(`${ws.app.url}/`);
    await page.waitForSelector("#app.ready");
    await page.click("#ingest-open");
    await page.fill("#ingest-text", '{"title": "no text here"}');
    await page.waitForSelector(".ingest-status .error .issues li", { timeout: 30_000 });
    assert.match((await page.textContent(".ingest-status")) ?? "", /Could not extract/);
    assert.equal(await page.$eval("#ingest-accept", (b) => (b as HTMLButtonElement).disabled), true);
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
    assert.match((await page.textContent(".ingest-review")) ?? "", new RegExp(`Events \\(${bundle.events.length}\\)`));
    assert.equal(await page.textContent("#ingest-accept"), "Accept into the graph");
    await page.fill("#ingest-key", editorKey);
    await page.click("#ingest-accept");
    await page.waitForSelector(".ingest-status .ok, .ingest-status .error");
    assert.ok(await page.$(".ingest-status .ok"), (await page.textContent(".ingest-review")) ?? "");
    await page.close();
  });
});
