/**
 * `npm run bench:client`: initial JS size and first paint before/after
 * (first-paint.ts, BENCH_SKIP_PAINT=1 skips it), then frame times in headless Chromium for the timeline
 * (pan and zoom over 100,000 events, canvas) and the graph (5,000 nodes and
 * 10,000 links, layout in a Web Worker while panning and zooming).
 */

import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";
import { build } from "vite";
import { launchChromium } from "../../client/test/helpers/browser.ts";
import { firstPaintBench } from "./first-paint.ts";

if (process.env.BENCH_SKIP_PAINT !== "1") await firstPaintBench();

const here = fileURLToPath(new URL(".", import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), "rasd-bench-client-"));
await build({ root: here, base: "./", logLevel: "warn", build: { outDir, emptyOutDir: true } });
const serve = sirv(outDir, { dev: true });
const server = createServer((req, res) =>
  serve(req, res, () => {
    res.writeHead(404).end();
  }),
);
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const line = (name: string, r: { frames: number[]; work: number[]; build: number }) =>
  console.log(
    `${name.padEnd(46)} frame p50 ${quantile(r.frames, 0.5).toFixed(1)} ms  p95 ${quantile(r.frames, 0.95).toFixed(1)} ms` +
      `  (fps p50 ${(1000 / quantile(r.frames, 0.5)).toFixed(0)})  input work p50 ${quantile(r.work, 0.5).toFixed(1)} ms p95 ${quantile(r.work, 0.95).toFixed(1)} ms  first render ${r.build.toFixed(0)} ms`,
  );

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => "benchTimeline" in window);
  type Bench = { frames: number[]; work: number[]; build: number };
  const frames = Number(process.env.BENCH_FRAMES ?? 180);
  const t = await page.evaluate(
    ([n, c]) => (window as unknown as { benchTimeline: (n: number, c: number) => Promise<Bench> }).benchTimeline(n, c),
    [100_000, frames],
  );
  line("timeline, 100,000 events, pan + zoom", t);
  const g = await page.evaluate(
    ([n, m, c]) =>
      (window as unknown as { benchGraph: (n: number, m: number, c: number) => Promise<Bench> }).benchGraph(n, m, c),
    [5_000, 10_000, frames],
  );
  line("graph, 5,000 nodes / 10,000 links, pan + zoom", g);
  console.log("Chromium headless, software rendering (--disable-gpu); a frame is the time between animation frames.");
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
