import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { seedBundle } from "../../server/test/helpers/seed.ts";
import { openWorkspace, startWorkspace } from "./helpers/workspace.ts";

const payloads = [
  `<img src=x onerror="window.__xss=(window.__xss||0)+1">`,
  `<script>window.__xss=(window.__xss||0)+1</script>`,
  `"><svg onload="window.__xss=(window.__xss||0)+1">`,
  `javascript:window.__xss=1`,
];
const payload = payloads.join(" ");

/** The seed bundle with script payloads in the article title and text, names, titles and claims. */
function hostileBundle() {
  const b = seedBundle();
  const quote = `قال مصدر: ${payload}`;
  const start = b.article.text.length + 2;
  b.article.text = `${b.article.text}\n\n${quote}`;
  b.article.title = `${payload} ${b.article.title}`;
  const span = { start, end: start + quote.length, text: quote };
  const attack = b.events.find((e) => e.id === "event:attacks-on-us-forces-at-ain-al-asad-2024-08");
  if (!attack) throw new Error("the seed's Ain al-Asad attack is missing");
  attack.title = `${payload} attack`;
  attack.summary = payload;
  attack.evidence.push(span);
  const actor = b.actors.find((a) => a.id === "actor:iraqi-armed-factions");
  if (!actor) throw new Error("the seed's factions are missing");
  actor.name = `${payload} factions`;
  actor.nameAr = `${payload} الفصائل`;
  const place = b.locations.find((l) => l.id === "location:ain-al-asad-air-base");
  if (place) place.name = `${payload} base`;
  for (const c of b.claims) {
    c.gloss = `${payload} ${c.gloss ?? ""}`;
  }
  return b;
}

describe("untrusted text in Chromium", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  before(async () => {
    ws = await startWorkspace((db) => ingestBundle(db, hostileBundle()));
  });
  after(async () => {
    await ws?.stop();
  });

  it("titles, names and quotes carrying script payloads are shown as text and never run", async () => {
    const id = "event:attacks-on-us-forces-at-ain-al-asad-2024-08";
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url, `?sel=${encodeURIComponent(id)}`);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.waitForSelector(`.evidence-view[data-id="${id}"]`);
    // Hover the mark (tooltip), search for the payload (results), open every view that shows text.
    await page.hover(`.timeline g.event[data-id="${id}"]`, { force: true });
    // The legend first: the results popup, open last, may cover the toolbar's second row on a narrow window.
    await page.click("#legend-toggle");
    await page.fill("#search", "factions");
    await page.waitForSelector(".search-results li");
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.deepEqual(dialogs, []);
    const injected = await page.$$eval(
      "#app img, #app script, #app iframe, .evidence-view svg, .search-results svg",
      (n) => n.map((e) => e.outerHTML.slice(0, 80)),
    );
    assert.deepEqual(injected, [], "no element was created from the payloads");
    const evidenceText = (await page.textContent(".evidence-view")) ?? "";
    assert.ok(evidenceText.includes("<img src=x onerror="), "the payload shows as literal text");
    assert.ok((await page.textContent(".evidence-view mark.span:last-of-type")) !== null);
    const labels = await page.$$eval(".graph text.node-label, .graph g.node text", (n) =>
      n.map((t) => t.textContent ?? ""),
    );
    assert.ok(
      labels.some((l) => l.includes("<img")),
      "graph labels carry the literal text",
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
