// `npm run bench:ingest`: what event resolution (syndication + same-event matching, server/src/resolve/)
// costs at ingest, as the graph grows. One synthetic stream (seed 1) in which BENCH_RETELL (default 0.2)
// of the events retell a recent event in another outlet's article (same type, dates, place and actors:
// what resolution exists for). For each size in BENCH_SIZES (default 10000,100000,1000000; each size a
// prefix of the next) the graph is bulk-loaded up to that many events (200 bundles per transaction, no
// resolution), then the next BENCH_RESOLVE_EVENTS (default 2,000) events of the same stream are
// ingested as ingestBundle does it, one bundle per transaction, in chunks of BENCH_CHUNK_EVENTS
// (default 100) alternating with and without resolution (with, without, without, with, ...), so both
// modes see the same graph, the same data and the same machine load. Prints entities per second for
// each mode, their ratio (goal: resolution no slower than ×2 at 1M events), how many incoming events
// resolution merged or found candidates for, and the load average. Uses its own Neo4j under /tmp.
// Before the timed sample, BENCH_WARMUP_BUNDLES (default 2) bundles per mode are written untimed, and more
// until resolution has merged an event and recorded a candidate, so each statement either mode runs is
// planned before the clock starts.
//
// BENCH_SIZES=have measures the graph in RASD_BENCH_DIR as it is (a 1M store takes hours to load here):
// nothing is emptied or loaded, and the sample is a stream of its own (BENCH_SEED, default the first
// seed from 2 up whose first article the graph does not hold), so its events are new to the graph and
// its retold events retell events of the sample itself. Each run adds its sample to the graph.
// BENCH_SAMPLE_DAYS=N (with `have`) publishes the sample in the last N days of the stored ten years, as
// a live feed arriving at an archive would be; by default it is spread over all of them.
//
// Before the warm-up bundles the page cache is warmed (bench-neo4j.ts warmPageCache: the tie indexes, the
// id indexes, events, actors and places and the events' relationships), as a server that has been running
// holds them; BENCH_COLD=1 measures a freshly started Neo4j instead, whose first read of each page lands in
// the sample (mostly in resolution's, whose reads spread over the whole stored decade). The page cache is
// RASD_BENCH_PAGECACHE (default 8g; the 1M store is 5.5 GB).

import { loadavg } from "node:os";
import { bundleItems, generateSyntheticBundles } from "../../seeds/synthetic/generate.ts";
import type { ArticleBundle } from "../../server/src/bundle/types.ts";
import { validateBundle } from "../../server/src/bundle/validate.ts";
import { writeBundles } from "../../server/src/ingest/write-bundles.ts";
import { benchGraph, benchNeo4j, eventCount, openBenchDatabase, warmPageCache } from "../bench-neo4j.ts";

const asIs = process.env.BENCH_SIZES === "have";
let sizes = (asIs ? "0" : (process.env.BENCH_SIZES ?? "10000,100000,1000000"))
  .split(",")
  .map(Number)
  .sort((a, b) => a - b);
if (sizes.some((n) => !Number.isInteger(n) || n < 0))
  throw new Error("BENCH_SIZES: comma-separated event counts, or `have`");
const sample = Number(process.env.BENCH_RESOLVE_EVENTS ?? 2_000);
const chunkEvents = Number(process.env.BENCH_CHUNK_EVENTS ?? 100);
const retell = Number(process.env.BENCH_RETELL ?? 0.2);
const warmupBundles = Number(process.env.BENCH_WARMUP_BUNDLES ?? 2);
/** The most warm-up bundles per mode, however long no merge comes. */
const WARMUP_CAP = 40;
// With BENCH_SIZES=have: the sample's articles are published in the last BENCH_SAMPLE_DAYS days of
// the stored ten years (a live feed arriving at an archive) instead of on any day (every incoming
// event's window then lies in pages no earlier ingest read: the worst case, and the default).
const sampleDays = process.env.BENCH_SAMPLE_DAYS ? Number(process.env.BENCH_SAMPLE_DAYS) : undefined;
const bulkPerTx = 200;
const cold = process.env.BENCH_COLD === "1";

type Mode = "with" | "without";
/** ABBA order: neither mode always goes first after a bulk load or a slow spell. */
const ORDER: Mode[] = ["with", "without", "without", "with"];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

const { db, stop } = await openBenchDatabase();
try {
  const graph = await benchGraph(db, asIs, "measuring");
  const seed = graph.seed;
  if (asIs) sizes = [graph.events];
  const stream = generateSyntheticBundles({
    events:
      (asIs ? 2 * sample : sizes[sizes.length - 1] + sizes.length * sample) +
      sizes.length * 2 * 5 * Math.max(warmupBundles, WARMUP_CAP),
    seed,
    retell,
    lastDays: asIs ? sampleDays : undefined,
  })[Symbol.iterator]();
  let streamed = 0;
  const nextBundle = (): ArticleBundle | null => {
    const n = stream.next();
    if (n.done) return null;
    streamed += n.value.events.length;
    return validateBundle(n.value);
  };
  const rows: Record<string, string | number>[] = [];

  for (const size of sizes) {
    // Bulk load up to `size` events: the graph resolution searches (none as it is: the sample counts from 0).
    const t0 = performance.now();
    if (asIs) streamed = size;
    let batch: ArticleBundle[] = [];
    let lastProgress = streamed;
    while (streamed < size) {
      const b = nextBundle();
      if (!b) break;
      batch.push(b);
      if (batch.length >= bulkPerTx || streamed >= size) {
        await writeBundles(db, batch, { resolve: false });
        batch = [];
      }
      if (streamed - lastProgress >= 50_000) {
        lastProgress = streamed;
        console.log(`  ${streamed.toLocaleString("en")} events loaded (load average ${load()})`);
      }
    }
    if (batch.length) await writeBundles(db, batch, { resolve: false });
    if (asIs) streamed = 0;
    else
      console.log(
        `graph at ${streamed.toLocaleString("en")} events (bulk load ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
      );

    // The next `sample` events, one bundle per transaction, chunks alternating between the modes.
    const stat = {
      with: { seconds: 0, entities: 0, events: 0, merged: 0, candidates: 0 },
      without: { seconds: 0, entities: 0, events: 0, merged: 0, candidates: 0 },
    };
    // Warm-up, untimed: a server plans each statement once, and planning the resolution path's larger
    // statements took up to 9 s at load 9 (bench/ingest at 1M, 2026-11-30) — a cost of the first ingest
    // after a start, not of each one, which a short sample would otherwise bill to resolution.
    // Resolution's later statements run only when a bundle merges an event or records candidates, so the
    // warm-up goes on (up to WARMUP_CAP bundles) until one has done both: else their planning, seconds
    // each, would land in the first timed chunk.
    const cache = cold
      ? `cold (Neo4j just started), page cache ${benchNeo4j.pageCache}`
      : `page cache ${benchNeo4j.pageCache}, warmed in ${(await warmPageCache(db)).toFixed(0)} s`;
    let warmed = { merged: false, candidates: false };
    for (let w = 0; w < WARMUP_CAP && (w < warmupBundles || !(warmed.merged && warmed.candidates)); w++)
      for (const mode of ["with", "without"] as const) {
        const b = nextBundle();
        if (!b) continue;
        const [r] = await writeBundles(db, [b], { resolve: mode === "with" });
        if (r) warmed = { merged: warmed.merged || r.merged > 0, candidates: warmed.candidates || r.candidates > 0 };
      }
    const loadBefore = load();
    const end = streamed + sample;
    if (asIs) console.log(`ingesting ${sample} events of seed ${seed}, chunks alternating with / without resolution`);
    for (let i = 0; streamed < end; i++) {
      const mode = ORDER[i % ORDER.length];
      const bundles: ArticleBundle[] = [];
      for (let e = 0; e < chunkEvents && streamed < end; ) {
        const b = nextBundle();
        if (!b) break;
        bundles.push(b);
        e += b.events.length;
      }
      if (bundles.length === 0) break;
      const s = stat[mode];
      const t = performance.now();
      for (const b of bundles) {
        const [r] = await writeBundles(db, [b], { resolve: mode === "with" });
        s.merged += r?.merged ?? 0;
        s.candidates += r?.candidates ?? 0;
      }
      s.seconds += (performance.now() - t) / 1000;
      for (const b of bundles) {
        s.entities += bundleItems(b);
        s.events += b.events.length;
      }
    }
    const rate = (m: Mode) => stat[m].entities / stat[m].seconds;
    const row = {
      "graph events": size,
      "events with / without": `${stat.with.events} / ${stat.without.events}`,
      "entities/s with": Math.round(rate("with")),
      "entities/s without": Math.round(rate("without")),
      "time with / without": +(rate("without") / rate("with")).toFixed(2),
      merged: stat.with.merged,
      candidates: stat.with.candidates,
      "load avg (1/5/15 min)": `${loadBefore} → ${load()}`,
      cache,
    };
    rows.push(row);
    console.log(
      `at ${size.toLocaleString("en")} events: ingest time with resolution / without = ${row["time with / without"]}× ` +
        `(goal: at most 2×); resolution merged ${stat.with.merged} of ${stat.with.events} incoming events into stored ` +
        `ones and recorded ${stat.with.candidates} candidate pairs; load average ${row["load avg (1/5/15 min)"]}; ${cache}`,
    );
  }
  console.log(
    `\nbench:ingest (one bundle per transaction, as ingestBundle writes; retell share ${retell}; chunks of ${chunkEvents} events, interleaved)`,
  );
  console.table(rows);
  console.log(`events in graph: ${await eventCount(db)}`);
} finally {
  await stop();
}
