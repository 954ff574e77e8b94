// `npm run bench:ingest`: loads BENCH_EVENTS (default 1,000,000) synthetic events with their actors,
// locations and claims through the bundle path, batched, and prints entities per second; then the
// ratio to one transaction per bundle on the same 10,000-event sample. Uses its own Neo4j under /tmp.

import { bundleItems, generateSyntheticBundles, loadSynthetic } from "../../seeds/synthetic/generate.ts";
import { validateBundle } from "../../server/src/bundle/validate.ts";
import { writeBundles } from "../../server/src/ingest/write-bundles.ts";
import { emptyGraph, eventCount, openBenchDatabase } from "../bench-neo4j.ts";

const total = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const sample = 10_000;
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
  ]);
  console.log(`batched / one transaction per bundle on the same sample: ${(rate(batched) / rate(single)).toFixed(1)}×`);
  console.log(`events in graph: ${await eventCount(db)}`);
} finally {
  await stop();
}
