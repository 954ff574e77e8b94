import { Database } from "../server/src/db/database.ts";
import { runMigrations } from "../server/src/db/migrations.ts";
import { startManagedNeo4j, stopManagedNeo4j } from "../server/src/neo4j-managed/managed-neo4j.ts";

/**
 * The benchmarks' own managed Neo4j: a data folder under /tmp and a port of
 * its own, so a run never touches the development graph. The folder is kept
 * between runs so bench:api can reuse what bench:ingest loaded.
 * RASD_BENCH_DIR, RASD_BENCH_PORT, RASD_BENCH_HEAP and RASD_BENCH_PAGECACHE
 * let two benchmarks run at once without sharing a database.
 */
export const benchNeo4j = {
  kind: "managed" as const,
  dataDir: process.env.RASD_BENCH_DIR ?? "/tmp/rasd-bench-neo4j",
  port: Number(process.env.RASD_BENCH_PORT ?? 17699),
  heap: process.env.RASD_BENCH_HEAP ?? "4g",
  // Neo4j's guidance is a page cache that holds the store: the 1M-event bench store is 5.5 GB.
  pageCache: process.env.RASD_BENCH_PAGECACHE ?? "8g",
};

export async function openBenchDatabase(): Promise<{ db: Database; stop: () => Promise<void> }> {
  const running = await startManagedNeo4j(benchNeo4j, { log: (l) => console.log(l), timeoutMs: 300000 });
  const db = new Database(running.uri, running.user, running.password);
  await runMigrations(db);
  return {
    db,
    stop: async () => {
      await db.close();
      await stopManagedNeo4j(benchNeo4j);
    },
  };
}

export async function emptyGraph(db: Database): Promise<void> {
  await db.autoCommit({ cypher: "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS" });
}

export async function eventCount(db: Database): Promise<number> {
  return Number((await db.read({ cypher: "MATCH (e:Event) RETURN count(e) AS n" })).records[0].get("n"));
}

/** The first synthetic seed from 2 up whose stream the graph does not hold yet (its first article is absent). */
export async function unusedSeed(db: Database): Promise<number> {
  for (let seed = 2; ; seed++) {
    const r = await db.read({
      cypher: "RETURN EXISTS { (:Article {id: $id}) } AS held",
      params: { id: `article:syn-${seed}-0` },
    });
    if (!r.records[0].get("held")) return seed;
  }
}

/**
 * The graph an ingest benchmark writes into: with BENCH_SIZES=have (`asIs`) the store as it is — its event
 * count and a sample seed it does not hold yet (BENCH_SEED overrides) — else emptied, seed 1.
 */
export async function benchGraph(db: Database, asIs: boolean, what: string): Promise<{ events: number; seed: number }> {
  if (!asIs) {
    await emptyGraph(db);
    return { events: 0, seed: 1 };
  }
  const events = await eventCount(db);
  const seed = process.env.BENCH_SEED ? Number(process.env.BENCH_SEED) : await unusedSeed(db);
  console.log(`${what} the graph as it is (${events.toLocaleString("en")} events); sample seed ${seed}`);
  return { events, seed };
}

/** Milliseconds at the given percentile (nearest rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Reads that bring a store's pages into the page cache: what ingest and its resolution read and write. */
const WARM_READS: [string, string][] = [
  ...(["OCCURRED_IN", "PARTICIPATED_IN"] as const).map((type): [string, string] => [
    `the ${type} tie index`,
    `MATCH ()-[t:${type}]->()
USING INDEX t:${type}(entityId, eventIncident, eventSpanClass, eventStart, eventEnd, eventType)
WHERE t.entityId IS NOT NULL AND t.eventIncident IS NOT NULL AND t.eventSpanClass IS NOT NULL
  AND t.eventStart IS NOT NULL AND t.eventEnd IS NOT NULL AND t.eventType IS NOT NULL
RETURN count(t.eventType) AS n`,
  ]),
  ...(["Event", "Article", "Claim", "Actor", "Location"] as const).map((label): [string, string] => [
    `the ${label} id index`,
    `MATCH (x:${label}) USING INDEX x:${label}(id) WHERE x.id IS NOT NULL RETURN count(x.id) AS n`,
  ]),
  ["events and their properties", "MATCH (e:Event) RETURN count(properties(e)) AS n"],
  ["actors and places", "MATCH (x) WHERE x:Actor OR x:Location RETURN count(properties(x)) AS n"],
  ["the events' relationships and their properties", "MATCH (:Event)-[r]-() RETURN count(properties(r)) AS n"],
];

/**
 * Brings the pages ingest reads into the page cache, as a server that has
 * been running holds them: a benchmark that starts Neo4j fresh otherwise
 * bills the first read of each page to whichever statement touches it first,
 * and resolution's reads, spread over the whole stored decade, touch most of
 * them first (at 1M: 37 ms for a search on pages no transaction had read,
 * 26 ms for the same search once they had been, 2026-11-30). Returns seconds taken.
 */
export async function warmPageCache(db: Database, log: (line: string) => void = console.log): Promise<number> {
  const t0 = performance.now();
  for (const [what, cypher] of WARM_READS) {
    const t = performance.now();
    const r = await db.read({ cypher }, { timeoutMs: 600_000 });
    log(
      `  page cache: ${what} (${Number(r.records[0].get("n")).toLocaleString("en")}) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  return (performance.now() - t0) / 1000;
}
