import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { unzipSync } from "fflate";
import { refreshEvents } from "../../src/cypher/resolve.ts";
import type { Database } from "../../src/db/database.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { testYoga } from "../graphql/gql.ts";
import { startTestApp } from "../helpers/app.ts";
import { emptyDatabase } from "../helpers/graph.ts";
import { multiSourceBundle } from "./helpers.ts";

// Publication times of the test set (UTC): Baghdad drone strike 7 Feb 2024 21:30; Reuters on Ain al-Asad
// 5 Aug 2024 19:40, Arab News 21:05; Sky News Arabia on Masyaf 9 Sep 2024 03:30, The National 11:00.
const BEFORE_ALL = "2024-01-01T00:00:00Z";
const AFTER_REUTERS = "2024-08-05T20:00:00Z";
const BETWEEN_MASYAF = "2024-09-09T08:00:00Z";

let db: Database;
let api: ReturnType<typeof testYoga>;
let app: Awaited<ReturnType<typeof startTestApp>>;
let masyaf: string;
before(async () => {
  db = await emptyDatabase();
  for (const name of [
    "baghdad-drone-strike.en",
    "ain-al-asad-rockets.reuters.en",
    "ain-al-asad-rockets.arabnews.en",
    "masyaf-strike.ar",
    "masyaf-strike.en",
  ])
    await ingestBundle(db, multiSourceBundle(name));
  // The Arabic report gives only the month (as if it said "this month"); the English one names the day,
  // so the merged date narrowed when the second article came out.
  const r = await db.write({
    cypher: `MATCH (:Article {id: 'article:sha256-497f63c58c1ebf1c'})-[r:REPORTS]->(e:Event)-[:OCCURRED_IN]->(:Location {id: 'location:masyaf'})
SET r.start = datetime('2024-09-01T00:00:00Z'), r.end = datetime('2024-09-30T23:59:59.999Z'), r.precision = 'MONTH'
RETURN e.id AS id`,
  });
  masyaf = r.records[0].get("id");
  await db.write(refreshEvents([masyaf]));
  api = testYoga(db);
  app = await startTestApp(db, { apiKeys: [{ key: "reader-key-123", role: "reader" }], openReads: true });
});
after(async () => {
  await app.stop();
  await db.close();
});

describe("as of a date: only what had been published by then", () => {
  test("events read as of a date carry the dates, sources and reports as they stood then", async () => {
    const q = `query($id: ID!, $asOf: DateTime) { eventAsOf(id: $id, asOf: $asOf) {
      start end precision independentSources reportCount dateConflict } }`;
    const now = (await api.data(q, { id: masyaf })).eventAsOf;
    assert.equal(now.start, "2024-09-08T00:00:00.000Z");
    assert.equal(now.independentSources, 2);
    const then = (await api.data(q, { id: masyaf, asOf: BETWEEN_MASYAF })).eventAsOf;
    assert.deepEqual(then, {
      start: "2024-09-01T00:00:00.000Z",
      end: "2024-09-30T23:59:59.999Z",
      precision: "MONTH",
      independentSources: 1,
      reportCount: 1,
      dateConflict: false,
    });
  });

  test("time windows as of a date use the dates the reports then gave, not today's narrower ones", async () => {
    // Today the strike is dated 8 September; as of the first report it was "September".
    const window = { window: { from: "2024-09-15T00:00:00Z", to: "2024-09-20T00:00:00Z" } };
    const events = `query($filter: EventFilter) { events(filter: $filter, first: 20) {
      totalCount nodes { id start end independentSources } } }`;
    const listed = async (filter: Record<string, unknown>) => (await api.data(events, { filter })).events;
    assert.deepEqual((await listed(window)).nodes, [], "today's dates miss the window");
    for (const filter of [
      { ...window, asOf: BETWEEN_MASYAF },
      { ...window, asOf: BETWEEN_MASYAF, locations: ["location:masyaf"] },
      { ...window, asOf: BETWEEN_MASYAF, types: ["AIRSTRIKE", "ATTACK", "SHELLING"] },
    ]) {
      const then = await listed(filter);
      assert.deepEqual(
        then.nodes,
        [{ id: masyaf, start: "2024-09-01T00:00:00.000Z", end: "2024-09-30T23:59:59.999Z", independentSources: 1 }],
        `listed as it stood then (${JSON.stringify(filter)})`,
      );
      assert.equal(then.totalCount, 1);
    }
    assert.deepEqual((await listed({ ...window, asOf: "2024-09-10T00:00:00Z" })).nodes, [], "after the second report");
    const within = {
      window: { from: "2024-09-01T00:00:00Z", to: "2024-10-01T00:00:00Z", match: "WITHIN" },
      asOf: BETWEEN_MASYAF,
    };
    assert.deepEqual(
      (await listed(within)).nodes.map((n: { id: string }) => n.id),
      [masyaf],
    );
    const early = { window: { from: "2024-09-08T00:00:00Z", to: "2024-09-09T00:00:00Z" }, asOf: BETWEEN_MASYAF };
    assert.deepEqual(
      (await listed(early)).nodes.map((n: { id: string }) => n.id),
      [masyaf],
      "a window inside the wider interval meets it too",
    );

    const timeline = `query($asOf: DateTime) { timeline(from: "2024-09-15T00:00:00Z", to: "2024-09-21T00:00:00Z",
      buckets: 6, filter: {asOf: $asOf}) { total buckets { start count } events { id start } } }`;
    const now = (await api.data(timeline, {})).timeline;
    assert.equal(now.total, 0);
    const then = (await api.data(timeline, { asOf: BETWEEN_MASYAF })).timeline;
    assert.equal(then.total, 1);
    assert.deepEqual(then.events, [{ id: masyaf, start: "2024-09-01T00:00:00.000Z" }]);
    assert.equal(then.buckets[0].count, 1, "counted at the window's start, where its interval then began (before it)");
  });

  test("search finds only what had been published, and answers for that date", async () => {
    const q = `query($asOf: DateTime) { search(text: "Masyaf", kinds: [EVENT], asOf: $asOf) {
      node { ... on Event { id independentSources start } } } }`;
    const now = (await api.data(q, {})).search;
    assert.ok(now.some((h: { node: { id: string } }) => h.node.id === masyaf));
    const then = (await api.data(q, { asOf: BETWEEN_MASYAF })).search.find(
      (h: { node: { id: string } }) => h.node.id === masyaf,
    );
    assert.equal(then.node.independentSources, 1);
    assert.equal(then.node.start, "2024-09-01T00:00:00.000Z");
    assert.deepEqual((await api.data(q, { asOf: AFTER_REUTERS })).search, [], "nothing about Masyaf by 5 August");
    const claims = `query($asOf: DateTime) { search(text: "Reuters", asOf: $asOf) { node { __typename } } }`;
    assert.ok((await api.data(claims, {})).search.length > 0);
    assert.deepEqual((await api.data(claims, { asOf: BEFORE_ALL })).search, [], "no actor named before any article");
  });

  test("a neighbourhood enters only events reported and ties evidenced by then", async () => {
    const q = `query($asOf: DateTime) { neighborhood(ids: ["location:masyaf"], filter: {asOf: $asOf}) {
      nodes { id label node { ... on Event { independentSources } } } } }`;
    const events = async (asOf?: string) =>
      (await api.data(q, asOf ? { asOf } : {})).neighborhood.nodes.filter(
        (n: { label: string }) => n.label === "Event",
      );
    assert.deepEqual(
      (await events()).map((n: { id: string }) => n.id),
      [masyaf],
    );
    assert.equal((await events())[0].node.independentSources, 2);
    assert.equal((await events(BETWEEN_MASYAF))[0].node.independentSources, 1);
    assert.deepEqual(await events(AFTER_REUTERS), [], "the strike was not reported by 5 August");
  });

  test("a neighbourhood and an export windowed as of a date meet the window with the dates then, not today's", async () => {
    // Today the strike is dated 8 September; as of the first report it was "September".
    const window = { from: "2024-09-15T00:00:00Z", to: "2024-09-20T00:00:00Z" };
    const q = `query($filter: NeighborhoodFilter) { neighborhood(ids: ["location:masyaf"], filter: $filter) {
      nodes { id label } } }`;
    const events = async (filter: Record<string, unknown>) =>
      (await api.data(q, { filter })).neighborhood.nodes
        .filter((n: { label: string }) => n.label === "Event")
        .map((n: { id: string }) => n.id);
    assert.deepEqual(await events({ window }), [], "today's dates miss the window");
    assert.deepEqual(await events({ window, asOf: BETWEEN_MASYAF }), [masyaf]);
    assert.deepEqual(await events({ window, asOf: "2024-09-10T00:00:00Z" }), [], "after the second report");

    const exported = async (asOf?: string) => {
      const params = new URLSearchParams({ format: "node-link", from: window.from, to: window.to, hops: "1" });
      if (asOf) params.set("asOf", asOf);
      const res = await fetch(`${app.url}/export?${params}`);
      assert.equal(res.status, 200);
      const json = (await res.json()) as { nodes: { id: string; category: string }[] };
      return json.nodes.filter((n) => n.category === "Event").map((n) => n.id);
    };
    assert.deepEqual(await exported(), [], "today's dates miss the window");
    assert.deepEqual(await exported(BETWEEN_MASYAF), [masyaf]);
    assert.deepEqual(await exported("2024-09-10T00:00:00Z"), [], "after the second report");
  });

  test("the actor network as of a date counts only events and participations reported by then", async () => {
    const q = `query($asOf: DateTime) { actorNetwork(filter: {asOf: $asOf}) { ties { source { id } target { id } weight } } }`;
    const tie = async (a: string, b: string, asOf?: string) =>
      (await api.data(q, asOf ? { asOf } : {})).actorNetwork.ties.find(
        (t: { source: { id: string }; target: { id: string } }) => t.source.id === a && t.target.id === b,
      )?.weight ?? 0;
    // The United States and the Iraqi government: the Baghdad strike (February), then Ain al-Asad (August).
    assert.equal(await tie("actor:iraqi-government", "actor:united-states"), 2);
    assert.equal(await tie("actor:iraqi-government", "actor:united-states", "2024-03-01T00:00:00Z"), 1);
    assert.equal(await tie("actor:iraqi-government", "actor:united-states", BEFORE_ALL), 0);
    assert.equal(await tie("actor:iran", "actor:us-forces", "2024-08-05T19:00:00Z"), 0, "before Reuters");
    assert.equal(await tie("actor:iran", "actor:us-forces", AFTER_REUTERS), 1);
  });

  test("exportSubgraph links an as-of export, and /export writes only what had been published, saying so", async () => {
    const link = await api.data(
      `query($asOf: DateTime) { exportSubgraph(format: NODE_LINK, locations: ["location:masyaf"], hops: 0, asOf: $asOf) {
        __typename ... on ExportLink { url filename } } }`,
      { asOf: BETWEEN_MASYAF },
    );
    assert.match(link.exportSubgraph.url, /asOf=2024-09-09T08%3A00%3A00\.000Z/);
    assert.match(link.exportSubgraph.filename, /-asof-20240909T080000/);

    const get = (format: string, asOf: string) =>
      fetch(`${app.url}/export?format=${format}&locations=location:masyaf&hops=1&asOf=${encodeURIComponent(asOf)}`);
    const json = (await (await get("node-link", BETWEEN_MASYAF)).json()) as {
      graph: { asOf: string; asOfNote: string };
      nodes: { id: string; category: string; earliest: string; articleIds?: string[] }[];
    };
    assert.equal(json.graph.asOf, BETWEEN_MASYAF);
    assert.match(json.graph.asOfNote, /only what had been published by then/);
    const event = json.nodes.find((n) => n.id === masyaf);
    assert.ok(event, "the strike had been reported by then");
    assert.equal(event.earliest, "2024-09-01T00:00:00Z", "with the dates its one report then gave");
    assert.deepEqual(event.articleIds, ["article:sha256-497f63c58c1ebf1c"], "the later article is not cited");
    const early = (await (await get("node-link", AFTER_REUTERS)).json()) as { nodes: { category: string }[] };
    assert.deepEqual(
      early.nodes.filter((n) => n.category === "Event"),
      [],
    );

    const graphml = await (await get("graphml", BETWEEN_MASYAF)).text();
    assert.match(graphml, /<key id="g_asOf" for="graph"/);
    assert.match(graphml, /<data key="g_asOf">2024-09-09T08:00:00Z<\/data>/);
    const gexf = await (await get("gexf", BETWEEN_MASYAF)).text();
    assert.match(gexf, /<description>[^<]*as of 2024-09-09T08:00:00Z: only what had been published by then/);
    const geojson = (await (await get("geojson", BETWEEN_MASYAF)).json()) as { rasd: { asOf: string } };
    assert.equal(geojson.rasd.asOf, BETWEEN_MASYAF);
    const cypher = await (await get("cypher", BETWEEN_MASYAF)).text();
    assert.match(cypher, /^\/\/ Rasd export as of 2024-09-09T08:00:00Z/m);
    const zip = unzipSync(new Uint8Array(await (await get("csv-zip", BETWEEN_MASYAF)).arrayBuffer()));
    assert.match(new TextDecoder().decode(zip["README.txt"]), /as of 2024-09-09T08:00:00Z/);
    const csv = await get("csv", BETWEEN_MASYAF);
    assert.match(csv.headers.get("content-disposition") ?? "", /-asof-20240909T080000/);

    const bad = await fetch(`${app.url}/export?format=graphml&all=1&asOf=yesterday`);
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { parameter: string }).parameter, "asOf");
    const plain = await (await fetch(`${app.url}/export?format=graphml&all=1`)).text();
    assert.doesNotMatch(plain, /g_asOf/, "an export not made as of a date says nothing of one");
  });
});
