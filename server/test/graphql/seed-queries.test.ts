import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { seedBundle } from "../helpers/seed.ts";
import { seededApi, type testYoga } from "./gql.ts";

describe("the analyst's queries on the seed article", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  const bundle = seedBundle();
  before(async () => {
    ({ db, gql } = await seededApi());
  });
  after(async () => db.close());

  it("finds any node by id and answers null for unknown ids", async () => {
    const d =
      await gql.data(`{ a: node(id: "location:ain-al-asad-air-base") { id ... on Location { name within { id } } }
      b: node(id: "actor:nobody") { id } nodes(ids: ["event:factions-threaten-to-end-truce-2024-08", "claim:x"]) { id } }`);
    assert.equal(d.a.name, "Ain al-Asad Air Base");
    assert.equal(d.a.within.id, "location:iraq");
    assert.equal(d.b, null);
    assert.deepEqual(d.nodes, [{ id: "event:factions-threaten-to-end-truce-2024-08" }, null]);
  });

  it("searches Arabic names with hamza, ta marbuta and diacritics folded, and English names", async () => {
    for (const text of ["عين الأسد", "عين الاسد", "عَيْن الأَسَد", "Ain al-Asad"]) {
      const d = await gql.data(
        `query S($t: String!) { search(text: $t) { score kind node { ... on Location { id } } } }`,
        {
          t: text,
        },
      );
      assert.ok(d.search.length > 0, text);
      assert.ok(
        d.search.some((h: { node: { id?: string } }) => h.node.id === "location:ain-al-asad-air-base"),
        `${text}: ${JSON.stringify(d.search)}`,
      );
    }
    const claims = await gql.data(`{ search(text: "الهدنة", kinds: [CLAIM]) { kind node { ... on Claim { id } } } }`);
    assert.ok(claims.search.length > 0);
    assert.ok(claims.search.every((h: { kind: string }) => h.kind === "CLAIM"));
  });

  it("lists actors, locations, claims and articles with their filters and counts", async () => {
    const d = await gql.data(`{
      actors(filter: {kinds: ["ANONYMOUS_SOURCE"]}, first: 50) { totalCount nodes { id claimsMade { id } ties { type other { id } } } }
      all: actors(first: 1) { totalCount pageInfo { hasNextPage } }
      locations(filter: {within: "location:iraq"}) { nodes { id } }
      claims(filter: {claimants: ["actor:anon-erem-2024-08-22-resistance-leader"]}) { totalCount nodes { id claimant { id } toldTo { id } } }
      articles { totalCount nodes { id publisher events { id } text } }
    }`);
    const anon = bundle.actors.filter((a) => a.kind === "ANONYMOUS_SOURCE");
    assert.equal(d.actors.totalCount, anon.length);
    assert.ok(d.actors.nodes.every((a: { claimsMade: unknown[] }) => a.claimsMade.length > 0));
    assert.ok(
      d.actors.nodes.some((a: { ties: unknown[] }) => a.ties.length > 0),
      "anonymous sources are tied to their group",
    );
    assert.equal(d.all.totalCount, bundle.actors.length);
    assert.equal(d.all.pageInfo.hasNextPage, true);
    assert.deepEqual(
      d.locations.nodes.map((l: { id: string }) => l.id),
      ["location:ain-al-asad-air-base"],
    );
    const made = bundle.claims.filter((c) => c.claimant === "actor:anon-erem-2024-08-22-resistance-leader");
    assert.equal(d.claims.totalCount, made.length);
    assert.equal(d.claims.nodes[0].toldTo.id, "actor:erem-news");
    assert.equal(d.articles.totalCount, 1);
    assert.equal(d.articles.nodes[0].events.length, 10);
    assert.equal(d.articles.nodes[0].text, bundle.article.text);
  });

  it("exposes evidence with quotes for actors, claims and ties", async () => {
    const d = await gql.data(`{ node(id: "actor:us-forces") { ... on Actor {
      evidence { start end quote } events { role event { id } evidence { quote } } claimsAbout { id } } } }`);
    const a = d.node;
    assert.ok(a.evidence.length > 0);
    for (const e of a.evidence) assert.equal(e.quote, bundle.article.text.slice(e.start, e.end));
    assert.ok(a.events.length > 0);
    assert.ok(a.events.every((p: { evidence: unknown[] }) => p.evidence.length > 0));
    assert.ok(a.claimsAbout.length > 0);
  });

  it("draws a timeline: counts per bucket and type, and the events when few", async () => {
    const d = await gql.data(`{ timeline(from: "2024-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z", buckets: 12) {
      total buckets { start count byType { type count } } events { id } } }`);
    const t = d.timeline;
    assert.equal(t.buckets.length, 12);
    assert.equal(t.total, 10);
    assert.equal(
      t.buckets.reduce((s: number, b: { count: number }) => s + b.count, 0),
      10,
    );
    for (const b of t.buckets)
      assert.equal(
        b.count,
        b.byType.reduce((s: number, x: { count: number }) => s + x.count, 0),
      );
    assert.equal(t.events.length, 10);
    const few = await gql.data(
      `{ timeline(from: "2024-01-01T00:00:00Z", to: "2025-01-01T00:00:00Z", maxEvents: 3) { total events { id } } }`,
    );
    assert.equal(few.timeline.events, null, "more than maxEvents: counts only");
  });

  it("returns a neighbourhood, the actor network and paths", async () => {
    const d = await gql.data(`{
      neighborhood(ids: ["location:ain-al-asad-air-base"], hops: 2) { nodes { id label } edges { source target type } truncated }
      actorNetwork(filter: {window: {from: "2024-08-01T00:00:00Z", to: "2024-08-31T00:00:00Z"}}) {
        actors { id } ties { source { id } target { id } weight events { id } } }
      paths(from: "actor:iraqi-armed-factions", to: "location:ain-al-asad-air-base", maxHops: 3) { length nodes { id } edges { type } }
    }`);
    const ids = new Set(d.neighborhood.nodes.map((n: { id: string }) => n.id));
    assert.ok(ids.has("location:iraq") && ids.has("event:attacks-on-us-forces-at-ain-al-asad-2024-08"));
    for (const e of d.neighborhood.edges) assert.ok(ids.has(e.source) && ids.has(e.target));
    assert.ok(d.actorNetwork.ties.length > 0);
    for (const tie of d.actorNetwork.ties) assert.equal(tie.events.length, Math.min(10, tie.weight));
    assert.ok(d.paths.length > 0);
    assert.equal(d.paths[0].nodes[0].id, "actor:iraqi-armed-factions");
    assert.equal(d.paths[0].nodes.at(-1).id, "location:ain-al-asad-air-base");
    assert.equal(d.paths[0].length, 2);
  });

  it("reports stats: counts by label, date range and articles by publisher", async () => {
    const d = await gql.data(
      `{ stats { events actors locations claims articles earliest latest articlesByPublisher { key count } eventsByType { key count } } }`,
    );
    assert.deepEqual(
      [d.stats.events, d.stats.actors, d.stats.locations, d.stats.claims, d.stats.articles],
      [10, 21, 7, 11, 1],
    );
    assert.equal(d.stats.earliest, "2024-02-01T00:00:00.000Z");
    assert.equal(d.stats.articlesByPublisher[0].count, 1);
  });
});
