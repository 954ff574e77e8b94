import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { createRasdYoga } from "../../src/yoga.ts";
import { resetGraph, testDatabase } from "../helpers/graph.ts";
import { seedBundle } from "../helpers/seed.ts";

const query = `query Window($from: String, $to: String) {
  events(from: $from, to: $to) {
    id type title start end precision edtf
    actors { id name role }
    locations { id name latitude longitude }
    claims { id text claimant { id kind } }
    evidence { articleId start end quote }
  }
}`;

describe("reading events back over GraphQL", () => {
  let db: Database;
  let yoga: ReturnType<typeof createRasdYoga>;
  before(async () => {
    db = await testDatabase();
    await resetGraph(db);
    await ingestBundle(db, seedBundle());
    yoga = createRasdYoga({ db, settings: { apiKeys: [], openReads: true, graphiql: false } });
  });
  after(async () => db.close());

  async function events(variables: Record<string, unknown>) {
    const response = await yoga.fetch("http://rasd.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data.events as {
      id: string;
      start: string;
      end: string;
      precision: string;
      actors: { id: string }[];
      locations: { id: string }[];
      evidence: { articleId: string; start: number; end: number; quote: string }[];
    }[];
  }

  it("returns every seed event with its actors, locations and evidence quotes", async () => {
    const bundle = seedBundle();
    const all = await events({});
    assert.equal(all.length, bundle.events.filter((e) => e.start || e.end).length);
    for (const e of all) {
      const source = bundle.events.find((b) => b.id === e.id);
      assert.ok(source, e.id);
      assert.deepEqual(e.actors.map((a) => a.id).sort(), [...new Set(source.participants.map((p) => p.actor))].sort());
      assert.deepEqual(e.locations.map((l) => l.id).sort(), [...source.locations].sort());
      assert.ok(e.evidence.length > 0);
      for (const span of e.evidence) assert.equal(span.quote, bundle.article.text.slice(span.start, span.end));
    }
  });

  it("keeps only events whose uncertain date range overlaps the window", async () => {
    const all = await events({});
    const from = "2024-08-01T00:00:00Z";
    const to = "2024-08-31T23:59:59Z";
    const inAugust = await events({ from, to });
    const expected = all.filter((e) => e.end >= from && e.start <= to).map((e) => e.id);
    assert.deepEqual(inAugust.map((e) => e.id).sort(), expected.sort());
    assert.ok(inAugust.length < all.length, "the February truce is outside August");
  });

  it("never turns a month into a made-up day", async () => {
    const all = await events({});
    const monthly = all.filter((e) => e.precision === "MONTH");
    assert.ok(monthly.length > 0);
    for (const e of monthly) assert.ok(Date.parse(e.end) - Date.parse(e.start) > 27 * 86400000, e.id);
  });
});
