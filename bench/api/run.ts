// `npm run bench:api`: p50/p95 latency of the analyst's heaviest reads at each graph size in BENCH_SIZES
// (default 10000,100000,1000000 synthetic events), through the GraphQL server in-process, each beside a
// baseline measured in the same run: the way the same answer was computed before the timeline aggregates
// and keyset pages (full scan of the window's events, SKIP/LIMIT pages with an uncapped count). Ends with
// one line: growth <first size>→<last size> of each query's p50. The graph grows between sizes (the
// smaller graph is a prefix of the larger, same seed), so each size loads only the new events.
// BENCH_GRAPH_PER_SIZE=1 keeps each size's graph in a data folder of its own (RASD_BENCH_DIR-<size>),
// one Neo4j at a time: a re-run measures every size again without loading, and a large graph is never
// emptied to measure a small one.

import os from "node:os";
import neo4j from "neo4j-driver";
import { loadSynthetic } from "../../seeds/synthetic/generate.ts";
import { type EventFilter, eventMatch, spanStats } from "../../server/src/cypher/event-filter.ts";
import { eventProjection } from "../../server/src/cypher/projections.ts";
import type { Statement } from "../../server/src/db/database.ts";
import { createRasdYoga } from "../../server/src/yoga.ts";
import { benchNeo4j, emptyGraph, eventCount, openBenchDatabase, percentile } from "../bench-neo4j.ts";

// BENCH_SIZES=have measures the graph in RASD_BENCH_DIR as it is (a load stopped short), loading nothing.
const asIs = process.env.BENCH_SIZES === "have";
let sizes = (asIs ? "1" : (process.env.BENCH_SIZES ?? process.env.BENCH_EVENTS ?? "10000,100000,1000000"))
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const runs = Number(process.env.BENCH_RUNS ?? 20);
// The baselines scan every event: at 1M one whole-range scan takes minutes, so BENCH_BASELINE_RUNS caps their
// timed runs (after one warm-up), spread over the first runs of the query they stand beside; 0 skips them.
const baselineRuns = Number(process.env.BENCH_BASELINE_RUNS ?? runs);
const PAGE = 50;
const DEEP = 100; // the deep page's number

const perSize = process.env.BENCH_GRAPH_PER_SIZE === "1";
const baseDir = benchNeo4j.dataDir;
// With per-size graphs nothing is opened until the first size's.
if (perSize) benchNeo4j.dataDir = `${baseDir}-${sizes[0]}`;
let { db, stop } = await openBenchDatabase();
const yogaFor = (d: typeof db) =>
  createRasdYoga({
    db: d,
    settings: { apiKeys: [], openReads: true, graphiql: false, queryTimeoutMs: 600000 },
  });
let yoga = yogaFor(db);
if (asIs) sizes = [await eventCount(db)];

/** Per-size graphs: stops this size's Neo4j and starts the next size's. */
async function openGraphFor(size: number) {
  if (!perSize || benchNeo4j.dataDir === `${baseDir}-${size}`) return;
  await stop();
  benchNeo4j.dataDir = `${baseDir}-${size}`;
  ({ db, stop } = await openBenchDatabase());
  yoga = yogaFor(db);
}

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const res = await yoga.fetch("http://bench/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const timelineQuery = `query T($from: DateTime!, $to: DateTime!, $f: EventFilter) {
  timeline(from: $from, to: $to, buckets: 200, maxEvents: 200, filter: $f) { total buckets { start count byType { type count } } events { id } } }`;
const wholeRange = { from: "2015-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z" };
const oneMonth = { from: "2022-03-01T00:00:00Z", to: "2022-04-01T00:00:00Z" };
const eventsQuery = `query E($after: String) { events(filter: {types: [ATTACK]}, first: ${PAGE}, after: $after) {
  totalCount totalCountIsExact nodes { id title start end } pageInfo { endCursor hasNextPage } } }`;
const attacks: EventFilter = { types: ["ATTACK"] };

/** The events page as it was computed before keyset cursors: sort every match, SKIP, then count them all. */
async function offsetPage(skip: number) {
  const span = (await db.read(spanStats())).records[0];
  const m = eventMatch(attacks, {
    maxSpanMs: Number(span.get("maxSpanMs")),
    undatedStarts: Number(span.get("undatedStarts")),
    endless: 0,
  });
  const page: Statement = {
    cypher: `${m.cypher}\nWITH e, score ORDER BY e.start, e.id SKIP $skip LIMIT $limit\nRETURN ${eventProjection("e")} AS node`,
    params: { ...m.params, skip: neo4j.int(skip), limit: neo4j.int(PAGE + 1) },
  };
  await db.read(page);
  await db.read({ cypher: `${m.cypher}\nRETURN count(e) AS total`, params: m.params });
}

interface Query {
  name: string;
  run: () => Promise<unknown>;
  baseline?: () => Promise<unknown>;
}

async function queriesAt(): Promise<Query[]> {
  // The cursor of page DEEP, found by walking there once.
  let after: string | null = null;
  for (let i = 1; i < DEEP; i++) after = (await gql(eventsQuery, { after })).events.pageInfo.endCursor;
  const deepAfter = after;
  return [
    {
      name: "timeline, whole range (2015–2025, 200 buckets)",
      run: () => gql(timelineQuery, wholeRange),
      // minConfidence 0 matches every event but is not answered by the aggregates: the scan every timeline did before.
      baseline: () => gql(timelineQuery, { ...wholeRange, f: { minConfidence: 0 } }),
    },
    {
      name: "timeline, one month (200 buckets)",
      run: () => gql(timelineQuery, oneMonth),
      baseline: () => gql(timelineQuery, { ...oneMonth, f: { minConfidence: 0 } }),
    },
    {
      name: `events(types: [ATTACK], first: ${PAGE}) + totalCount`,
      run: () => gql(eventsQuery, {}),
      baseline: () => offsetPage(0),
    },
    {
      name: `deep page (page ${DEEP}) + totalCount`,
      run: () => gql(eventsQuery, { after: deepAfter }),
      baseline: () => offsetPage((DEEP - 1) * PAGE),
    },
    {
      name: 'search "إيران" (20)',
      run: () =>
        gql(
          `{ search(text: "إيران", first: 20) { score node { ... on Actor { id } ... on Location { id } ... on Event { id } ... on Claim { id } } } }`,
        ),
    },
    {
      name: "neighborhood (2 hops, ≤300)",
      run: () =>
        gql(
          `{ neighborhood(ids: ["actor:syn-hassan-al-amiri"], hops: 2, limit: 300, perNode: 20) { nodes { id label } edges { source target type } } }`,
        ),
    },
  ];
}

/** p50/p95 of `runs` timed calls after 3 warm-ups; query and baseline interleaved so load drifts hit both. */
async function measure(q: Query) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    let t0 = performance.now();
    await q.run();
    if (i >= 3) a.push(performance.now() - t0);
    const baselineWarmups = baselineRuns < runs ? 1 : 3;
    if (q.baseline && baselineRuns > 0 && i >= 3 - baselineWarmups && i < 3 + baselineRuns) {
      t0 = performance.now();
      await q.baseline();
      if (i >= 3) b.push(performance.now() - t0);
    }
  }
  const stat = (x: number[]) => (x.length ? { p50: percentile(x, 50), p95: percentile(x, 95) } : null);
  return { now: stat(a) as { p50: number; p95: number }, before: stat(b) };
}

const results = new Map<number, Map<string, Awaited<ReturnType<typeof measure>>>>();
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
try {
  for (const size of sizes) {
    await openGraphFor(size);
    let have = await eventCount(db);
    if (have > size) {
      await emptyGraph(db);
      have = 0;
    }
    if (have < size) {
      console.log(`loading events ${have.toLocaleString("en")}→${size.toLocaleString("en")}…`);
      const r = await loadSynthetic(db, { events: size, seed: 1, batchArticles: 200, skip: have });
      console.log(`  ${r.entities.toLocaleString("en")} bundle items in ${r.seconds.toFixed(0)} s`);
    }
    const load0 = os.loadavg()[0];
    const qs = await queriesAt();
    const out = new Map<string, Awaited<ReturnType<typeof measure>>>();
    for (const q of qs) {
      out.set(q.name, await measure(q));
      const m = out.get(q.name);
      console.log(
        `  ${size} ${q.name}: p50 ${fmt(m?.now.p50 ?? 0)} / p95 ${fmt(m?.now.p95 ?? 0)} ms` +
          (m?.before ? `; before: p50 ${fmt(m.before.p50)} / p95 ${fmt(m.before.p95)} ms` : ""),
      );
    }
    results.set(size, out);
    console.log(
      `\nbench:api at ${size.toLocaleString("en")} events (${runs} runs after 3 warm-ups; load average ${load0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`,
    );
    console.table(
      qs.map((q) => {
        const m = out.get(q.name);
        return {
          query: q.name,
          "p50 ms": +fmt(m?.now.p50 ?? 0),
          "p95 ms": +fmt(m?.now.p95 ?? 0),
          "before p50": m?.before ? +fmt(m.before.p50) : "—",
          "before p95": m?.before ? +fmt(m.before.p95) : "—",
          "p95 before/now": m?.before ? `×${(m.before.p95 / (m?.now.p95 ?? 1)).toFixed(1)}` : "—",
        };
      }),
    );
  }
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const growthOf = (key: string) => {
    const name = [...(results.get(first)?.keys() ?? [])].find((n) => n.startsWith(key)) ?? key;
    const p50 = (size: number) => results.get(size)?.get(name)?.now.p50 ?? Number.NaN;
    return `×${(p50(last) / p50(first)).toFixed(1)}`;
  };
  // p50 growth: at a few dozen runs on a shared machine the median is the stable figure.
  console.log(
    `growth ${first}→${last}: timeline ${growthOf("timeline, whole")}, events ${growthOf("events(")}, deep page ${growthOf("deep page")}, search ${growthOf("search")}, neighborhood ${growthOf("neighborhood")}`,
  );
} finally {
  await stop();
}
