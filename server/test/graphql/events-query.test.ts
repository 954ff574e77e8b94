import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { seedBundle } from "../helpers/seed.ts";
import { seededApi, type testYoga } from "./gql.ts";

const query = `query Window($filter: EventFilter, $first: Int) {
  events(filter: $filter, first: $first) {
    totalCount
    nodes {
      id type title start end precision edtf
      actors { id name role }
      locations { id name latitude longitude }
      claims { id text claimant { id kind } }
      evidence { articleId start end quote }
    }
  }
}`;

interface Ev {
  id: string;
  start: string | null;
  end: string;
  precision: string;
  actors: { id: string }[];
  locations: { id: string }[];
  evidence: { articleId: string; start: number; end: number; quote: string }[];
}

describe("reading events back over GraphQL", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  before(async () => {
    ({ db, gql } = await seededApi());
  });
  after(async () => db.close());

  async function events(filter: Record<string, unknown> | null): Promise<{ totalCount: number; nodes: Ev[] }> {
    return (await gql.data(query, { filter, first: 500 })).events;
  }

  it("returns every seed event with its actors, locations and evidence quotes", async () => {
    const bundle = seedBundle();
    const all = await events(null);
    assert.equal(all.nodes.length, bundle.events.filter((e) => e.start || e.end).length);
    assert.equal(all.totalCount, all.nodes.length);
    for (const e of all.nodes) {
      const source = bundle.events.find((b) => b.id === e.id);
      assert.ok(source, e.id);
      assert.deepEqual(e.actors.map((a) => a.id).sort(), [...new Set(source.participants.map((p) => p.actor))].sort());
      assert.deepEqual(e.locations.map((l) => l.id).sort(), [...source.locations].sort());
      assert.ok(e.evidence.length > 0);
      for (const span of e.evidence) assert.equal(span.quote, bundle.article.text.slice(span.start, span.end));
    }
  });

  it("keeps only events whose uncertain date range overlaps the window (an unknown start may overlap)", async () => {
    const all = (await events(null)).nodes;
    const from = "2024-08-01T00:00:00.000Z";
    const to = "2024-08-31T23:59:59.000Z";
    const inAugust = (await events({ window: { from, to } })).nodes;
    const expected = all.filter((e) => e.end >= from && (e.start === null || e.start <= to)).map((e) => e.id);
    assert.deepEqual(inAugust.map((e) => e.id).sort(), expected.sort());
    assert.ok(inAugust.length < all.length, "the February truce is outside August");
  });

  it("keeps only events certainly inside the window when asked to", async () => {
    const all = (await events(null)).nodes;
    const from = "2024-08-01T00:00:00.000Z";
    const to = "2024-08-31T23:59:59.000Z";
    const inside = (await events({ window: { from, to, match: "WITHIN" } })).nodes;
    const expected = all.filter((e) => e.start !== null && e.start >= from && e.end <= to).map((e) => e.id);
    assert.deepEqual(inside.map((e) => e.id).sort(), expected.sort());
    const overlapping = (await events({ window: { from, to } })).nodes;
    assert.ok(inside.length < overlapping.length, "ranges that start before August overlap but are not inside");
  });

  it("never turns a month into a made-up day", async () => {
    const monthly = (await events(null)).nodes.filter((e) => e.precision === "MONTH");
    assert.ok(monthly.length > 0);
    for (const e of monthly) assert.ok(Date.parse(e.end) - Date.parse(e.start ?? "") > 27 * 86400000, e.id);
  });

  it("filters by type, actor role, place within a country, confidence, publisher and text", async () => {
    const bundle = seedBundle();
    const attacks = (await events({ types: ["ATTACK"] })).nodes;
    assert.deepEqual(
      attacks.map((e) => e.id).sort(),
      bundle.events
        .filter((e) => e.type === "ATTACK")
        .map((e) => e.id)
        .sort(),
    );
    const initiated = (await events({ actors: [{ id: "actor:iraqi-armed-factions", role: "INITIATOR" }] })).nodes;
    const expectInit = bundle.events.filter((e) =>
      e.participants.some((p) => p.actor === "actor:iraqi-armed-factions" && p.role === "INITIATOR"),
    );
    assert.deepEqual(initiated.map((e) => e.id).sort(), expectInit.map((e) => e.id).sort());
    const inIraq = (await events({ locations: ["location:iraq"] })).nodes.map((e) => e.id);
    const atBase = bundle.events.filter((e) => e.locations.includes("location:ain-al-asad-air-base"));
    assert.ok(atBase.length > 0);
    for (const e of atBase) assert.ok(inIraq.includes(e.id), `${e.id} is at a base within Iraq`);
    const confident = (await events({ minConfidence: 0.9 })).nodes;
    assert.deepEqual(
      confident.map((e) => e.id).sort(),
      bundle.events
        .filter((e) => (e.confidence ?? 1) >= 0.9)
        .map((e) => e.id)
        .sort(),
    );
    assert.equal((await events({ publishers: [bundle.article.publisher] })).nodes.length, 10);
    assert.equal((await events({ publishers: ["Nobody"] })).nodes.length, 0);
    assert.equal((await events({ articles: [bundle.article.id] })).totalCount, 10);
    const truce = (await events({ text: "truce" })).nodes.map((e) => e.id);
    assert.ok(truce.includes("event:iraqi-factions-truce-with-us-forces-2024-02"), truce.join());
  });

  it("pages with cursors until hasNextPage is false", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: {
        events: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      } = await gql.data(
        `query P($after: String) { events(first: 3, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...page.events.nodes.map((n) => n.id));
      if (!page.events.pageInfo.hasNextPage) break;
      after = page.events.pageInfo.endCursor;
    }
    assert.equal(seen.length, 10);
    assert.equal(new Set(seen).size, 10);
  });
});
