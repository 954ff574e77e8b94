import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { seedBundle } from "../../server/test/helpers/seed.ts";
import { countOf, openWorkspace, operations, startWorkspace } from "./helpers/workspace.ts";

const ainAlAsadAttack = "event:attacks-on-us-forces-at-ain-al-asad-2024-08";
const truce = "event:iraqi-factions-truce-with-us-forces-2024-02";

describe("the analyst's workspace in Chromium", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  before(async () => {
    ws = await startWorkspace((db) => ingestBundle(db, seedBundle()));
  });
  after(async () => {
    await ws?.stop();
  });

  it("brushing the timeline narrows the graph and the map to the window", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url);
    const nodesBefore = await countOf(page, ".graph g.node");
    const placesBefore = await page.$$eval(".map g.place", (n) => n.map((p) => p.getAttribute("data-id")));
    assert.ok(placesBefore.includes("location:syria"), "Syria is on the map before brushing");
    // Brush across February 2024 (the truce's month): the August attacks in Syria fall outside.
    const box = await page.locator(`.timeline g.event[data-id="${truce}"] rect`).boundingBox();
    assert.ok(box, "the truce is drawn as a range");
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction((n) => document.querySelectorAll(".graph g.node").length < n, nodesBefore);
    const placesAfter = await page.$$eval(".map g.place", (n) => n.map((p) => p.getAttribute("data-id")));
    assert.ok(!placesAfter.includes("location:syria"), "Syria leaves the map");
    assert.ok(placesAfter.length < placesBefore.length);
    const graphIds = await page.$$eval(".graph g.node", (n) => n.map((g) => g.getAttribute("data-id")));
    assert.ok(graphIds.includes(truce) && !graphIds.includes(ainAlAsadAttack), "the graph follows the window");
    const url = new URL(page.url());
    assert.ok(url.searchParams.get("from")?.startsWith("2024-02"), `window in the URL: ${url.search}`);
    assert.match((await page.textContent(".chips")) ?? "", /window/);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("clicking an event shows its evidence, span highlighted, Arabic right to left", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url);
    // Click the mark itself (its dot or bar), as an analyst would: the group's box also spans its label.
    const at = await page.evaluate((id) => {
      const g = document.querySelector(`.timeline g.event[data-id="${id}"]`);
      const shapes = [...(g?.querySelectorAll(".event-point, .event-range") ?? [])].map((e) =>
        e.getBoundingClientRect(),
      );
      const r = shapes.find((b) => b.width > 0 && b.height > 0);
      return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    }, ainAlAsadAttack);
    assert.ok(at, "the Ain al-Asad attack is drawn on the timeline");
    await page.mouse.click(at.x, at.y);
    await page.waitForSelector(`.evidence-view[data-id="${ainAlAsadAttack}"]`);
    // The full article text (fetched from the Article node), not just the quoted span.
    await page.waitForSelector(".evidence-view .passage-text.whole mark.span");
    const mark = page.locator(".evidence-view .passage-text.whole mark.span").first();
    assert.match((await mark.textContent()) ?? "", /عين الأسد|الأسد/);
    const passage = await mark.evaluate((m) => {
      const box = m.closest(".passage-text") as HTMLElement;
      return { dir: getComputedStyle(box).direction, lang: box.lang, length: box.textContent?.length ?? 0 };
    });
    assert.equal(passage.dir, "rtl");
    assert.equal(passage.lang, "ar");
    const article = seedBundle().article.text;
    assert.equal(passage.length, article.length, "the whole article is shown");
    const [start, end] = await mark.evaluate((m) => [Number(m.dataset.start), Number(m.dataset.end)]);
    assert.equal(article.slice(start, end), await mark.textContent(), "the highlight sits on the evidence offsets");
    const who = await page.textContent(".evidence-view .actors");
    assert.match(who ?? "", /initiator/i);
    assert.match(who ?? "", /Iraqi armed factions/);
    assert.equal(new URL(page.url()).searchParams.get("sel"), ainAlAsadAttack);
    assert.ok(
      await page.$(`.timeline g.event.selected[data-id="${ainAlAsadAttack}"]`),
      "the timeline marks the selection",
    );
    assert.ok(await page.$(`.graph g.node.selected[data-id="${ainAlAsadAttack}"]`), "so does the graph");
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("double-clicking a node adds its neighbours to the graph", async () => {
    const from = "2024-02-01T00:00:00.000Z";
    const to = "2024-02-10T00:00:00.000Z";
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url, `?from=${from}&to=${to}`);
    const sent = operations(page);
    const before = await page.$$eval(".graph g.node", (n) => n.map((g) => g.getAttribute("data-id")));
    assert.ok(!before.includes(ainAlAsadAttack));
    await page.dblclick('.graph g.node[data-id="location:ain-al-asad-air-base"] path');
    await page.waitForFunction((id) => !!document.querySelector(`.graph g.node[data-id="${id}"]`), ainAlAsadAttack);
    const after = await countOf(page, ".graph g.node");
    assert.ok(after > before.length, `${after} > ${before.length}`);
    assert.equal(new URL(page.url()).searchParams.get("expand"), "location:ain-al-asad-air-base");
    assert.ok(sent.includes("RasdNeighborhood"), `the neighbours come from the server: ${sent}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("a shared URL restores the window, lanes, filters and selection", async () => {
    const query = `?from=2024-08-01T00:00:00.000Z&to=2024-08-31T00:00:00.000Z&sel=${encodeURIComponent(ainAlAsadAttack)}&lanes=actor&types=ATTACK`;
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url, query);
    await page.waitForSelector(`.evidence-view[data-id="${ainAlAsadAttack}"]`);
    const lanes = await page.$$eval(".timeline .row-label", (n) => n.map((t) => t.textContent));
    assert.ok(
      lanes.some((l) => /Iraqi armed factions/.test(l ?? "")),
      `actor lanes: ${lanes}`,
    );
    const events = await page.$$eval(".timeline g.event", (n) => [...new Set(n.map((g) => g.getAttribute("data-id")))]);
    assert.ok(
      events.length > 0 && events.every((id) => id?.includes("attack") || id?.includes("strikes")),
      `${events}`,
    );
    assert.match((await page.textContent(".chips")) ?? "", /type: Attack/);
    assert.equal(await page.inputValue("#lanes"), "actor");
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("keyboard: arrows move along the timeline, Enter selects, Escape clears", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url);
    await page.focus(".timeline");
    await page.keyboard.press("ArrowRight");
    const focused = await page.getAttribute(".timeline g.mark.focused", "data-id");
    assert.ok(focused, "a mark has the keyboard focus ring");
    await page.keyboard.press("ArrowRight");
    const next = await page.getAttribute(".timeline g.mark.focused", "data-id");
    assert.ok(next && next !== focused, "ArrowRight moves on");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".evidence-view[data-id]");
    const selected = new URL(page.url()).searchParams.get("sel");
    assert.ok(selected);
    assert.equal(await page.getAttribute(".evidence-view", "data-id"), selected);
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !new URL(location.href).searchParams.get("sel"));
    assert.equal(await page.$(".evidence-view[data-id]"), null);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("searching in Arabic finds Ain al-Asad; a result filters or selects", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url);
    const sent = operations(page);
    await page.keyboard.press("/");
    await page.keyboard.type("عين الاسد");
    await page.waitForSelector('.search-results li[data-id="location:ain-al-asad-air-base"]');
    await page.click('.search-results li[data-id="location:ain-al-asad-air-base"] .hit-filter');
    await page.waitForSelector(".chip-locations, .chips .chip");
    assert.match((await page.textContent(".chips")) ?? "", /Ain al-Asad/);
    const placesShown = await page.$$eval(".timeline g.event", (n) => n.length);
    assert.ok(placesShown > 0);
    assert.equal(new URL(page.url()).searchParams.get("locations"), "location:ain-al-asad-air-base");
    assert.ok(sent.includes("RasdSearch"), `search runs on the server: ${sent}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("the claims show claimant, certainty, date and the article's publication on the timeline", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url, `?sel=${encodeURIComponent(truce)}`);
    await page.waitForSelector(`.evidence-view[data-id="${truce}"] .claims li.claim`);
    const claim = (await page.textContent(".evidence-view .claims li.claim")) ?? "";
    assert.match(
      claim,
      /Iraqi armed factions|Coordination|al-Sudani|Ministry|unattributed|experts|al-Shammari|al-Zubaidi/,
    );
    assert.match(claim, /\d{1,2} [A-Z][a-z]{2} 20\d\d|undated/);
    assert.ok(await page.$(".evidence-view .claims .badge.certainty"));
    assert.ok(await page.$('.timeline g.mark[data-id^="article:"]'), "the article's publication is a mark");
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("the actor network comes from the server for the window", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url, "?graph=actors");
    const nodes = await page.$$eval(".graph g.node", (n) => n.map((g) => g.getAttribute("data-id")));
    assert.ok(nodes.length > 2 && nodes.every((id) => id?.startsWith("actor:")), `${nodes}`);
    assert.ok(nodes.includes("actor:iraqi-armed-factions"));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("the export link carries the selection, window and filters", async () => {
    const { page } = await openWorkspace(
      ws.browser,
      ws.app.url,
      `?sel=${encodeURIComponent(ainAlAsadAttack)}&types=ATTACK`,
    );
    await page.click("#export-menu > summary");
    await page.selectOption("#export-scope", "selection");
    await page.selectOption("#export-format", "gexf");
    const href = (await page.getAttribute("#export", "href")) ?? "";
    const u = new URL(href, ws.app.url);
    assert.equal(u.pathname, "/export");
    assert.equal(u.searchParams.get("format"), "gexf");
    assert.equal(u.searchParams.get("ids"), ainAlAsadAttack);
    assert.equal(u.searchParams.get("hops"), "1");
    assert.equal(u.searchParams.get("types"), "ATTACK");
    await page.close();
  });
});
