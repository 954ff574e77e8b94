/**
 * npm run bench:export — throughput and peak memory of every export format
 * over a graph of at least 1,000,000 elements (entity nodes + relationships),
 * built with the synthetic generator in a managed Neo4j of its own
 * (data in $RASD_BENCH_DIR, default /tmp/rasd-bench-export; kept between runs
 * so the load happens once; RASD_BENCH_ELEMENTS changes the target;
 * RASD_BENCH_LOAD_ONLY=1 only loads; RASD_BENCH_FORMATS=graphml,gexf picks formats).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSynthetic } from "../../seeds/synthetic/generate.ts";
import type { ManagedNeo4j } from "../../server/src/config.ts";
import { Database } from "../../server/src/db/database.ts";
import { runMigrations } from "../../server/src/db/migrations.ts";
import { createExport } from "../../server/src/export/export-stream.ts";
import { EXPORT_FORMATS, parseExportRequest } from "../../server/src/export/selection.ts";
import { startManagedNeo4j, stopManagedNeo4j } from "../../server/src/neo4j-managed/managed-neo4j.ts";
import { freePort, MemoryProbe } from "./probe.ts";

const target = Number(process.env.RASD_BENCH_ELEMENTS ?? 1_000_000);
const settings: ManagedNeo4j = {
  kind: "managed",
  dataDir: process.env.RASD_BENCH_DIR ?? join(tmpdir(), "rasd-bench-export"),
  port: await freePort(),
  heap: "3g",
  pageCache: "1g",
};

async function elements(db: Database): Promise<number> {
  const request = parseExportRequest({ format: "graphml", all: "1" });
  const { nodes, edges } = await createExport(db, request).source.count();
  return nodes + edges;
}

/** Loads synthetic articles until the graph holds the target number of elements. */
async function ensureGraph(db: Database) {
  let have = await elements(db);
  if (have >= target) return have;
  const probe = 2000;
  console.log(`loading synthetic data (graph has ${have} elements, target ${target})…`);
  await loadSynthetic(db, { events: probe, seed: 1 });
  const perEvent = (await elements(db)) / probe;
  const events = Math.ceil((target / perEvent) * 1.03);
  const t0 = performance.now();
  await loadSynthetic(db, {
    events,
    seed: 1,
    onProgress: (n) => n % 20000 < 1000 && console.log(`  ${n}/${events} events`),
  });
  have = await elements(db);
  console.log(`loaded ${events} events → ${have} elements in ${((performance.now() - t0) / 1000).toFixed(0)}s`);
  return have;
}

const running = await startManagedNeo4j(settings, { log: (l) => console.log(l) });
const db = new Database(running.uri, running.user, running.password);
try {
  await runMigrations(db);
  const total = await ensureGraph(db);
  if (process.env.RASD_BENCH_LOAD_ONLY) process.exit(0);
  console.log(
    `\nexporting all ${total} elements (nodes + relationships) in each format; bytes are counted, not stored\n`,
  );
  console.log("| format | elements | seconds | elements/s | MB out | peak RSS MB | peak heap MB |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  const only = process.env.RASD_BENCH_FORMATS?.split(",");
  for (const format of EXPORT_FORMATS.filter((f) => !only || only.includes(f))) {
    global.gc?.();
    const probe = new MemoryProbe();
    const exp = createExport(db, parseExportRequest({ format, all: "1" }));
    const t0 = performance.now();
    let bytes = 0;
    for await (const chunk of exp.chunks) bytes += chunk.length;
    const seconds = (performance.now() - t0) / 1000;
    const peak = probe.stop();
    const n = exp.source.read;
    console.log(
      `| ${format} | ${n} | ${seconds.toFixed(1)} | ${Math.round(n / seconds)} | ${(bytes / 1e6).toFixed(0)} | ${peak.rss.toFixed(0)} | ${peak.heap.toFixed(0)} |`,
    );
  }
} finally {
  await db.close();
  if (!process.env.RASD_BENCH_KEEP) await stopManagedNeo4j(settings);
}
