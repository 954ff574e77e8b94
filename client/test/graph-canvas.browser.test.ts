import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import sirv from "sirv";
import { build } from "vite";
import { repoRoot } from "../../server/src/paths.ts";
import { launchChromium } from "./helpers/browser.ts";

// The client bench's page: the real graph and timeline modules on synthetic data, no server needed.
type Bench = {
  bench: {
    prepare(v: string, n: number): void;
    mount(v: string): Promise<number>;
    interact(c: number): Promise<{ frames: number[] }>;
    settle(ms: number): Promise<boolean>;
  };
};

/**
 * How many of the graph scene canvas's pixels are painted, and a fingerprint
 * of where. The scene canvas shows ImageBitmaps (`bitmaprenderer`), so its
 * pixels are read by drawing it into a 2D canvas of the same size.
 */
const painted = (page: Page) =>
  page.$eval(".graph-view canvas", (c) => {
    const canvas = c as HTMLCanvasElement;
    const copy = new OffscreenCanvas(canvas.width, canvas.height).getContext("2d") as OffscreenCanvasRenderingContext2D;
    copy.drawImage(canvas, 0, 0);
    const data = copy.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    let sum = 0;
    for (let i = 3; i < data.length; i += 4)
      if (data[i]) {
        n++;
        sum = (sum + i * 7) % 1_000_003;
      }
    return { n, sum };
  });

describe("a large graph on canvas", () => {
  let browser: Browser;
  let server: Server;
  let outDir: string;
  let url: string;
  before(async () => {
    outDir = mkdtempSync(join(tmpdir(), "rasd-graph-canvas-"));
    await build({
      root: join(repoRoot, "bench", "client"),
      base: "./",
      logLevel: "error",
      build: { outDir, emptyOutDir: true },
    });
    const serve = sirv(outDir, { dev: true });
    server = createServer((req, res) => serve(req, res, () => void res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("is drawn by the layout worker and follows a pan, without page errors", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() => "bench" in window);
    await page.evaluate(() => (window as unknown as Bench).bench.prepare("rasd-graph", 2000));
    await page.evaluate(() => (window as unknown as Bench).bench.mount("rasd-graph"));
    // Positions come from the worker: the first picture arrives with its first batch of ticks.
    await page.waitForFunction(
      () => {
        const c = document.querySelector(".graph-view canvas") as HTMLCanvasElement;
        const copy = new OffscreenCanvas(c.width, c.height).getContext("2d") as OffscreenCanvasRenderingContext2D;
        copy.drawImage(c, 0, 0);
        const d = copy.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; i < d.length; i += 4) if (d[i]) return true;
        return false;
      },
      null,
      { timeout: 30_000 },
    );
    const first = await painted(page);
    assert.ok(first.n > 1000, `the first picture is on screen (${first.n} pixels)`);
    const settled = await page.evaluate(() => (window as unknown as Bench).bench.settle(120_000));
    assert.ok(settled, "the layout settles");
    await page.waitForSelector('.graph-view[data-layout="settled"][data-scene="worker"]');
    const still = await painted(page);
    assert.ok(still.n > 1000, `the settled layout is on screen (${still.n} pixels)`);
    await page.evaluate(() => (window as unknown as Bench).bench.interact(30));
    await page.waitForSelector('.graph-view[data-layout="settled"]');
    const moved = await painted(page);
    assert.ok(moved.n > 1000, `still drawn after the pan and zoom (${moved.n} pixels)`);
    assert.notDeepEqual(moved, still, "the picture moved with the gesture");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
