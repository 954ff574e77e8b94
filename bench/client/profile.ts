/**
 * `npx tsx bench/client/profile.ts <view> <items>`: where a view's pan and zoom
 * frames go. Runs the bench page's scripted gesture under the V8 CPU profiler
 * (BENCH_PROFILE=mount: the first render instead) and prints the functions with the most self time, so a frame budget miss can
 * be traced to its cause before anything is changed.
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
import { percentile } from "../bench-neo4j.ts";

const [view = "rasd-timeline", items = "100000"] = process.argv.slice(2);
const frames = Number(process.env.BENCH_FRAMES ?? 150);
const here = fileURLToPath(new URL(".", import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), "rasd-bench-profile-"));
await build({ root: here, base: "./", logLevel: "warn", build: { outDir, emptyOutDir: true, minify: false } });
const serve = sirv(outDir, { dev: true });
const server = createServer((req, res) => serve(req, res, () => void res.writeHead(404).end()));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`);
  await page.waitForFunction(() => "bench" in window);
  type B = {
    bench: {
      prepare(v: string, n: number): void;
      mount(v: string): Promise<number>;
      interact(c: number): Promise<{ frames: number[]; work: number[] }>;
      settle(ms: number): Promise<boolean>;
    };
  };
  await page.evaluate(([v, n]) => (window as unknown as B).bench.prepare(v, n), [view, Number(items)] as const);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  // BENCH_PROFILE=mount profiles the first render (until painted) instead of the gesture.
  const mountOnly = process.env.BENCH_PROFILE === "mount";
  if (mountOnly) await cdp.send("Profiler.start");
  const build = await page.evaluate((v) => (window as unknown as B).bench.mount(v), view);
  // BENCH_SETTLED=1: a graph's frames once its layout has come to rest (bench:client's second phase).
  if (process.env.BENCH_SETTLED === "1") await page.evaluate(() => (window as unknown as B).bench.settle(60_000));
  if (!mountOnly) await cdp.send("Profiler.start");
  const r = mountOnly
    ? { frames: [0], work: [0] }
    : await page.evaluate((c) => (window as unknown as B).bench.interact(c), frames);
  const { profile } = await cdp.send("Profiler.stop");
  const self = new Map<string, number>();
  const dt = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const f = n.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at != null; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (!f) break;
      const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    }
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${view} ${items}: first render ${build.toFixed(0)} ms; frames p50 ${percentile(r.frames, 50).toFixed(1)} / p95 ${percentile(r.frames, 95).toFixed(1)} ms; profile ${total.toFixed(0)} ms`,
  );
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${v.toFixed(0).padStart(7)} ms  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  console.log("inclusive (function and what it called):");
  for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${v.toFixed(0).padStart(7)} ms  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
