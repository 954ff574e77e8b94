// `npm run bench:api`: p50/p95 latency of the timeline, an events page, search and a neighbourhood over
// BENCH_EVENTS (default 1,000,000) synthetic events, through the GraphQL server in-process; then the same
// with the date and full-text indexes dropped, and the ratio. Reuses the graph bench:ingest loaded.

import { loadSynthetic } from "../../seeds/synthetic/generate.ts";
import { runMigrations } from "../../server/src/db/migrations.ts";
import { normalizeArabic } from "../../server/src/text/arabic-normalize.ts";
import { createRasdYoga } from "../../server/src/yoga.ts";
import { emptyGraph, eventCount, openBenchDatabase, percentile } from "../bench-neo4j.ts";

const total = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const { db, stop } = await openBenchDatabase();

const queries: Record<string, { query: string; variables: Record<string, unknown> }> = {
  "timeline (1 year, 100 buckets)": {
    query: `query T($from: DateTime!, $to: DateTime!) { timeline(from: $from, to: $to, buckets: 100) { total buckets { start count byType { type count } } } }`,
    variables: { from: "2020-01-01T00:00:00Z", to: "2021-01-01T00:00:00Z" },
  },
  "events page (1 month, 50, nested)": {
    query: `query E($w: TimeWindow) { events(filter: {window: $w}, first: 50) { totalCount nodes { id title start end actors { id name role } locations { id name } } } }`,
    variables: { w: { from: "2022-03-01T00:00:00Z", to: "2022-03-31T23:59:59Z" } },
  },
  "search (Arabic, folded)": {
    query: `query S($q: String!) { search(text: $q, first: 20) { score node { ... on Actor { id } ... on Location { id } ... on Event { id } ... on Claim { id } } } }`,
    variables: { q: "قاعده عين الاسد" },
  },
  "neighborhood (2 hops, ≤300 nodes)": {
    query: `query N($ids: [ID!]!) { neighborhood(ids: $ids, hops: 2, limit: 300, perNode: 20, filter: {window: {from: "2023-01-01T00:00:00Z", to: "2023-06-30T00:00:00Z"}}) { nodes { id label } edges { source target type } } }`,
    variables: { ids: ["actor:syn-hassan-al-amiri"] },
  },
};

/**
 * Without its full-text index Neo4j cannot answer db.index.fulltext at all, so
 * the unindexed search is the same match done the only other way: a scan of
 * searchText for every folded word, ranked (shortest text first, as the index
 * ranks a name above the events that mention it), so every match is examined.
 */
async function scanSearch(): Promise<void> {
  const words = normalizeArabic(String(queries["search (Arabic, folded)"].variables.q)).split(/\s+/);
  await db.read({
    cypher: `MATCH (n) WHERE (n:Actor OR n:Location OR n:Event OR n:Claim) AND all(w IN $words WHERE n.searchText CONTAINS w)
RETURN n.id AS id ORDER BY size(n.searchText) LIMIT 20`,
    params: { words },
  });
}

async function measure(label: string, unindexed = false) {
  const yoga = createRasdYoga({
    db,
    settings: { apiKeys: [], openReads: true, graphiql: false, queryTimeoutMs: 600000 },
  });
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const [name, q] of Object.entries(queries)) {
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const t0 = performance.now();
      if (unindexed && name.startsWith("search")) {
        await scanSearch();
        if (i >= 3) times.push(performance.now() - t0);
        continue;
      }
      const res = await yoga.fetch("http://bench/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(q),
      });
      const body = await res.json();
      if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
      if (i >= 3) times.push(performance.now() - t0); // the first runs warm caches and plans
    }
    out[name] = { p50: percentile(times, 50), p95: percentile(times, 95) };
    console.log(`  ${label} ${name}: p50 ${out[name].p50.toFixed(1)} ms, p95 ${out[name].p95.toFixed(1)} ms`);
  }
  return out;
}

try {
  if ((await eventCount(db)) < total) {
    console.log(`loading ${total} synthetic events…`);
    await emptyGraph(db);
    await loadSynthetic(db, { events: total, seed: 1, batchArticles: 200 });
  }
  console.log(`graph: ${await eventCount(db)} events; ${runs} runs per query after 3 warm-ups`);
  const indexed = await measure("indexed");
  for (const name of ["event_start", "event_end", "names_ar", "claims_ar"])
    await db.write({ cypher: `DROP INDEX ${name} IF EXISTS` });
  const dropped = await measure("no date/full-text indexes", true);
  console.log("\nbench:api");
  console.table(
    Object.keys(queries).map((name) => ({
      query: name,
      "p50 ms": +indexed[name].p50.toFixed(1),
      "p95 ms": +indexed[name].p95.toFixed(1),
      "p50 ms (no idx)": +dropped[name].p50.toFixed(1),
      "p95 ms (no idx)": +dropped[name].p95.toFixed(1),
      "p50 ratio": +(dropped[name].p50 / indexed[name].p50).toFixed(1),
      "p95 ratio": +(dropped[name].p95 / indexed[name].p95).toFixed(1),
    })),
  );
} finally {
  await runMigrations(db); // put the indexes back
  await stop();
}
