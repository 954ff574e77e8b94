// `npm run bench:ingest:aggregates`: the cost of keeping the timeline aggregates during ingest. Loads
// BENCH_EVENTS (default 100,000) synthetic events twice through the bundle path, 200 bundles per
// transaction: once with today's statements (aggregates kept in the same transaction), once with the same
// statements minus the aggregate upkeep (as ingest was before). The two alternate transaction by
// transaction (which goes first alternating too), after BENCH_WARMUP (default 10) transactions of each
// that are not counted, so the database's warm-up and the shared machine's load drift hit both alike.
// Prints items per second for each, the ratio, and the ratio of the median transaction times.

import os from "node:os";
import { bundleItems, generateSyntheticBundles } from "../../seeds/synthetic/generate.ts";
import type { ArticleBundle } from "../../server/src/bundle/types.ts";
import { validateBundle } from "../../server/src/bundle/validate.ts";
import { mergeEvents } from "../../server/src/cypher/ingest.ts";
import type { Database, Statement } from "../../server/src/db/database.ts";
import { addBundleRows, type BundleRows, emptyRows } from "../../server/src/ingest/bundle-rows.ts";
import { ingestStatements } from "../../server/src/ingest/bundle-statements.ts";
import { emptyGraph, openBenchDatabase, percentile } from "../bench-neo4j.ts";

const total = Number(process.env.BENCH_EVENTS ?? 100_000);
const perTx = 200;
const warmup = Number(process.env.BENCH_WARMUP ?? 10);

/** Today's ingest statements without the aggregate upkeep: the events' statement neither marks nor counts them. */
function withoutAggregates(statements: Statement[], rows: BundleRows): Statement[] {
  const counting = mergeEvents(rows.events).cypher;
  const plain = mergeEvents(rows.events, { countNew: false });
  const out = statements.map((s) => (s.cypher === counting ? plain : s));
  if (out.some((s) => s.cypher.includes("TimelineDay") || s.cypher.includes("uncounted")))
    throw new Error("bench:ingest:aggregates: an ingest statement keeps aggregates this baseline does not remove");
  return out;
}

async function writeBatch(db: Database, bundles: ArticleBundle[], keep: boolean) {
  const rows = emptyRows();
  for (const b of bundles) addBundleRows(rows, b);
  const statements = ingestStatements(rows);
  await db.writeAll(keep ? statements : withoutAggregates(statements, rows));
}

const { db, stop } = await openBenchDatabase();
try {
  await emptyGraph(db);
  // Different seeds, so the two loads never touch each other's events; the graph grows alike for both.
  const streams = {
    with: generateSyntheticBundles({ events: total, seed: 31 })[Symbol.iterator](),
    without: generateSyntheticBundles({ events: total, seed: 32 })[Symbol.iterator](),
  };
  const stat = {
    with: { seconds: 0, entities: 0, tx: [] as number[] },
    without: { seconds: 0, entities: 0, tx: [] as number[] },
  };
  const done = { with: 0, without: 0 };
  /** The next transaction's bundles of a mode, validated before the clock starts. */
  const nextBatch = (mode: keyof typeof streams) => {
    const batch: ArticleBundle[] = [];
    while (batch.length < perTx && done[mode] < total) {
      const next = streams[mode].next();
      if (next.done) break;
      const b = validateBundle(next.value);
      done[mode] += b.events.length;
      batch.push(b);
    }
    return batch;
  };
  for (let i = 0; ; i++) {
    let wrote = false;
    for (const mode of i % 2 ? (["without", "with"] as const) : (["with", "without"] as const)) {
      const batch = nextBatch(mode);
      if (!batch.length) continue;
      wrote = true;
      const t0 = performance.now();
      await writeBatch(db, batch, mode === "with");
      const ms = performance.now() - t0;
      if (i < warmup) continue;
      stat[mode].seconds += ms / 1000;
      stat[mode].tx.push(ms);
      stat[mode].entities += batch.reduce((n, b) => n + bundleItems(b), 0);
    }
    if (!wrote) break;
    if (i % 25 === 24) console.log(`  ${done.with.toLocaleString("en")} events each`);
  }
  const rate = (m: keyof typeof stat) => stat[m].entities / stat[m].seconds;
  console.log(
    `\nbench:ingest:aggregates (${total.toLocaleString("en")} events each, alternating transactions of ${perTx} bundles, the first ${warmup} of each not counted; load average ${os.loadavg()[0].toFixed(1)})`,
  );
  console.table(
    (["with", "without"] as const).map((m) => ({
      run: `${m} timeline aggregates`,
      entities: stat[m].entities,
      seconds: +stat[m].seconds.toFixed(1),
      "entities/s": Math.round(rate(m)),
      "median tx ms": Math.round(percentile(stat[m].tx, 50)),
    })),
  );
  console.log(
    `with / without aggregates: ${(rate("with") / rate("without")).toFixed(3)}× the ingest rate; median transaction ${(percentile(stat.without.tx, 50) / percentile(stat.with.tx, 50)).toFixed(3)}×`,
  );
} finally {
  await stop();
}
