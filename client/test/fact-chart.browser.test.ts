import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { repoRoot } from "../../server/src/paths.ts";
import { multiSourceBundle } from "../../server/test/resolve/helpers.ts";
import { openWorkspace, startWorkspace } from "./helpers/workspace.ts";

/** The Masyaf strike: Sky News Arabia says 14 killed, The National "at least 25" (and quotes the 14). */
const masyafArticles = ["masyaf-strike.ar", "masyaf-strike.en"];
/** A shop attack in Baghdad whose article gives no toll. */
const shopAttack = "event:ff5f1369-1-attack";

describe("the evidence panel charts the numbers each report gives", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  let masyaf: string;
  before(async () => {
    ws = await startWorkspace(async (db) => {
      for (const name of [...masyafArticles, "baghdad-shop-attack.ar"]) await ingestBundle(db, multiSourceBundle(name));
    });
    const r = await ws.db.read({
      cypher: "MATCH (e:Event) WHERE e.title CONTAINS 'Masyaf' AND e.type = 'AIRSTRIKE' RETURN e.id AS id",
      params: {},
    });
    assert.equal(r.records.length, 1, "the two Masyaf reports are one event");
    masyaf = r.records[0].get("id") as string;
  });
  after(async () => {
    await ws?.stop();
  });

  it("an event whose reports give conflicting tolls shows them per source, the disagreement visible", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url, `?sel=${encodeURIComponent(masyaf)}`);
    await page.waitForSelector(".evidence-view .sources .fact-chart");
    const killed = page.locator('.fact-chart svg.fact-panel[data-kind="KILLED"]');
    assert.equal(await killed.count(), 1, "a panel for the killed");
    assert.match((await killed.getAttribute("class")) ?? "", /\bdisagree\b/, "marked as a disagreement");
    assert.match((await killed.locator(".fact-verdict").textContent()) ?? "", /disagree: 14 vs 25/);
    // Each source is labelled on its own row, with the values it gives.
    const rows = await killed.locator("g.fact-row").evaluateAll((gs) =>
      gs.map((g) => ({
        source: g.querySelector(".fact-source title")?.textContent,
        values: [...g.querySelectorAll(".fact-label")].map((t) => t.textContent),
      })),
    );
    assert.equal(rows.length, 2, "one row per report");
    const sky = rows.find((r) => r.source?.includes("سكاي نيوز"));
    const national = rows.find((r) => r.source?.includes("The National"));
    assert.deepEqual(sky?.values, ["14"], `Sky News Arabia says 14: ${JSON.stringify(rows)}`);
    assert.ok(national?.values.includes("25"), `The National says 25: ${JSON.stringify(rows)}`);
    // The two tolls sit apart on one scale, with the spread between them drawn.
    const xs = await killed
      .locator("g.fact-value")
      .evaluateAll((gs) => gs.map((g) => (g as SVGGElement).getBoundingClientRect().x));
    assert.ok(Math.max(...xs) - Math.min(...xs) > 40, `14 and 25 are far apart: ${xs}`);
    assert.equal(await killed.locator("rect.fact-spread").count(), 1);
    const injured = page.locator('.fact-chart svg.fact-panel[data-kind="INJURED"]');
    assert.equal(await injured.count(), 1, "the injured too");
    assert.doesNotMatch((await injured.getAttribute("class")) ?? "", /disagree/, "both say 43 injured");
    // Every label stays inside the evidence panel.
    const outside = await page.evaluate(() => {
      const panel = document.querySelector(".evidence-slot")?.getBoundingClientRect();
      if (!panel) return ["no panel"];
      return [...document.querySelectorAll(".fact-chart text")]
        .map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.left < panel.left - 1 || box.right > panel.right + 1))
        .map(({ text }) => text);
    });
    assert.deepEqual(outside, [], "chart text crossing the panel's edge");
    // RASD_SCREENSHOTS=1 refreshes the picture in docs/client.md.
    if (process.env.RASD_SCREENSHOTS === "1")
      await page
        .locator(".evidence-view .fact-chart")
        .screenshot({ path: join(repoRoot, "docs", "screenshots", "casualty-chart.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("an event whose report gives no numbers has no chart", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url, `?sel=${encodeURIComponent(shopAttack)}`);
    await page.waitForSelector(".evidence-view .sources .sources-count");
    assert.equal(await page.locator(".fact-chart").count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
