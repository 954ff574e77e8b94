import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import type { Database } from "../../server/src/db/database.ts";
import { startTestApp } from "../../server/test/helpers/app.ts";
import { seededDatabase } from "../../server/test/helpers/graph.ts";
import { seedBundle } from "../../server/test/helpers/seed.ts";
import { launchChromium } from "./helpers/browser.ts";

describe("the client in Chromium", () => {
  let db: Database;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  before(async () => {
    db = await seededDatabase();
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
    assert.equal(dated.length, 10);
    assert.deepEqual([...new Set(shown)].sort(), dated.map((e) => e.id).sort());
    // Known only by its end ("../2024-08-22"): a range whose start fades out, not a point.
    const fill = await page.getAttribute(
      '.timeline g.event[data-id="event:iraq-us-negotiations-on-withdrawal-2024"] rect',
      "fill",
    );
    assert.match(fill ?? "", /open-start/);
    const titles = await page.$$eval(".timeline g.event title", (nodes) => nodes.map((n) => n.textContent ?? ""));
    assert.ok(
      titles.some((t) => /Ain al-Asad/i.test(t)),
      "an event at Ain al-Asad is on the timeline",
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("paints the seed's timeline from the request the page preloads, asking nothing after the script runs", async () => {
    const page = await browser.newPage();
    const sent: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/graphql") && r.method() === "POST")
        sent.push(/query (\w+)/.exec(r.postData() ?? "")?.[1] ?? "?");
    });
    await page.goto(`${app.url}/`);
    await page.waitForSelector(".timeline g.event");
    // Whatever else is on its way by now, the timeline did not wait for a request of its own.
    assert.ok(!sent.includes("RasdTimeline"), `no timeline request before the first paint: ${sent.join(", ")}`);
    const preload = await page.getAttribute('link[rel="preload"][as="fetch"]', "href");
    assert.match(decodeURIComponent(preload ?? ""), /query RasdStart/);
    await page.close();
  });

  it("draws a wide window from the server's bucket counts, never asking for every event", async () => {
    const page = await browser.newPage();
    const bodies: { operationName?: string; query: string; variables: Record<string, unknown> }[] = [];
    // Stands in for a graph of a million events: the start request (a GET the page preloads) says so and
    // brings no events; the server answers counts only (events: null).
    await page.route(/\/graphql\?query=/, async (route) => {
      if (!/query RasdStart/.test(new URL(route.request().url()).searchParams.get("query") ?? ""))
        return route.continue();
      const range = { from: "1000-01-01T00:00:00.000Z", to: "3000-01-01T00:00:00.000Z" };
      const buckets = [{ ...{ start: range.from, end: range.to }, count: 1_000_000, byType: [] }];
      const stats = { events: 1_000_000, earliest: "2015-01-01T00:00:00.000Z", latest: "2024-12-31T00:00:00.000Z" };
      await route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({ data: { stats, timeline: { ...range, total: 1_000_000, buckets, events: null } } }),
      });
    });
    await page.route("**/graphql", async (route) => {
      const body = JSON.parse(route.request().postData() ?? "{}");
      bodies.push(body);
      if (!/query RasdTimeline/.test(body.query)) return route.continue();
      const from = Date.parse(body.variables.from);
      const to = Date.parse(body.variables.to);
      const n = body.variables.buckets as number;
      const step = (to - from) / n;
      const buckets = Array.from({ length: n }, (_, i) => ({
        start: new Date(from + i * step).toISOString(),
        end: new Date(from + (i + 1) * step).toISOString(),
        count: 3000 + i,
        byType: [
          { type: "ATTACK", count: 2000 + i },
          { type: "PROTEST", count: 1000 },
        ],
      }));
      await route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({
          data: {
            timeline: { from: body.variables.from, to: body.variables.to, total: 1_000_000, buckets, events: null },
          },
        }),
      });
    });
    await page.goto(`${app.url}/`);
    await page.waitForSelector('.timeline-view[data-detail="buckets"] canvas');
    const lanes = await page.$$eval(".timeline .row-label", (n) => n.map((t) => t.firstChild?.textContent));
    assert.deepEqual(lanes, ["Attack", "Protest"]);
    const painted = await page.$eval(".timeline-view canvas", (c) => {
      const ctx = (c as HTMLCanvasElement).getContext("2d") as CanvasRenderingContext2D;
      const d = ctx.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i]) n++;
      return n;
    });
    assert.ok(painted > 1000, `bucket bars are painted (${painted} pixels)`);
    const pages = bodies.filter((b) => /query RasdEventsPage/.test(b.query));
    assert.ok(pages.length > 0);
    for (const b of pages) assert.ok((b.variables.first as number) <= 500, "events come a page (≤ 500) at a time");
    assert.ok(
      bodies.every((b) => !/events\(from:/.test(b.query)),
      "the old unpaged events(from, to) is gone",
    );
    await page.close();
  });
});
