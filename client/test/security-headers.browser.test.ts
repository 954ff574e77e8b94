import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { seedBundle } from "../../server/test/helpers/seed.ts";
import { countOf, startWorkspace } from "./helpers/workspace.ts";

describe("the client under the server's Content-Security-Policy, in Chromium", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  before(async () => {
    ws = await startWorkspace((db) => ingestBundle(db, seedBundle()));
  });
  after(async () => {
    await ws?.stop();
  });

  it("loads every view, the graph layout worker included, with no policy violation", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const violations: string[] = [];
    const errors: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { violations: string[] }).violations ??= [];
        (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const response = await page.goto(ws.app.url);
    assert.match(response?.headers()["content-security-policy"] ?? "", /script-src 'self'/);
    await page.waitForSelector("#app.ready .timeline g.mark", { timeout: 90_000 });
    await page.waitForSelector(".graph g.node");
    await page.waitForSelector(".map g.place");
    assert.ok((await countOf(page, ".graph g.node")) > 5);
    const inPage = await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);
    assert.deepEqual([...violations, ...inPage], []);
    assert.deepEqual(errors, []);
  });

  it("cannot be framed by another page", async () => {
    const page = await ws.browser.newPage();
    const blocked: string[] = [];
    page.on("console", (m) => {
      if (/frame-ancestors|Refused to display/i.test(m.text())) blocked.push(m.text());
    });
    await page.setContent(`<iframe src="${ws.app.url}/"></iframe>`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f.url().startsWith(ws.app.url));
    const framedApp = frame ? await frame.$("#app").catch(() => null) : null;
    assert.equal(framedApp, null, "the app did not render inside the frame");
  });
});
