// `npm run bench:ingest`: loads BENCH_EVENTS (default 1,000,000) synthetic events with their actors,
// locations and claims through the bundle path, batched, and prints entities per second; then the
// ratio to one transaction per bundle on the same 10,000-event sample. Then, on top of the full graph,
// the cost of resolution (syndication + same-event matching, server/src/resolve/): BENCH_RESOLVE_EVENTS
// (default 2,000) further events ingested one bundle per transaction without resolution, and as many
// again with it, side by side. Uses its own Neo4j under /tmp.

import { bundleItems, generateSyntheticBundles, loadSynthetic } from "../../seeds/synthetic/generate.ts";
import { validateBundle } from "../../server/src/bundle/validate.ts";
import { writeBundles } from "../../server/src/ingest/write-bundles.ts";
import { emptyGraph, eventCount, openBenchDatabase } from "../bench-neo4j.ts";

const total = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const sample = Number(process.env.BENCH_SAMPLE ?? 10_000);
const { db, stop } = await openBenchDatabase();
try {
  await emptyGraph(db);
  // Same sample both ways (seed 2, so the full load below starts from an empty graph too).
  const batched = await loadSynthetic(db, { events: sample, seed: 2, batchArticles: 200 });
  await emptyGraph(db);
  const t0 = performance.now();
  let entities = 0;
  for (const b of generateSyntheticBundles({ events: sample, seed: 2 })) {
    const valid = validateBundle(b);
    entities += bundleItems(valid);
    await writeBundles(db, [valid]);
  }
  const single = { seconds: (performance.now() - t0) / 1000, entities };
  await emptyGraph(db);

  let last = 0;
  const full = await loadSynthetic(db, {
    events: total,
    seed: 1,
    batchArticles: 200,
    onProgress: (n) => {
      if (n - last >= 100_000) {
        last = n;
        console.log(`  ${n.toLocaleString("en")} events loaded`);
      }
    },
  });
  // Resolution on a graph of `total` events: two fresh samples (seeds 3 and 4) of the same size, the
  // first written as before, the second resolved against everything stored (index-backed candidate search).
  const resolveSample = Number(process.env.BENCH_RESOLVE_EVENTS ?? 2_000);
  const oneByOne = async (seed: number, resolve: boolean) => {
    const t = performance.now();
    let n = 0;
    for (const b of generateSyntheticBundles({ events: resolveSample, seed })) {
      const valid = validateBundle(b);
      n += bundleItems(valid);
      await writeBundles(db, [valid], { resolve });
    }
    return { seconds: (performance.now() - t) / 1000, entities: n };
  };
  const plain = await oneByOne(3, false);
  const resolved = await oneByOne(4, true);

  const rate = (r: { seconds: number; entities: number }) => r.entities / r.seconds;
  console.log("\nbench:ingest (bundle path: validateBundle + writeBundles)");
  console.table([
    {
      run: `full load, ${total.toLocaleString("en")} events, 200 bundles/tx`,
      entities: full.entities,
      seconds: +full.seconds.toFixed(1),
      "entities/s": Math.round(rate(full)),
    },
    {
      run: `sample ${sample} events, 200 bundles/tx`,
      entities: batched.entities,
      seconds: +batched.seconds.toFixed(1),
      "entities/s": Math.round(rate(batched)),
    },
    {
      run: `sample ${sample} events, 1 bundle/tx`,
      entities: single.entities,
      seconds: +single.seconds.toFixed(1),
      "entities/s": Math.round(rate(single)),
    },
    {
      run: `+${resolveSample} events on ${total.toLocaleString("en")}, 1 bundle/tx, no resolution`,
      entities: plain.entities,
      seconds: +plain.seconds.toFixed(1),
      "entities/s": Math.round(rate(plain)),
    },
    {
      run: `+${resolveSample} events on ${total.toLocaleString("en")}, 1 bundle/tx, with resolution`,
      entities: resolved.entities,
      seconds: +resolved.seconds.toFixed(1),
      "entities/s": Math.round(rate(resolved)),
    },
  ]);
  console.log(
    `ingest time with resolution / without, on ${total.toLocaleString("en")} events: ${(rate(plain) / rate(resolved)).toFixed(2)}× (goal: under 2×)`,
  );
  console.log(`batched / one transaction per bundle on the same sample: ${(rate(batched) / rate(single)).toFixed(1)}×`);
  console.log(`events in graph: ${await eventCount(db)}`);
} finally {
  await stop();
}
