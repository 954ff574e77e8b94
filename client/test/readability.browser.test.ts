import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { loadSynthetic } from "../../seeds/synthetic/generate.ts";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { repoRoot } from "../../server/src/paths.ts";
import { seedBundle } from "../../server/test/helpers/seed.ts";
import { startWorkspace } from "./helpers/workspace.ts";

/** RASD_SCREENSHOTS=1 also refreshes docs/screenshots (the seed workspace and a busy graph). */
const shots = process.env.RASD_SCREENSHOTS === "1";
async function shot(page: Page, name: string) {
  if (!shots) return;
  await page.waitForSelector('.graph-view[data-layout="settled"]', { timeout: 120_000 }).catch(() => {});
  await page.screenshot({ path: join(repoRoot, "docs", "screenshots", name) });
}

type Box = { x: number; y: number; right: number; bottom: number; text: string };

/** The boxes of the visible elements matching `selector`, and the box of `container`. */
async function boxes(page: Page, selector: string, container: string): Promise<{ labels: Box[]; frame: Box }> {
  // No named functions inside: the page does not have the helpers the test's compiler adds for them.
  return page
    .evaluate(
      ([sel, cont]) =>
        [document.querySelector(cont) as Element, ...document.querySelectorAll(sel)]
          .filter((e, i) => i === 0 || (getComputedStyle(e).display !== "none" && e.getBoundingClientRect().width > 0))
          .map((e) => {
            const r = e.getBoundingClientRect();
            return { x: r.left, y: r.top, right: r.right, bottom: r.bottom, text: e.textContent ?? "" };
          }),
      [selector, container] as const,
    )
    .then(([frame, ...labels]) => ({ frame, labels }));
}

function assertReadable(name: string, { labels, frame }: { labels: Box[]; frame: Box }, min: number) {
  assert.ok(labels.length >= min, `${name}: at least ${min} labels shown (${labels.length})`);
  for (const l of labels)
    assert.ok(
      l.x >= frame.x - 0.5 && l.right <= frame.right + 0.5 && l.y >= frame.y - 0.5 && l.bottom <= frame.bottom + 0.5,
      `${name}: "${l.text}" stays inside its panel (${JSON.stringify(l)} in ${JSON.stringify(frame)})`,
    );
  // Glyph boxes include a little leading: a one-pixel touch is not an overlap a reader sees.
  const slack = 1;
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i], labels[j]];
      const overlap =
        a.x + slack < b.right && b.x + slack < a.right && a.y + slack < b.bottom && b.y + slack < a.bottom;
      assert.ok(!overlap, `${name}: "${a.text}" and "${b.text}" overlap`);
    }
}

async function panelsInside(page: Page) {
  const { panels, viewport, scroll } = await page.evaluate(() => ({
    panels: [...document.querySelectorAll("section.panel")].map((p) => {
      const r = p.getBoundingClientRect();
      return { id: (p as HTMLElement).dataset.panel, x: r.left, y: r.top, right: r.right, bottom: r.bottom };
    }),
    viewport: { width: innerWidth, height: innerHeight },
    scroll: document.scrollingElement?.scrollHeight ?? 0,
  }));
  assert.equal(panels.length, 4);
  for (const p of panels)
    assert.ok(
      p.x >= 0 && p.y >= 0 && p.right <= viewport.width && p.bottom <= viewport.height && p.bottom - p.y > 150,
      `the ${p.id} panel is inside the ${viewport.width}×${viewport.height} viewport: ${JSON.stringify(p)}`,
    );
  assert.ok(scroll <= viewport.height, `the page does not scroll (${scroll} > ${viewport.height})`);
}

/** Every control of the toolbar on one line (they share a horizontal band) and inside the viewport. */
async function toolbarOneLine(page: Page) {
  const { items, width } = await page.evaluate(() => ({
    width: innerWidth,
    items: [...document.querySelectorAll(".toolbar > *")]
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { name: e.id || e.className || e.tagName, top: r.top, bottom: r.bottom, right: r.right };
      })
      .filter((r) => r.bottom > r.top),
  }));
  assert.ok(items.length >= 8, `the toolbar's controls are shown (${items.length})`);
  const bandTop = Math.max(...items.map((i) => i.top));
  const bandBottom = Math.min(...items.map((i) => i.bottom));
  assert.ok(bandTop < bandBottom, `the toolbar is one line at ${width} px: ${JSON.stringify(items)}`);
  for (const i of items) assert.ok(i.right <= width, `${i.name} inside the ${width} px viewport (${i.right})`);
}

/** The screen box, id and text of each label matching `selector`. */
const labelBoxes = (page: Page, selector: string) =>
  page.evaluate(
    (sel) =>
      [...document.querySelectorAll(sel)].map((e) => {
        const r = e.getBoundingClientRect();
        return {
          id: e.getAttribute("data-id"),
          text: e.textContent,
          x: r.left,
          y: r.top,
          right: r.right,
          bottom: r.bottom,
        };
      }),
    selector,
  );

/**
 * No map label covers another place's mark: each label's box against every
 * other place's circle (its outer ring, drawn for regions and countries).
 */
async function mapLabelsClearOfMarks(page: Page, name: string) {
  const labels = await labelBoxes(page, ".map .place-label");
  const marks = await page.evaluate(() =>
    [...document.querySelectorAll(".map g.place")].map((g) => {
      const r = (g.querySelector("circle.ring") ?? g).getBoundingClientRect();
      return { id: g.getAttribute("data-id"), cx: r.left + r.width / 2, cy: r.top + r.height / 2, r: r.width / 2 };
    }),
  );
  assert.ok(labels.length >= 2 && marks.length >= 2, `${name}: places and labels drawn`);
  // A one-pixel touch of glyph box and circle is not something a reader sees.
  const slack = 1;
  for (const l of labels)
    for (const m of marks) {
      if (m.id === l.id) continue;
      const dx = m.cx - Math.max(l.x, Math.min(m.cx, l.right));
      const dy = m.cy - Math.max(l.y, Math.min(m.cy, l.bottom));
      assert.ok(
        Math.hypot(dx, dy) >= m.r - slack,
        `${name}: the label "${l.text}" covers the mark of ${m.id} (${JSON.stringify({ label: l, mark: m })})`,
      );
    }
}

/**
 * No graph label covers another node's mark: each label's box against the
 * drawn box of every other node's shape (its path: square, circle, triangle
 * or diamond).
 */
async function graphLabelsClearOfNodes(page: Page, name: string) {
  // Labels and nodes read in one go, from one frame: while the layout still runs, every frame moves the
  // nodes and places the labels again, so two reads a frame apart compare labels with nodes they never met.
  const { labels, nodes } = await page.evaluate(() => ({
    // (No helper functions in here: the test runner's transform would name them with a function the page lacks.)
    labels: [...document.querySelectorAll(".graph .labels text")].map((e) => {
      const r = e.getBoundingClientRect();
      return {
        id: e.getAttribute("data-id"),
        text: e.textContent,
        x: r.left,
        y: r.top,
        right: r.right,
        bottom: r.bottom,
      };
    }),
    nodes: [...document.querySelectorAll(".graph g.node")].map((g) => {
      const r = (g.querySelector("path") ?? g).getBoundingClientRect();
      return { id: g.getAttribute("data-id"), x: r.left, y: r.top, right: r.right, bottom: r.bottom };
    }),
  }));
  assert.ok(labels.length >= 2 && nodes.length >= 2, `${name}: nodes and labels drawn`);
  const slack = 1;
  for (const l of labels)
    for (const n of nodes) {
      if (n.id === l.id) continue;
      const covers = l.x + slack < n.right && n.x + slack < l.right && l.y + slack < n.bottom && n.y + slack < l.bottom;
      assert.ok(
        !covers,
        `${name}: the label "${l.text}" covers the node ${n.id} (${JSON.stringify({ label: l, node: n })})`,
      );
    }
}

/** Every timeline row shows whole above the axis: none hides, even in part, under it. */
async function timelineRowsAboveAxis(page: Page) {
  // No named functions inside: the page does not have the helpers the test's compiler adds for them.
  const { rows, axisTop, bodyBottom } = await page.evaluate(() => ({
    rows: [...document.querySelectorAll(".timeline .row-band")].map((e, i) => ({
      label: document.querySelectorAll(".timeline .row-label")[i]?.textContent ?? "",
      top: e.getBoundingClientRect().top,
      bottom: e.getBoundingClientRect().bottom,
    })),
    axisTop: document.querySelector(".timeline-axis")?.getBoundingClientRect().top ?? 0,
    bodyBottom: document.querySelector(".panel-timeline .panel-body")?.getBoundingClientRect().bottom ?? 0,
  }));
  assert.ok(
    rows.some((r) => /claims stated/.test(r.label)),
    "the claims-stated row is drawn",
  );
  assert.ok(axisTop <= bodyBottom, `the axis is in view (${axisTop} ≤ ${bodyBottom})`);
  for (const r of rows)
    assert.ok(r.bottom <= axisTop + 0.5, `the row "${r.label}" ends above the axis (${r.bottom} ≤ ${axisTop})`);
}

/** Generous: the machine the tests run on is shared, and a layout settles in its own time. */
const slow = { timeout: 120_000 };

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForSelector("#app.ready .timeline g.mark", slow);
  await page.waitForSelector(".map g.place", slow);
  // Labels are placed on every still frame, so they are checked whether or not the layout has settled.
  await page.waitForSelector(".graph .labels text", slow);
}

describe("the workspace stays readable with a busy graph (1440×900, seed + 240 synthetic events)", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  before(async () => {
    ws = await startWorkspace(
      async (db) => {
        await ingestBundle(db, seedBundle());
        await loadSynthetic(db, { events: 240, seed: 7 });
        // The machine the tests share can be slow: a query is not cut short at the default 15 s.
      },
      { queryTimeoutMs: 120_000 },
    );
  });
  after(async () => {
    await ws?.stop();
  });

  it("every panel fits the viewport at 1440×900 and 1280×720, without page scrolling; the toolbar is one line", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await open(page, ws.app.url);
    await panelsInside(page);
    await toolbarOneLine(page);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(400);
    await panelsInside(page);
    await toolbarOneLine(page);
    await page.close();
  });

  it("graph, map and timeline labels never overlap nor cross their panel's edge; the axis shows the year", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await open(page, ws.app.url);
    assertReadable("graph", await boxes(page, ".graph .labels text", ".graph-slot"), 5);
    await graphLabelsClearOfNodes(page, "busy graph");
    assertReadable("map", await boxes(page, ".map .place-label", ".map-slot"), 3);
    await mapLabelsClearOfMarks(page, "busy map");
    assertReadable("timeline", await boxes(page, ".timeline .mark-label", ".timeline-view"), 0);
    const axis = (await page.textContent(".timeline-view .axis")) ?? "";
    assert.match(axis, /20\d\d/, `the axis names the year: ${axis}`);
    // Once laid out and fitted, no node is cut at the graph panel's edge (it is the fit that frames them).
    await page.waitForSelector('.graph-view[data-layout="settled"]', slow);
    const nodes = await boxes(page, ".graph g.node", ".graph-slot");
    assert.ok(nodes.labels.length > 20, `the overview shows its nodes (${nodes.labels.length})`);
    const cut = nodes.labels.filter(
      (n) =>
        n.x < nodes.frame.x - 1 ||
        n.y < nodes.frame.y - 1 ||
        n.right > nodes.frame.right + 1 ||
        n.bottom > nodes.frame.bottom + 1,
    );
    assert.deepEqual(cut, [], "graph nodes cut at the panel's edge");
    await shot(page, "busy-workspace.png");
    // Zoomed in to a few weeks, the year is still on the axis (months and days are never alone).
    await page.goto(`${ws.app.url}/?from=2020-03-01T00:00:00.000Z&to=2020-03-20T00:00:00.000Z`);
    await page.waitForSelector("#app.ready", slow);
    for (let i = 0; i < 6; i++) {
      await page.mouse.move(800, 200);
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(120);
    }
    const zoomed = (await page.textContent(".timeline-view .axis")) ?? "";
    assert.match(zoomed, /20\d\d/, `zoomed in, the axis still names the year: ${zoomed}`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("selecting a place on the map highlights its events on the timeline and dims the rest", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await open(page, ws.app.url);
    const place = page.locator(".map g.place:not(.cluster) circle.dot").first();
    const id = await place.evaluate((c) => (c.parentNode as Element).getAttribute("data-id"));
    await place.click({ force: true });
    await page.waitForFunction((want) => new URL(location.href).searchParams.get("sel") === want, id, slow);
    await page.waitForSelector(".timeline g.mark.related", slow);
    const related = await page.$$eval(".timeline g.mark.related", (n) => n.length);
    const dimmed = await page.$$eval(".timeline g.mark.dimmed", (n) => n.length);
    assert.ok(related >= 1, `${id}: ${related} events lit`);
    assert.ok(dimmed > related, `the rest dimmed (${dimmed})`);
    await page.close();
  });

  it("Expand on a node whose neighbours are all shown says so", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await open(page, `${ws.app.url}/?from=2024-02-01T00:00:00.000Z&to=2024-02-10T00:00:00.000Z`);
    await page.click('.graph g.node[data-kind="event"] path', { force: true });
    await page.click("#graph-expand");
    await page.waitForFunction(
      () => /neighbour/.test(document.querySelector(".panel-graph .panel-note")?.textContent ?? ""),
      undefined,
      slow,
    );
    const note = (await page.textContent(".panel-graph .panel-note")) ?? "";
    assert.match(note, /unseen neighbours? of .* added|no neighbours that are not already shown/);
    await page.close();
  });
});

describe("the seed workspace at 1440×900", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  before(async () => {
    ws = await startWorkspace((db) => ingestBundle(db, seedBundle()));
  });
  after(async () => {
    await ws?.stop();
  });
  it("map labels cover no other place (Ain al-Asad beside Iraq), nor each other", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await open(page, `${ws.app.url}/?sel=${encodeURIComponent("location:ain-al-asad-air-base")}`);
    assertReadable("seed map", await boxes(page, ".map .place-label", ".map-slot"), 2);
    await mapLabelsClearOfMarks(page, "seed map");
    await page.waitForTimeout(500);
    await shot(page, "workspace.png");
    await page.close();
  });

  it("graph labels cover no other node (Ain al-Asad beside the events' squares); every timeline row shows above the axis", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await open(page, ws.app.url);
    await page.waitForSelector('.graph-view[data-layout="settled"]', slow);
    // Labels are placed again on every still frame: read them once the layout rests.
    await page.waitForTimeout(300);
    assertReadable("seed graph", await boxes(page, ".graph .labels text", ".graph-slot"), 5);
    await graphLabelsClearOfNodes(page, "seed graph");
    await timelineRowsAboveAxis(page);
    await page.close();
  });
});
