/**
 * `npm run bench:client`: initial JS size and first paint before/after
 * (first-paint.ts, BENCH_SKIP_PAINT=1 skips it; BENCH_PAINT_ONLY=1 runs only
 * it), then Rasd's timeline and
 * graph side by side with vis-timeline and force-graph in the same headless
 * Chromium (peers.ts): first render, heap, frame times while panning and zooming.
 * With BENCH_BASELINE_REF=<git ref>, that commit's Rasd views are measured
 * too, interleaved with the working tree's ("before" and "after" in one run).
 */

import { loadavg } from "node:os";
import { launchChromium } from "../../client/test/helpers/browser.ts";
import { firstPaintBench } from "./first-paint.ts";
import { peersBench } from "./peers.ts";
import { serveBench } from "./serve.ts";

if (process.env.BENCH_SKIP_PAINT !== "1") await firstPaintBench();
if (process.env.BENCH_PAINT_ONLY === "1") process.exit(0);

const site = await serveBench(null);
const baselineRef = process.env.BENCH_BASELINE_REF;
const baseline = baselineRef ? await serveBench(baselineRef) : null;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const browser = await launchChromium();
try {
  console.log(`load average ${load()}${baselineRef ? `; baseline (before) ${baselineRef}` : ""}`);
  await peersBench(browser, site.url, baseline?.url);
  console.log("Chromium headless, software rendering (--disable-gpu); a frame is the time between animation frames.");
  console.log(`load average ${load()}`);
} finally {
  await browser.close();
  site.close();
  baseline?.close();
}
