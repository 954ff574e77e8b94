/**
 * `npm run bench:client` (second part): Rasd's timeline beside vis-timeline
 * and Rasd's graph beside force-graph, on the same synthetic data in the same
 * Chromium, interleaved size by size (a fresh page each run): first render
 * (until painted), heap after it (after a garbage collection, main thread
 * only), and frame times during a scripted pan and zoom. Graphs are measured
 * twice: while the layout runs, and after it came to rest. Rasd's first
 * render is the median of BENCH_RENDERS fresh pages (default 5).
 */
import type { Browser, Page } from "playwright-core";
import { percentile } from "../bench-neo4j.ts";
import type { Frames } from "./drive.ts";
import type { ViewName } from "./page.ts";

const sizesOf = (v: string | undefined, d: string) =>
  (v ?? d)
    .split(",")
    .map(Number)
    .filter((n) => n > 0);
const timelineSizes = sizesOf(process.env.BENCH_TIMELINE_SIZES, "2000,20000,100000");
const graphSizes = sizesOf(process.env.BENCH_GRAPH_SIZES, "5000,20000");
const frameCount = Number(process.env.BENCH_FRAMES ?? 150);
const settleMs = Number(process.env.BENCH_SETTLE_MS ?? 60_000);
// A view that takes seconds a frame is measured for this long per pan/zoom rather than for every frame.
const phaseMs = Number(process.env.BENCH_PHASE_MS ?? 90_000);
// vis-timeline does not finish 100,000 items; a run that has not painted by then is reported as such.
const renderTimeoutMs = Number(process.env.BENCH_RENDER_TIMEOUT_MS ?? 120_000);
// Rasd's first render is measured this many times (a fresh page each, median reported): one sample of a
// few hundred ms swings by ×2 with the machine's load. The peers, taking seconds to minutes, once.
const rasdRenders = Math.max(1, Number(process.env.BENCH_RENDERS ?? 5));

interface Phase {
  p50: number;
  p95: number;
  workP95: number;
  layoutRunning: boolean;
}
interface Run {
  view: ViewName;
  /** The view's name in the report ("rasd-graph (before)" for the baseline's). */
  label: string;
  n: number;
  firstRender: number | null;
  heapMb: number | null;
  phases: Phase[];
  settled?: boolean;
  note?: string;
  /** How many first renders the reported one is the median of. */
  renders?: number;
  /** Its first renders alternated with the baseline's. */
  alternated?: boolean;
}

/** One first render of `view` in a fresh page (until painted), ms. */
async function firstRenderOnly(browser: Browser, url: string, view: ViewName, n: number): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  try {
    await page.goto(url);
    await page.waitForFunction(() => "bench" in window);
    await page.evaluate(([v, k]) => (window as unknown as BenchWindow).bench.prepare(v, k), [view, n] as const);
    return await page.evaluate((v) => (window as unknown as BenchWindow).bench.mount(v), view);
  } finally {
    await page.close({ runBeforeUnload: false });
  }
}

type BenchWindow = {
  bench: {
    prepare(v: ViewName, n: number): void;
    mount(v: ViewName): Promise<number>;
    interact(c: number, maxMs: number): Promise<Frames & { layoutRunning: boolean }>;
    settle(ms: number): Promise<boolean>;
    dispose(): void;
    marksCost(counts: number[]): { marks: number; ms: number }[];
  };
};

/** The timeline's drawing cost by marks in view, which its level of detail (markBudget) is chosen from. */
async function marksCost(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  try {
    await page.goto(url);
    await page.waitForFunction(() => "bench" in window);
    const cost = await page.evaluate(
      (c) => (window as unknown as BenchWindow).bench.marksCost(c),
      [1000, 2000, 4000, 8000, 16000, 32000],
    );
    console.log(
      `timeline marks drawing cost (100,000 events, 1400 px): ${cost
        .map(
          (c) => `${c.marks ? `${c.marks.toLocaleString("en")} marks` : "all rows as density strips"} ${ms(c.ms)} ms`,
        )
        .join(", ")}`,
    );
  } finally {
    await page.close();
  }
}

const timeout = (ms: number) =>
  new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no first render within ${ms / 1000} s`)), ms));

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize / 2 ** 20;
}

function phase(r: Frames & { layoutRunning: boolean }): Phase {
  return {
    p50: percentile(r.frames, 50),
    p95: percentile(r.frames, 95),
    workP95: percentile(r.work, 95),
    layoutRunning: r.layoutRunning,
  };
}

async function measure(browser: Browser, url: string, view: ViewName, n: number, label: string = view): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on("pageerror", (e) => console.error(`page error (${label} ${n}): ${e.message}`));
  const run: Run = { view, label, n, firstRender: null, heapMb: null, phases: [] };
  try {
    await page.goto(url);
    await page.waitForFunction(() => "bench" in window);
    await page.evaluate(([v, k]) => (window as unknown as BenchWindow).bench.prepare(v, k), [view, n] as const);
    const before = await heapMb(page);
    run.firstRender = await Promise.race([
      page.evaluate((v) => (window as unknown as BenchWindow).bench.mount(v), view),
      timeout(renderTimeoutMs),
    ]);
    run.heapMb = (await heapMb(page)) - before;
    if (view.startsWith("rasd-") && rasdRenders > 1) {
      // More first renders, each in a fresh page (the page measured below keeps the first one's view).
      const samples = [run.firstRender];
      for (let k = 1; k < rasdRenders; k++) samples.push(await firstRenderOnly(browser, url, view, n));
      run.firstRender = percentile(samples, 50);
      run.renders = samples.length;
    }
    const interact = () =>
      page
        .evaluate(([c, t]) => (window as unknown as BenchWindow).bench.interact(c, t), [frameCount, phaseMs] as const)
        .then(phase);
    run.phases.push(await interact());
    if (view.endsWith("graph")) {
      run.settled = await page.evaluate((ms) => (window as unknown as BenchWindow).bench.settle(ms), settleMs);
      run.phases.push(await interact());
    }
    await page.evaluate(() => (window as unknown as BenchWindow).bench.dispose());
  } catch (e) {
    run.note = (e as Error).message.split("\n")[0];
  } finally {
    // A page still busy rendering is closed without waiting for it.
    await Promise.race([page.close({ runBeforeUnload: false }), new Promise((r) => setTimeout(r, 10_000))]);
  }
  return run;
}

const ms = (x: number | null | undefined) => (x == null ? "—" : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a != null && b != null && b > 0 ? `×${(a / b).toFixed(1)}` : "—";

/**
 * `baselineUrl`: the bench page of a baseline commit (BENCH_BASELINE_REF),
 * whose Rasd view is measured beside the working tree's, "before".
 */
export async function peersBench(browser: Browser, url: string, baselineUrl?: string): Promise<void> {
  const pairs: [ViewName, ViewName, number][] = [
    ...timelineSizes.map((n) => ["rasd-timeline", "vis-timeline", n] as [ViewName, ViewName, number]),
    ...graphSizes.map((n) => ["rasd-graph", "force-graph", n] as [ViewName, ViewName, number]),
  ];
  await marksCost(browser, url);
  const rows: { rasd: Run; peer: Run; blank: Run; before: Run | null }[] = [];
  for (const [i, [rasdView, peerView, n]] of pairs.entries()) {
    // Interleaved, and the order alternates, so load drifts on the shared machine hit both alike.
    const both = i % 2 ? [peerView, rasdView] : [rasdView, peerView];
    // BENCH_PEERS=0 measures Rasd's views alone (a quick check while working on them).
    // The empty page first, as the control: what frames the machine gives right now (BENCH_BLANK=0 skips it).
    const control: ViewName[] = process.env.BENCH_BLANK === "0" ? [] : ["blank-page"];
    const order = [...control, ...(process.env.BENCH_PEERS === "0" ? [rasdView] : both)];
    const out: Partial<Record<ViewName, Run>> = {};
    // The baseline's view beside Rasd's: first on even sizes, last on odd ones.
    let before: Run | null = null;
    const runs: (() => Promise<Run>)[] = order.map((view) => async () => {
      out[view] = await measure(browser, url, view, n);
      return out[view] as Run;
    });
    if (baselineUrl) {
      const runBefore = async () => {
        before = await measure(browser, baselineUrl, rasdView, n, `${rasdView} (before)`);
        return before;
      };
      if (i % 2) runs.push(runBefore);
      else runs.splice(control.length, 0, runBefore);
    }
    const lines: Run[] = [];
    for (const go of runs) lines.push(await go());
    if (before && out[rasdView]) {
      // Before and after again, alternating sample by sample: a view measured right after a peer's
      // page (seconds of work, tens of MB to free) would otherwise start on a busier browser.
      const [b, a] = [before as Run, out[rasdView] as Run];
      const pairs: [number[], number[]] = [[], []];
      for (let k = 0; k < rasdRenders; k++) {
        pairs[0].push(await firstRenderOnly(browser, baselineUrl as string, rasdView, n));
        pairs[1].push(await firstRenderOnly(browser, url, rasdView, n));
      }
      b.firstRender = percentile(pairs[0], 50);
      a.firstRender = percentile(pairs[1], 50);
      b.renders = a.renders = rasdRenders;
      a.alternated = b.alternated = true;
    }
    for (const r of lines) {
      console.log(
        `  ${r.label} ${n.toLocaleString("en")}: first render ${ms(r.firstRender)} ms${r.renders ? ` (median of ${r.renders}${r.alternated ? ", alternating before/after" : ""})` : ""}, heap ${ms(r.heapMb)} MB, ` +
          r.phases
            .map((p) => `frames p50 ${ms(p.p50)} / p95 ${ms(p.p95)} ms${p.layoutRunning ? " (layout running)" : ""}`)
            .join("; ") +
          (r.note ? ` — ${r.note}` : ""),
      );
    }
    rows.push({
      before,
      blank: out["blank-page"] ?? {
        view: "blank-page",
        label: "blank-page",
        n,
        firstRender: null,
        heapMb: null,
        phases: [],
        note: "not run",
      },
      rasd: out[rasdView] as Run,
      peer: out[peerView] ?? {
        view: peerView,
        label: peerView,
        n,
        firstRender: null,
        heapMb: null,
        phases: [],
        note: "not run",
      },
    });
  }
  console.log(
    `\nbench:client — ${frameCount} frames per pan/zoom (at most ${phaseMs / 1000} s each), one input step per frame`,
  );
  console.table(
    rows.flatMap(({ rasd, peer, blank, before }) =>
      [blank, ...(before ? [before] : []), rasd, peer]
        .filter((r) => r.note !== "not run")
        .map((r) => {
          const [running, still] = [r.phases[0], r.phases[1]];
          return {
            view: r.label,
            items: r.n,
            "first render ms": r.firstRender == null ? (r.note ?? "—") : +ms(r.firstRender),
            "heap MB": r.heapMb == null ? "—" : +ms(r.heapMb),
            "frame p50": running ? +ms(running.p50) : "—",
            "frame p95": running ? +ms(running.p95) : "—",
            "input p95": running ? +ms(running.workP95) : "—",
            "settled p50": still ? +ms(still.p50) : "",
            "settled p95": still ? +ms(still.p95) : "",
          };
        }),
    ),
  );
  for (const { rasd, peer, blank, before } of rows) {
    const [a, b] = [rasd.phases.at(-1), peer.phases.at(-1)];
    if (before)
      console.log(
        `${rasd.view} ${rasd.n.toLocaleString("en")} before → after: first render ${ms(before.firstRender)} → ${ms(rasd.firstRender)} ms (${ratio(before.firstRender, rasd.firstRender)} faster), ` +
          `frame p50 / p95 ${before.phases.map((p) => `${ms(p.p50)} / ${ms(p.p95)}`).join(", ")} → ${rasd.phases.map((p) => `${ms(p.p50)} / ${ms(p.p95)}`).join(", ")} ms` +
          (rasd.phases.length > 1 ? " (layout running, settled)" : "") +
          (before.firstRender != null && peer.firstRender != null
            ? `; vs ${peer.view} first render before ${ratio(peer.firstRender, before.firstRender)}, after ${ratio(peer.firstRender, rasd.firstRender)}`
            : ""),
      );
    console.log(
      `${rasd.view} ${rasd.n.toLocaleString("en")} vs ${peer.view}: first render ${ratio(peer.firstRender, rasd.firstRender)} faster, ` +
        `heap ${ratio(peer.heapMb, rasd.heapMb)} smaller, frame p95 ${ms(rasd.phases[0]?.p95)} vs ${ms(peer.phases[0]?.p95)} ms` +
        (rasd.phases.length > 1 ? ` (settled ${ms(a?.p95)} vs ${ms(b?.p95)} ms)` : "") +
        (peer.note ? ` (${peer.view}: ${peer.note})` : "") +
        (blank.phases[0] ? `; the empty page's frame p95 at the same time ${ms(blank.phases[0].p95)} ms` : ""),
    );
  }
  console.log(
    "Targets: timeline frame p95 ≤ 16.7 ms at 20k and 100k, first render ≥ ×10 faster than vis-timeline at 20k; graph p95 ≤ 33 ms at 5k, ≤ 100 ms at 20k.",
  );
}
