/**
 * `npx tsx bench/client/trace.ts <view> <items>`: where a view's pan and zoom
 * frames go, browser work included (style, layout, paint, raster,
 * compositing), which the JS profile (profile.ts) does not see. Records a
 * Chromium trace of the bench page's scripted gesture and prints the CPU time
 * per frame on each busy thread and the main thread's costliest kinds of work.
 * BENCH_SETTLED=1 waits for a graph layout to come to rest first. With BENCH_COMPARE_REF=<git ref> it builds that commit's bench page too and
 * alternates the two (BENCH_ROUNDS rounds, a fresh page each), so a change is
 * judged against its baseline under the same load; CPU time per frame varies
 * far less with the machine's load than frame times do.
 */
import { loadavg } from "node:os";
import type { Browser } from "playwright-core";
import { launchChromium } from "../../client/test/helpers/browser.ts";
import { percentile } from "../bench-neo4j.ts";
import { serveBench } from "./serve.ts";

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const [view = "rasd-timeline", items = "20000"] = process.argv.slice(2);
const frames = Number(process.env.BENCH_FRAMES ?? 150);
const ref = process.env.BENCH_COMPARE_REF;
const settled = process.env.BENCH_SETTLED === "1";
const rounds = Number(process.env.BENCH_ROUNDS ?? (ref ? 3 : 1));

type B = {
  bench: {
    prepare(v: string, n: number): void;
    mount(v: string): Promise<number>;
    interact(c: number): Promise<{ frames: number[]; work: number[] }>;
    settle(ms: number): Promise<boolean>;
  };
};

interface Sample {
  p50: number;
  p95: number;
  /** CPU ms per frame by thread. */
  cpu: Map<string, number>;
  /** The main thread's CPU ms per frame by kind of work (self time). */
  main: Map<string, number>;
}

async function traced(browser: Browser, url: string): Promise<Sample> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  try {
    await page.goto(url);
    await page.waitForFunction(() => "bench" in window);
    await page.evaluate(([v, n]) => (window as unknown as B).bench.prepare(v, n), [view, Number(items)] as const);
    await page.evaluate((v) => (window as unknown as B).bench.mount(v), view);
    // BENCH_SETTLED=1: a graph's frames once its layout has come to rest (the second phase bench:client measures).
    if (settled) await page.evaluate(() => (window as unknown as B).bench.settle(60_000));
    await browser.startTracing(page, {
      categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink", "cc", "viz"],
    });
    const r = await page.evaluate((c) => (window as unknown as B).bench.interact(c), frames);
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const threads = new Map<string, string>();
    for (const e of events)
      if (e.ph === "M" && e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? "?");
    const byThread = new Map<string, TraceEvent[]>();
    for (const e of events) {
      if (e.ph !== "X" || e.dur == null) continue;
      const key = `${e.pid}:${e.tid}`;
      byThread.set(key, [...(byThread.get(key) ?? []), e]);
    }
    const n = r.frames.length;
    const cpu = new Map<string, number>();
    const main = new Map<string, number>();
    for (const [key, list] of byThread) {
      const name = threads.get(key) ?? key;
      list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      const stack: { end: number; name: string }[] = [];
      for (const e of list) {
        while (stack.length && (stack.at(-1)?.end ?? 0) <= e.ts) stack.pop();
        const parent = stack.at(-1);
        // Thread time where the trace has it (what the thread ran, not how long it waited for a core).
        const t = (e.tdur ?? e.dur ?? 0) / 1000 / n;
        if (!parent) cpu.set(name, (cpu.get(name) ?? 0) + t);
        if (/CrRendererMain/.test(name)) {
          if (parent) main.set(parent.name, (main.get(parent.name) ?? 0) - t);
          main.set(e.name, (main.get(e.name) ?? 0) + t);
        }
        stack.push({ end: e.ts + (e.dur ?? 0), name: e.name });
      }
    }
    return { p50: percentile(r.frames, 50), p95: percentile(r.frames, 95), cpu, main };
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function report(label: string, samples: Sample[]) {
  const keys = (pick: (s: Sample) => Map<string, number>) => [...new Set(samples.flatMap((s) => [...pick(s).keys()]))];
  const med = (pick: (s: Sample) => Map<string, number>, k: string) => median(samples.map((s) => pick(s).get(k) ?? 0));
  const threads = keys((s) => s.cpu)
    .map((k) => [k, med((s) => s.cpu, k)] as const)
    .filter(([, v]) => v >= 0.2)
    .sort((a, b) => b[1] - a[1]);
  const total = threads.reduce((a, [, v]) => a + v, 0);
  console.log(
    `\n${label}: frames p50 ${median(samples.map((s) => s.p50)).toFixed(1)} / p95 ${median(samples.map((s) => s.p95)).toFixed(1)} ms (medians of ${samples.length}); CPU ms per frame ${total.toFixed(1)}: ${threads.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`,
  );
  const work = keys((s) => s.main)
    .map((k) => [k, med((s) => s.main, k)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12);
  console.log(`  main thread: ${work.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")}`);
}

const variants = [{ label: "working tree", site: await serveBench(null, { minify: false }) }];
if (ref) variants.unshift({ label: ref, site: await serveBench(ref, { minify: false }) });
const browser = await launchChromium();
try {
  console.log(
    `${view} ${items}, ${frames} frames; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const samples = new Map<string, Sample[]>(variants.map((v) => [v.label, []]));
  for (let i = 0; i < rounds; i++)
    for (const v of i % 2 ? [...variants].reverse() : variants)
      samples.get(v.label)?.push(await traced(browser, v.site.url));
  for (const [label, s] of samples) report(label, s);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
} finally {
  await browser.close();
  for (const v of variants) v.site.close();
}
