import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { generateSyntheticBundles, loadSynthetic } from "../../../seeds/synthetic/generate.ts";
import type { Database } from "../../src/db/database.ts";
import { emptyDatabase } from "../helpers/graph.ts";
import { testYoga } from "./gql.ts";

const EVENTS = 100_000;

describe(`the API on a synthetic graph of ${EVENTS.toLocaleString("en")} events`, () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  // What the generator made, counted in JS, to check the graph's answers against.
  const inWindow = { overlaps: 0, within: 0, byType: new Map<string, number>() };
  const from = Date.parse("2019-03-01T00:00:00Z");
  const to = Date.parse("2019-03-31T23:59:59.999Z");
  before(async () => {
    db = await emptyDatabase();
    const r = await loadSynthetic(db, { events: EVENTS, seed: 11, batchArticles: 250 });
    console.log(`loaded ${r.entities} bundle items in ${r.seconds.toFixed(0)} s`);
    for (const b of generateSyntheticBundles({ events: EVENTS, seed: 11 }))
      for (const e of b.events) {
        const s = Date.parse(`${e.start}T00:00:00Z`);
        const en = Date.parse(`${e.end}T23:59:59.999Z`);
        if (s <= to && en >= from) {
          inWindow.overlaps++;
          inWindow.byType.set(e.type, (inWindow.byType.get(e.type) ?? 0) + 1);
        }
        if (s >= from && en <= to) inWindow.within++;
      }
    gql = testYoga(db);
  });
  after(async () => db.close());

  const window = { from: "2019-03-01T00:00:00Z", to: "2019-03-31T23:59:59.999Z" };

  it("counts events in a window exactly, both overlapping and certainly inside", async () => {
    const d = await gql.data(
      `query W($f: DateTime, $t: DateTime) {
      o: events(filter: {window: {from: $f, to: $t}}) { totalCount }
      w: events(filter: {window: {from: $f, to: $t, match: WITHIN}}) { totalCount } }`,
      { f: window.from, t: window.to },
    );
    assert.equal(d.o.totalCount, inWindow.overlaps);
    assert.equal(d.w.totalCount, inWindow.within);
  });

  it("caps an expensive totalCount and says so, and counts a type exactly from the aggregates", async () => {
    const d = await gql.data(`{ c: events(filter: {minConfidence: 0}, first: 1) { totalCount totalCountIsExact }
      t: events(filter: {types: [AIRSTRIKE]}, first: 1) { totalCount totalCountIsExact } }`);
    assert.deepEqual(d.c, { totalCount: 10000, totalCountIsExact: false });
    let airstrikes = 0;
    for (const b of generateSyntheticBundles({ events: EVENTS, seed: 11 }))
      for (const e of b.events) if (e.type === "AIRSTRIKE") airstrikes++;
    assert.deepEqual(d.t, { totalCount: airstrikes, totalCountIsExact: true });
  });

  it("buckets the same window by type on the timeline", async () => {
    const d = await gql.data(
      `query T($f: DateTime!, $t: DateTime!) { timeline(from: $f, to: $t, buckets: 31) { total buckets { byType { type count } } events { id } } }`,
      { f: window.from, t: window.to },
    );
    assert.equal(d.timeline.total, inWindow.overlaps);
    assert.equal(d.timeline.events, null, "too many to list: counts only");
    const byType = new Map<string, number>();
    for (const b of d.timeline.buckets)
      for (const x of b.byType) byType.set(x.type, (byType.get(x.type) ?? 0) + x.count);
    assert.deepEqual(Object.fromEntries([...byType].sort()), Object.fromEntries([...inWindow.byType].sort()));
  });

  it("pages through a filtered connection without repeats", async () => {
    const q = `query P($after: String) { events(filter: {types: [AIRSTRIKE], window: {from: "2019-03-01T00:00:00Z", to: "2019-03-31T23:59:59Z"}}, first: 40, after: $after) {
      totalCount nodes { id type actors { id } } pageInfo { hasNextPage endCursor } } }`;
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const d: {
        events: {
          totalCount: number;
          nodes: { id: string; type: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await gql.data(q, { after });
      total = d.events.totalCount;
      for (const n of d.events.nodes) {
        assert.equal(n.type, "AIRSTRIKE");
        seen.add(n.id);
      }
      if (!d.events.pageInfo.hasNextPage) break;
      after = d.events.pageInfo.endCursor;
    }
    assert.equal(seen.size, total);
    assert.equal(total, inWindow.byType.get("AIRSTRIKE"));
  });

  it("searches, walks neighbourhoods, builds the actor network and finds paths at scale", async () => {
    const d = await gql.data(`{
      search(text: "قاعده عين الاسد") { node { ... on Location { id } } }
      neighborhood(ids: ["actor:syn-hassan-al-amiri"], hops: 2, limit: 200) { nodes { id } edges { source target } truncated }
      small: neighborhood(ids: ["actor:syn-hassan-al-amiri"], hops: 2, limit: 20) { nodes { id } truncated }
      actorNetwork(filter: {window: {from: "2019-03-01T00:00:00Z", to: "2019-03-31T23:59:59Z"}}, first: 20) { ties { weight events { id } } }
      paths(from: "actor:syn-hassan-al-amiri", to: "location:syn-tehran", maxHops: 3, first: 3) { length }
      stats { events }
    }`);
    assert.equal(d.search[0].node.id, "location:syn-ain-al-asad");
    const n = d.neighborhood.nodes.length;
    assert.ok(n > 51 && n <= 200, `${n} nodes: more than the 50 ties followed from the actor, at most the limit`);
    const ids = new Set(d.neighborhood.nodes.map((x: { id: string }) => x.id));
    for (const e of d.neighborhood.edges) assert.ok(ids.has(e.source) && ids.has(e.target));
    assert.equal(d.small.nodes.length, 20);
    assert.equal(d.small.truncated, true);
    const weights = d.actorNetwork.ties.map((t: { weight: number }) => t.weight);
    assert.deepEqual(
      weights,
      [...weights].sort((a, b) => b - a),
    );
    assert.ok(d.paths.length > 0 && d.paths[0].length <= 3);
    assert.ok(d.stats.events >= EVENTS);
  });
});
