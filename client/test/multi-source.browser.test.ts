import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { repoRoot } from "../../server/src/paths.ts";
import { multiSourceBundle, multiSourceDir } from "../../server/test/resolve/helpers.ts";
import { startWorkspace } from "./helpers/workspace.ts";

// RASD_SCREENSHOTS=1 also writes docs/screenshots/evidence-sources.png and candidate-review.png (1440×900).
const screenshots = process.env.RASD_SCREENSHOTS === "1";
const shot = (page: Page, name: string) =>
  screenshots ? page.screenshot({ path: join(repoRoot, "docs", "screenshots", name) }) : Promise.resolve();

describe("one event, many sources, in the workspace", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  let masyaf: string;
  before(async () => {
    const truth = JSON.parse(readFileSync(join(multiSourceDir, "truth.json"), "utf8")) as { articles: string[] };
    ws = await startWorkspace(async (db) => {
      for (const name of truth.articles) await ingestBundle(db, multiSourceBundle(name));
    });
    const r = await ws.db.read({
      cypher:
        "MATCH (e:Event {type: 'AIRSTRIKE'})-[:OCCURRED_IN]->(:Location {id: 'location:masyaf'}) RETURN e.id AS id",
    });
    masyaf = r.records[0].get("id");
  });
  after(async () => {
    await ws?.stop();
  });

  async function open(query: string) {
    const page = await ws.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${ws.app.url}/${query}`);
    await page.waitForSelector("#app.ready .timeline g.mark");
    return { page, errors };
  }

  it("the evidence panel says how many independent sources report the event, and where they disagree", async () => {
    const { page, errors } = await open(`?sel=${encodeURIComponent(masyaf)}`);
    const heading = page.locator(".sources .sources-count");
    await heading.waitFor();
    assert.equal(await heading.textContent(), "Reported by 2 independent sources");
    const publishers = await page.$$eval(".sources ol.reports .report-publisher", (n) => n.map((x) => x.textContent));
    assert.equal(publishers.length, 2);
    // A report quotes every span the event has in its article, each in the article's direction.
    const spans = await page.$$eval(".sources ol.reports > li", (reports) =>
      reports.map((r) => [...new Set([...r.querySelectorAll(".report-span")].map((x) => x.getAttribute("dir")))]),
    );
    assert.deepEqual(spans, [["rtl"], ["ltr"]], "each span in its own direction");
    const table = await page.locator(".sources table.disagreements").textContent();
    assert.match(table ?? "", /14/);
    assert.match(table ?? "", /25/);
    // The timeline draws the corroborated strike filled, single-source events hollow, and the legend says so.
    const mark = page.locator(`.timeline g.event[data-id="${masyaf}"]`);
    assert.equal(await mark.evaluate((g) => g.classList.contains("single-source")), false);
    assert.ok(
      (await page.$$(".timeline g.event.single-source")).length > 0,
      "the Baghdad attacks have one source each",
    );
    await page.click("#legend-toggle");
    assert.match((await page.locator(".legend").textContent()) ?? "", /one independent source: hollow ring/);
    await page.click("#legend-toggle");
    await shot(page, "evidence-sources.png");
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("as of a date before the second article, the panel shows one source; the control keeps it in the URL", async () => {
    const { page, errors } = await open(`?sel=${encodeURIComponent(masyaf)}`);
    await page.locator(".sources .sources-count").waitFor();
    await page.fill("#as-of", "2024-09-09T08:00");
    await page.dispatchEvent("#as-of", "change");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("asof") === "2024-09-09T08:00:00.000Z");
    await page.waitForFunction(
      () => document.querySelector(".sources .sources-count")?.textContent === "Reported by 1 independent source",
    );
    // The sources menu asks for corroboration: the single-source strike of that morning is filtered out.
    await page.selectOption("#min-sources", "2");
    await page.waitForFunction(() => new URLSearchParams(location.search).get("sources") === "2");
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("the as-of marker on the articles-published row sets the date by keys and by drag, kept in the URL and the picker", async () => {
    const { page, errors } = await open(`?sel=${encodeURIComponent(masyaf)}`);
    const count = (text: string) =>
      page
        .waitForFunction((t) => document.querySelector(".sources .sources-count")?.textContent === t, text)
        .catch(async (error: Error) => {
          const shown = await page.evaluate(() => ({
            sources: document.querySelector(".sources-slot")?.textContent,
            url: location.search,
          }));
          throw new Error(`expected "${text}", panel shows ${JSON.stringify(shown)}: ${error.message}`);
        });
    await count("Reported by 2 independent sources");
    const marker = page.locator(".timeline .as-of-marker");
    assert.equal(await marker.getAttribute("role"), "slider");
    assert.equal(await marker.getAttribute("aria-valuetext"), "now: everything published");
    const asOfInUrl = () => page.evaluate(() => new URLSearchParams(location.search).get("asof"));
    const settled = (iso: string | null) =>
      page.waitForFunction(
        (v) =>
          new URLSearchParams(location.search).get("asof") === v &&
          (document.querySelector("#as-of") as HTMLInputElement).value === (v ? v.slice(0, 16) : ""),
        iso,
      );
    const focusedAt = (ms: number) =>
      page.waitForFunction(
        (v) =>
          document.activeElement?.classList.contains("as-of-marker") &&
          document.activeElement.getAttribute("aria-valuenow") === String(v) &&
          document.querySelector("#app.ready"),
        ms,
      );

    // ← steps back to the minute after the latest article's publication (The National, 11:00), then after
    // the one before (Sky News Arabia, 03:30).
    await marker.focus();
    await page.keyboard.press("ArrowLeft");
    await settled("2024-09-09T11:01:00.000Z");
    await focusedAt(Date.parse("2024-09-09T11:01:00Z"));
    await count("Reported by 2 independent sources");
    await page.keyboard.press("ArrowLeft");
    await settled("2024-09-09T03:31:00.000Z");
    await focusedAt(Date.parse("2024-09-09T03:31:00Z"));
    await count("Reported by 1 independent source");
    assert.match(
      (await page.locator(".timeline .as-of-marker").getAttribute("aria-valuetext")) ?? "",
      /as of 2024-09-09 03:31 UTC/,
    );
    // End: now again, nothing in the URL or the picker.
    await page.keyboard.press("End");
    await settled(null);
    await count("Reported by 2 independent sources");

    // The picker moves the marker.
    await page.fill("#as-of", "2024-08-06T00:00");
    await page.dispatchEvent("#as-of", "change");
    await settled("2024-08-06T00:00:00.000Z");
    await page.waitForFunction(
      (v) => document.querySelector(".timeline .as-of-marker")?.getAttribute("aria-valuenow") === String(v),
      Date.parse("2024-08-06T00:00:00Z"),
    );

    // Dragging it 60 px to the left sets an earlier date; dropping it past the plot's right end means now.
    // A drag must start on the grip the timeline shows once the loads for the new date are done: a
    // redraw in the middle of a gesture replaces the grip under the mouse.
    const pending = new Set<unknown>();
    page.on("request", (r) => {
      if (r.url().includes("/graphql")) pending.add(r);
    });
    page.on("requestfinished", (r) => pending.delete(r));
    page.on("requestfailed", (r) => pending.delete(r));
    const loadsDone = async () => {
      for (let quietFor = 0; quietFor < 3; ) {
        await page.waitForSelector("#app.ready");
        await page.waitForTimeout(150);
        quietFor = pending.size === 0 ? quietFor + 1 : 0;
      }
    };
    // The grip's box once the timeline has finished redrawing for the new date (a redraw replaces it).
    // (The page itself never scrolls, so the viewport box is the page box.)
    const gripBox = async () => {
      const found = await page.waitForFunction(() => {
        const box = document.querySelector("#app.ready .timeline .as-of-grip")?.getBoundingClientRect();
        return box && box.width > 0 && box.height > 0
          ? { x: box.x, y: box.y, width: box.width, height: box.height }
          : null;
      });
      return (await found.jsonValue()) as { x: number; y: number; width: number; height: number };
    };
    await loadsDone();
    const grip = await gripBox();
    assert.ok(grip);
    const [gx, gy] = [grip.x + grip.width / 2, grip.y + grip.height / 2];
    await page.mouse.move(gx, gy);
    await page.mouse.down();
    await page.mouse.move(gx - 30, gy, { steps: 3 });
    await page.mouse.move(gx - 60, gy, { steps: 3 });
    await page.mouse.up();
    await page.waitForFunction(() => {
      const v = new URLSearchParams(location.search).get("asof");
      return v !== null && v < "2024-08-06T00:00:00.000Z";
    });
    const dragged = await asOfInUrl();
    assert.ok(dragged);
    await settled(dragged);
    assert.match(dragged, /:00\.000Z$/, "whole minutes, as the picker shows them");
    await loadsDone();
    const again = await gripBox();
    assert.ok(again);
    const plot = await page.locator(".timeline").boundingBox();
    assert.ok(plot);
    await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2);
    await page.mouse.down();
    await page.mouse.move(plot.x + plot.width - 2, again.y + again.height / 2, { steps: 5 });
    await page.mouse.up();
    await settled(null);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("candidate duplicates are listed for review with their score and reasons", async () => {
    const { page, errors } = await open("");
    await page.click("#toolbar-more > summary");
    await page.click("#review-open");
    const first = page.locator("li.candidate").first();
    await first.waitFor();
    assert.match((await first.textContent()) ?? "", /same place/);
    await first.focus();
    await shot(page, "candidate-review.png");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
