/**
 * `npm run bench:client`: initial JS size and first paint before/after
 * (first-paint.ts, BENCH_SKIP_PAINT=1 skips it; BENCH_PAINT_ONLY=1 runs only
 * it), then Rasd's timeline and
 * graph side by side with vis-timeline and force-graph in the same headless
 * Chromium (peers.ts): first render, heap, frame times while panning and zooming.
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
import { peersBench } from "./peers.ts";

if (process.env.BENCH_SKIP_PAINT !== "1") await firstPaintBench();
if (process.env.BENCH_PAINT_ONLY === "1") process.exit(0);

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

const browser = await launchChromium();
try {
  await peersBench(browser, url);
  console.log("Chromium headless, software rendering (--disable-gpu); a frame is the time between animation frames.");
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
