// `npm run bench:ingest:plans`: what a list parameter's length costs in planning. Neo4j caches a plan
// per query text and parameter types, and a list's type includes its size class (1, 2–10, 11–100, …),
// so each new class plans the query again (cypher/unsized-lists.ts). For the refresh of touched events
// (cypher/resolve.ts refreshEvents, the slowest of the resolution statements to plan), this runs the
// statement with 1, 1, 2, 11 and 101 ids (no such events: the cost is planning), once with the ids as
// a top-level list (`$ids`: the baseline) and once inside a map (`$lists.ids`: as ingest passes them),
// and prints the server time of each run side by side. Each run's text carries a fresh comment, so
// plans cached by an earlier run do not count. Uses the bench Neo4j (RASD_BENCH_DIR): any graph will do.

import { refreshEvents } from "../../server/src/cypher/resolve.ts";
import { openBenchDatabase } from "../bench-neo4j.ts";

const SIZES = [1, 1, 2, 11, 101];
const { db, stop } = await openBenchDatabase();
try {
  const nonce = `${Date.now()}`;
  const asPassed = (ids: string[]) => refreshEvents(ids);
  const topLevel = (ids: string[]) => {
    const s = refreshEvents(ids);
    return { cypher: s.cypher.replace("UNWIND $lists.ids AS id", "UNWIND $ids AS id"), params: { ids } };
  };
  if (topLevel(["x"]).cypher === asPassed(["x"]).cypher) throw new Error("refreshEvents no longer reads $lists.ids");
  const rows: Record<string, string | number>[] = [];
  for (const n of SIZES) {
    const ids = Array.from({ length: n }, (_, i) => `event:plan-cache-bench-${i}`);
    const row: Record<string, string | number> = { ids: n };
    for (const [name, make] of [
      ["top-level list (ms)", topLevel],
      ["list in a map (ms)", asPassed],
    ] as const) {
      const s = make(ids);
      const session = db.driver.session();
      const tx = session.beginTransaction();
      try {
        const r = await tx.run(`${s.cypher}\n// plan-cache bench ${nonce}`, s.params);
        row[name] = Number(r.summary.resultAvailableAfter) + Number(r.summary.resultConsumedAfter);
      } finally {
        await tx.rollback();
        await session.close();
      }
    }
    rows.push(row);
  }
  const sum = (k: string) => rows.reduce((a, r) => a + Number(r[k]), 0);
  console.log("\nbench:ingest:plans — the refresh statement, server time per run (the first of each size class plans)");
  console.table(rows);
  console.log(
    `total: top-level ${sum("top-level list (ms)")} ms, in a map ${sum("list in a map (ms)")} ms ` +
      `(${(sum("top-level list (ms)") / Math.max(1, sum("list in a map (ms)"))).toFixed(1)}×)`,
  );
} finally {
  await stop();
}
