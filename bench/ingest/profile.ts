// `npm run bench:ingest:profile`: which ingest statements grow with the graph. Loads the synthetic
// stream (seed 1, BENCH_RETELL share of retold events) up to each size in BENCH_SIZES (default
// 10000,50000; each a prefix of the next), then runs the next transactions of the stream with PROFILE
// and rolls them back (the graph stays as it was): one batch of 200 bundles as bulk loads write it, and
// BENCH_PROFILE_BUNDLES (default 5) single bundles as ingestBundle writes them, with and without
// resolution. Prints database hits per statement (summed over the bundles) at each size, and each
// statement's growth between the first and the last size: a statement whose hits grow with the graph
// reads something other than an index seek (a scan, a walk over a hub's relationships). Database hits
// do not depend on the machine's load, so this is the measurement to trust on a busy machine.
//
// BENCH_SIZES=have profiles the graph in RASD_BENCH_DIR as it is (as bench:ingest does: nothing is
// emptied or loaded; the bundles are a stream of an unused seed, BENCH_SEED to choose one), and
// everything is rolled back, so the store is left as it was.

import type { QueryResult } from "neo4j-driver";
import { generateSyntheticBundles } from "../../seeds/synthetic/generate.ts";
import type { ArticleBundle } from "../../server/src/bundle/types.ts";
import { validateBundle } from "../../server/src/bundle/validate.ts";
import type { Run, Statement } from "../../server/src/db/database.ts";
import { addBundleRows, emptyRows } from "../../server/src/ingest/bundle-rows.ts";
import { ingestStatements } from "../../server/src/ingest/bundle-statements.ts";
import { resolveAndWrite } from "../../server/src/ingest/resolve-bundle.ts";
import { writeBundles } from "../../server/src/ingest/write-bundles.ts";
import { benchGraph, openBenchDatabase } from "../bench-neo4j.ts";

const asIs = process.env.BENCH_SIZES === "have";
let sizes = (asIs ? "0" : (process.env.BENCH_SIZES ?? "10000,50000")).split(",").map(Number);
const singles = Number(process.env.BENCH_PROFILE_BUNDLES ?? 5);
const retell = Number(process.env.BENCH_RETELL ?? 0.2);

interface ProfiledOp {
  operatorType: string;
  dbHits: number;
  children: ProfiledOp[];
}
const hits = (p: ProfiledOp): number => p.dbHits + p.children.reduce((n, c) => n + hits(c), 0);
/** The operators with the most hits, to say where a growing statement reads. */
function topOps(p: ProfiledOp, out: [string, number][] = []): [string, number][] {
  out.push([p.operatorType.replace(/@.*/, ""), p.dbHits]);
  for (const c of p.children) topOps(c, out);
  return out;
}
/** A statement's name: its first line that names a label or a procedure. */
const nameOf = (s: Statement) =>
  s.cypher
    .split("\n")
    .map((l) => l.trim())
    .find((l) => /^(MERGE|MATCH|CALL db|OPTIONAL)/.test(l) || l.includes("("))
    ?.slice(0, 70) ?? s.cypher.slice(0, 70);

type Tally = Map<string, { hits: number; ms: number; n: number; ops: Map<string, number> }>;

const { db, stop } = await openBenchDatabase();
try {
  const graph = await benchGraph(db, asIs, "profiling");
  const seed = graph.seed;
  if (asIs) sizes = [graph.events];
  const stream = generateSyntheticBundles({ events: (asIs ? 0 : sizes[sizes.length - 1]) + 100_000, seed, retell })[
    Symbol.iterator
  ]();
  let streamed = 0;
  const next = (): ArticleBundle => {
    const b = validateBundle(stream.next().value as ArticleBundle);
    streamed += b.events.length;
    return b;
  };
  const results: Map<string, Tally> = new Map();

  /** Runs work in a transaction that PROFILEs every statement into `tally`, then rolls back. */
  async function profiled(tally: Tally, work: (run: Run) => Promise<unknown>) {
    const session = db.driver.session();
    const tx = session.beginTransaction();
    try {
      const run: Run = async (s) => {
        const t = performance.now();
        const r: QueryResult = await tx.run(`PROFILE ${s.cypher}`, s.params ?? {});
        const ms = performance.now() - t;
        const p = r.summary.profile as unknown as ProfiledOp;
        const key = nameOf(s);
        const entry = tally.get(key) ?? { hits: 0, ms: 0, n: 0, ops: new Map() };
        entry.hits += hits(p);
        entry.ms += ms;
        entry.n++;
        for (const [op, h] of topOps(p)) entry.ops.set(op, (entry.ops.get(op) ?? 0) + h);
        tally.set(key, entry);
        return r;
      };
      await work(run);
    } finally {
      await tx.rollback();
      await session.close();
    }
  }

  for (const size of sizes) {
    let batch: ArticleBundle[] = [];
    const t0 = performance.now();
    while (!asIs && streamed < size) {
      batch.push(next());
      if (batch.length >= 200) {
        await writeBundles(db, batch, { resolve: false });
        batch = [];
      }
    }
    if (batch.length) await writeBundles(db, batch, { resolve: false });
    if (!asIs) console.log(`graph at ${streamed} events (load ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    // The same bundles for every mode: the stream is read once per size and rolled back after each.
    const bulk = Array.from({ length: 200 }, next);
    const ones = Array.from({ length: singles }, next);
    const bulkTally: Tally = new Map();
    await profiled(bulkTally, async (run) => {
      const rows = emptyRows();
      for (const b of bulk) addBundleRows(rows, b);
      for (const s of ingestStatements(rows)) await run(s);
    });
    const plainTally: Tally = new Map();
    const resolveTally: Tally = new Map();
    for (const b of ones) {
      await profiled(plainTally, async (run) => {
        for (const s of ingestStatements(addBundleRows(emptyRows(), b))) await run(s);
      });
      await profiled(resolveTally, (run) => resolveAndWrite(run, b));
    }
    results.set(`${size} bulk`, bulkTally);
    results.set(`${size} single`, plainTally);
    results.set(`${size} resolve`, resolveTally);
    for (const [mode, t] of [
      ["bulk (200 bundles, 1 tx)", bulkTally],
      [`single bundle, no resolution (×${singles})`, plainTally],
      [`single bundle, resolution (×${singles})`, resolveTally],
    ] as const) {
      console.log(`\n${size} events, ${mode}: ${[...t.values()].reduce((n, x) => n + x.hits, 0)} db hits`);
      console.table(
        [...t.entries()].map(([k, v]) => ({
          statement: k,
          runs: v.n,
          "db hits": v.hits,
          ms: Math.round(v.ms),
          "top operators": [...v.ops.entries()]
            .sort((a, b) => b[1] - a[1])
            .slice(0, 3)
            .map(([op, h]) => `${op} ${h}`)
            .join(", "),
        })),
      );
    }
  }
  if (sizes.length > 1) {
    const [first, last] = [sizes[0], sizes[sizes.length - 1]];
    console.log(`\ndb hits growth ${first} → ${last} events, per statement (the same bundle shapes at both sizes)`);
    for (const mode of ["bulk", "single", "resolve"]) {
      const a = results.get(`${first} ${mode}`) as Tally;
      const b = results.get(`${last} ${mode}`) as Tally;
      console.table(
        [...b.entries()].map(([k, v]) => ({
          mode,
          statement: k,
          [`hits ${first}`]: a.get(k)?.hits ?? 0,
          [`hits ${last}`]: v.hits,
          growth: +(v.hits / Math.max(1, a.get(k)?.hits ?? 0)).toFixed(2),
        })),
      );
    }
  }
} finally {
  await stop();
}
