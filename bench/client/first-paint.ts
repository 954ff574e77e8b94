/**
 * `npm run bench:client` (first part): the client's initial JavaScript
 * (gzipped), its first meaningful paint on the seed (the timeline's events on
 * screen) and the time until every panel is drawn, for the client as it is
 * and for a baseline commit, side by side, with the load average. The
 * baseline (BENCH_BASELINE_REF) defaults to main before the preloaded start
 * request (stats and a small graph's timeline in one GET) and the timeline's
 * lean fields, served precompressed like the current client
 * (BENCH_BASELINE_REF=6155075: before the stats preload and timeline-first loading);
 * BENCH_BASELINE_REF=278b07b BENCH_BASELINE_COMPRESSED=0 compares with the
 * client before the lazy atlas and code splitting, served uncompressed as it was.
 */

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import sirv from "sirv";
import { build } from "vite";
import { launchChromium } from "../../client/test/helpers/browser.ts";
import { loadSettings } from "../../server/src/config.ts";
import { Database } from "../../server/src/db/database.ts";
import { runMigrations } from "../../server/src/db/migrations.ts";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { startManagedNeo4j, stopManagedNeo4j } from "../../server/src/neo4j-managed/managed-neo4j.ts";
import { repoRoot } from "../../server/src/paths.ts";
import { seedBundlePath } from "../../server/src/seed.ts";
import { createRasdYoga } from "../../server/src/yoga.ts";
import {
  nameOperations,
  type PaintBreakdown,
  printBreakdown,
  printServerTimes,
  readPaint,
  watchPaint,
} from "./paint-breakdown.ts";

const baselineRef = process.env.BENCH_BASELINE_REF ?? "d2c5727";
const runs = Number(process.env.BENCH_PAINT_RUNS ?? 3);
/** Serve the baseline precompressed too (0 for a baseline from before precompression). */
const baselineCompressed = process.env.BENCH_BASELINE_COMPRESSED !== "0";

/** Writes .br and .gz beside each text asset (what the client's build does), whatever the ref's config did. */
function precompress(dir: string): void {
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const file = join(dir, name);
    if (!/\.(js|css|html|json|svg)$/.test(file) || !statSync(file).isFile()) continue;
    const data = readFileSync(file);
    if (data.length < 1024) continue;
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
  }
}

/** Builds the client of `ref` (null: the working tree) into a temporary folder. */
async function buildClient(ref: string | null): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "rasd-bench-paint-"));
  let configFile = join(repoRoot, "client", "vite.config.ts");
  if (ref) {
    // Inside the repository, so the baseline resolves the same node_modules.
    const src = join(repoRoot, "node_modules", ".cache", `rasd-baseline-${ref}`);
    rmSync(src, { recursive: true, force: true });
    mkdirSync(src, { recursive: true });
    // The client imports the shared vocabulary from server/src/model: the ref's copy of both.
    execFileSync("sh", ["-c", `git -C "${repoRoot}" archive "${ref}" client server/src/model | tar -x -C "${src}"`]);
    // Older configs precompress a fixed client/dist rather than the build's folder: let them find one.
    mkdirSync(join(src, "client", "dist"), { recursive: true });
    configFile = join(src, "client", "vite.config.ts");
  }
  await build({ configFile, logLevel: "error", build: { outDir, emptyOutDir: true, sourcemap: false } });
  precompress(outDir);
  return outDir;
}

/** Gzipped bytes of the scripts the page loads before anything else (entry and module preloads). */
function initialJs(dist: string): number {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
}

async function serve(handler: RequestListener) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function firstPaintBench(): Promise<void> {
  const [before, after] = [await buildClient(baselineRef), await buildClient(null)];
  const dataDir = mkdtempSync(join(tmpdir(), "rasd-bench-paint-neo4j-"));
  const neo = {
    kind: "managed" as const,
    dataDir,
    port: 17000 + Math.floor(Math.random() * 2000),
    heap: "1g",
    pageCache: "256m",
  };
  const running = await startManagedNeo4j(neo, { log: () => {}, timeoutMs: 600_000 });
  const db = new Database(running.uri, running.user, running.password);
  const servers: { close(): void }[] = [];
  const browser = await launchChromium();
  try {
    await runMigrations(db);
    await db.autoCommit({ cypher: "MATCH (n) DETACH DELETE n" });
    await ingestBundle(db, JSON.parse(readFileSync(seedBundlePath, "utf8")));
    const yoga = createRasdYoga({ db, settings: loadSettings({ ...process.env, PORT: "0" }) });
    const site = async (dist: string, compressed: boolean) => {
      const statics = sirv(dist, { single: true, etag: true, brotli: compressed, gzip: compressed });
      const s = await serve((req, res) =>
        (req.url ?? "").startsWith("/graphql")
          ? yoga(req, res)
          : statics(req, res, () => {
              res.writeHead(404).end();
            }),
      );
      servers.push(s);
      return s.url;
    };
    const sites = { before: await site(before, baselineCompressed), after: await site(after, true) };
    const phases: Record<"before" | "after", PaintBreakdown[]> = { before: [], after: [] };
    const loadBefore = loadavg();
    for (let i = 0; i < runs; i++)
      for (const which of ["before", "after"] as const) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        await watchPaint(page);
        const operations = nameOperations(page);
        await page.goto(sites[which]);
        // Until every panel is drawn, so each run's breakdown is complete; the times are the page's own.
        await page.waitForSelector("#app.ready", { timeout: 120_000 });
        await page.waitForFunction(() => (globalThis as unknown as { __paint: { painted?: number } }).__paint.painted);
        phases[which].push(await readPaint(page, operations));
        await page.close();
      }
    const loadAfter = loadavg();
    const [jb, ja] = [initialJs(before), initialJs(after)];
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    const row = (label: string, b: string, a: string, ratio: number) =>
      console.log(`${label.padEnd(38)} before ${b.padStart(8)}   after ${a.padStart(8)}   ×${ratio.toFixed(2)}`);
    row("initial JS (gzip)", kb(jb), kb(ja), ja / jb);
    for (const [label, key] of [
      ["first meaningful paint, seed (p50)", "timelinePainted"],
      ["all panels drawn, seed (p50)", "ready"],
    ] as const) {
      const [b, a] = [median(phases.before.map((p) => p[key])), median(phases.after.map((p) => p[key]))];
      row(label, `${Math.round(b)} ms`, `${Math.round(a)} ms`, a / b);
    }
    const la = (l: number[]) => l.map((x) => x.toFixed(1)).join(" ");
    console.log(
      `  ${runs} runs each, interleaved, 1440×900, times from navigation start; baseline ${baselineRef}; load average ${la(loadBefore)} before the runs, ${la(loadAfter)} after (${cpus().length} cores)`,
    );
    printBreakdown(`before (${baselineRef})`, phases.before);
    printBreakdown("after", phases.after);
    await printServerTimes((request) => yoga.fetch(request));
  } finally {
    await browser.close();
    for (const s of servers) s.close();
    await db.close();
    await stopManagedNeo4j(neo);
    for (const d of [before, after, dataDir]) rmSync(d, { recursive: true, force: true });
  }
}
