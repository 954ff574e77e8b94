// `npm run bench:ingest:aggregates`: the cost of keeping the timeline aggregates during ingest. Loads
// BENCH_EVENTS (default 100,000) synthetic events twice through the bundle path, 200 bundles per
// transaction, interleaved in chunks of 10,000 so load on the shared machine hits both alike: once with
// today's statements (aggregates kept in the same transaction), once with the same statements minus the
// aggregate upkeep (as ingest was before). Prints entities per second for each and their ratio.

import { bundleItems, generateSyntheticBundles } from "../../seeds/synthetic/generate.ts";
import type { ArticleBundle } from "../../server/src/bundle/types.ts";
import { validateBundle } from "../../server/src/bundle/validate.ts";
import type { Database, Statement } from "../../server/src/db/database.ts";
import { addBundleRows, emptyRows } from "../../server/src/ingest/bundle-rows.ts";
import { ingestStatements } from "../../server/src/ingest/write-bundles.ts";
import { emptyGraph, openBenchDatabase } from "../bench-neo4j.ts";

const total = Number(process.env.BENCH_EVENTS ?? 100_000);
const chunkEvents = 10_000;
const perTx = 200;

/** Today's ingest statements without the aggregate upkeep: no `uncounted` mark, no count statement. */
const withoutAggregates = (s: Statement[]) =>
  s
    .filter((x) => !x.cypher.includes("TimelineDay"))
    .map((x) => ({ ...x, cypher: x.cypher.replace(", e.uncounted = true", "") }));

async function writeBatch(db: Database, bundles: ArticleBundle[], keep: boolean) {
  const rows = emptyRows();
  for (const b of bundles) addBundleRows(rows, b);
  const statements = ingestStatements(rows);
  await db.writeAll(keep ? statements : withoutAggregates(statements));
}

const { db, stop } = await openBenchDatabase();
try {
  await emptyGraph(db);
  // Different seeds, so the two loads never touch each other's events; the graph grows alike for both.
  const streams = {
    with: generateSyntheticBundles({ events: total, seed: 31 })[Symbol.iterator](),
    without: generateSyntheticBundles({ events: total, seed: 32 })[Symbol.iterator](),
  };
  const stat = { with: { seconds: 0, entities: 0 }, without: { seconds: 0, entities: 0 } };
  for (let done = 0; done < total; done += chunkEvents) {
    for (const mode of (done / chunkEvents) % 2 ? (["without", "with"] as const) : (["with", "without"] as const)) {
      let events = 0;
      let batch: ArticleBundle[] = [];
      const t0 = performance.now();
      while (events < chunkEvents) {
        const next = streams[mode].next();
        if (next.done) break;
        const b = validateBundle(next.value);
        events += b.events.length;
        stat[mode].entities += bundleItems(b);
        batch.push(b);
        if (batch.length >= perTx) {
          await writeBatch(db, batch, mode === "with");
          batch = [];
        }
      }
      if (batch.length) await writeBatch(db, batch, mode === "with");
      stat[mode].seconds += (performance.now() - t0) / 1000;
    }
    console.log(`  ${(done + chunkEvents).toLocaleString("en")} events each`);
  }
  const rate = (m: keyof typeof stat) => stat[m].entities / stat[m].seconds;
  console.log(`\nbench:ingest:aggregates (${total.toLocaleString("en")} events each, interleaved)`);
  console.table(
    (["with", "without"] as const).map((m) => ({
      run: `${m} timeline aggregates`,
      entities: stat[m].entities,
      seconds: +stat[m].seconds.toFixed(1),
      "entities/s": Math.round(rate(m)),
    })),
  );
  console.log(`with / without aggregates: ${(rate("with") / rate("without")).toFixed(3)}× the ingest rate`);
} finally {
  await stop();
}
