// `npm run bench:extract`: the GeoNames gazetteer's load time and memory, extraction throughput on
// typical articles (the seed and the evaluation articles, 600–1,000 words; also as 600-word articles
// per CPU-second, in alternating rounds) and the time for one long article of 100 KB, 400 KB and 2 MB, for the
// extractor as it is and for the baseline — the extractor of BENCH_BASELINE (default: the commit
// before the speed work of issue 11's last round; 278b07b is the one before the linear-time work), (server/src, schema, the gazetteer) checked out into a temporary folder — printed side by side with ratios.
// The baseline's 2 MB run takes minutes (that was the bug), so it runs only with BENCH_BASELINE_2MB=1.

import { execSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { longArticle } from "../../seeds/synthetic/long-article.ts";
import type { ArticleInput } from "../../server/src/extract/types.ts";

type Extract = (input: ArticleInput) => unknown;

const repo = resolve(import.meta.dirname, "../..");
const baselineCommit = process.env.BENCH_BASELINE ?? "6155075";
const withBaseline2mb = process.env.BENCH_BASELINE_2MB === "1";

/** The extractor of `commit`, from a temporary checkout of server/src and schema (node_modules linked). */
async function baselineExtractor(commit: string): Promise<{ extract: Extract; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "rasd-bench-extract-"));
  // Extractors since issue 11 also read the GeoNames gazetteer; older commits have none.
  const geonames = execSync(`git ls-tree --name-only ${commit} seeds/geonames`, { cwd: repo }).toString().trim();
  execSync(`git archive ${commit} server/src schema seeds/gazetteer ${geonames} package.json | tar -x -C ${dir}`, {
    cwd: repo,
  });
  symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"));
  const mod = await import(pathToFileURL(join(dir, "server/src/extract/index.ts")).href);
  return { extract: mod.extractArticle, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function currentExtractor(): Promise<Extract> {
  return (await import("../../server/src/extract/index.ts")).extractArticle;
}

/** Wall and CPU seconds of one call; a refusal (the baseline's invalid bundles) is timed too and noted. */
function timed(extract: Extract, input: ArticleInput) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let note = "valid";
  try {
    extract(input);
  } catch (error) {
    note = `refused: ${(error as Error).message.split("\n")[1]?.trim() ?? (error as Error).message}`;
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6, note };
}

const { parseArticleInput } = await import("../../server/src/extract/parse-input.ts");
const typical = [
  "seeds/erem-2024-08-22.ar.txt",
  ...readdirSync(join(repo, "seeds/eval"))
    .filter((f) => !f.endsWith(".json"))
    .map((f) => `seeds/eval/${f}`),
].map((f) => parseArticleInput(readFileSync(join(repo, f)), f));

const wordsOf = (a: ArticleInput) => a.text.split(/\s+/).filter(Boolean).length;

interface Rate {
  perWall: number;
  perCpu: number;
  per600Cpu: number;
}

/** One timed round: the typical articles in turn for `seconds`. */
function round(extract: Extract, seconds: number): Rate {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  let words = 0;
  while (performance.now() - t0 < seconds * 1000) {
    const a = typical[n++ % typical.length];
    extract(a);
    words += wordsOf(a);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // The unit: typical 600-word articles per second of one core's CPU time.
  return {
    perWall: n / ((performance.now() - t0) / 1000),
    perCpu: n / cpuSeconds,
    per600Cpu: words / 600 / cpuSeconds,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * Throughput of both extractors in alternating rounds, each figure the median
 * of its rounds: on a shared machine the load changes by the second, and
 * alternating gives both the same conditions (one long run each did not).
 */
function throughputSideBySide(now: Extract, old: Extract, rounds = 10, seconds = 0.6) {
  for (let k = 0; k < 20; k++) for (const a of typical) (k % 2 ? old : now)(a); // warm-up: gazetteer, lexicon, JIT
  const runs: [Rate[], Rate[]] = [[], []];
  for (let r = 0; r < rounds; r++) {
    runs[0].push(round(now, seconds));
    runs[1].push(round(old, seconds));
  }
  const summary = (rs: Rate[]) => ({
    perWall: median(rs.map((x) => x.perWall)),
    perCpu: median(rs.map((x) => x.perCpu)),
    per600Cpu: median(rs.map((x) => x.per600Cpu)),
    per600CpuRounds: rs.map((x) => x.per600Cpu.toFixed(0)).join(" "),
  });
  return { now: summary(runs[0]), old: summary(runs[1]) };
}

/** The GeoNames gazetteer's load, measured before anything else touches it (the extractor loads it on first use). */
async function gazetteerLoad() {
  const { geonames } = await import("../../server/src/extract/mentions/geonames.ts");
  const rss0 = process.memoryUsage().rss;
  const g = geonames();
  return { ms: g.loadMs, heapMb: g.heapBytes / 1e6, rssMb: (process.memoryUsage().rss - rss0) / 1e6 };
}

const load = await gazetteerLoad();
console.log(
  `GeoNames gazetteer: loaded in ${load.ms.toFixed(0)} ms, +${load.heapMb.toFixed(0)} MB heap, +${load.rssMb.toFixed(0)} MB RSS (once per process, on the first extraction)`,
);
const current = await currentExtractor();
const baseline = await baselineExtractor(baselineCommit);
try {
  const sizes = [100_000, 400_000, 2_000_000];
  const rows: Record<string, string | number>[] = [];
  const { now: tNew, old: tOld } = throughputSideBySide(current, baseline.extract);
  rows.push({
    case: `typical articles (${typical.length}), articles/s`,
    baseline: +tOld.perWall.toFixed(1),
    now: +tNew.perWall.toFixed(1),
    "now/baseline": +(tNew.perWall / tOld.perWall).toFixed(2),
    "CPU-time ratio": +(tNew.perCpu / tOld.perCpu).toFixed(2),
    note: "",
  });
  rows.push({
    case: "600-word articles per CPU-second (one core)",
    baseline: +tOld.per600Cpu.toFixed(1),
    now: +tNew.per600Cpu.toFixed(1),
    "now/baseline": +(tNew.per600Cpu / tOld.per600Cpu).toFixed(2),
    "CPU-time ratio": "",
    note: "target ≥ 50 with the full gazetteer loaded",
  });
  console.log(
    `600-word articles per CPU-second by round — now: ${tNew.per600CpuRounds}; baseline: ${tOld.per600CpuRounds}`,
  );
  for (const size of sizes) {
    const input = longArticle(size, "mixed");
    const now = timed(current, input);
    const old = size < 2_000_000 || withBaseline2mb ? timed(baseline.extract, input) : undefined;
    rows.push({
      case: `one ${size / 1000} KB article, seconds`,
      baseline: old ? +old.wall.toFixed(2) : "skipped",
      now: +now.wall.toFixed(2),
      "now/baseline": old ? +(now.wall / old.wall).toFixed(3) : "",
      "CPU-time ratio": old ? +(now.cpu / old.cpu).toFixed(3) : "",
      "CPU s (baseline → now)": `${old ? old.cpu.toFixed(1) : "–"} → ${now.cpu.toFixed(1)}`,
      note: `now ${now.note}; baseline ${old?.note ?? "not run (BENCH_BASELINE_2MB=1)"}`,
    });
  }
  console.log(
    `\nbench:extract (baseline: extractor at ${baselineCommit}; in-process, one thread; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")})`,
  );
  console.table(rows);
  console.log("Wall times depend on the machine's load; the CPU-time ratio does less.");
} finally {
  baseline.cleanup();
}
