import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { testYoga } from "../graphql/gql.ts";
import { testDatabase } from "../helpers/graph.ts";

describe("over-limit queries are refused with 400 before touching Neo4j", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  let statements = 0;
  before(async () => {
    db = await testDatabase();
    gql = testYoga(db);
    db.onStatement(() => statements++);
  });
  after(async () => db.close());

  const cases: [string, string, Record<string, unknown>][] = [
    [
      "too deep",
      `{ events { nodes { actors { actor { events { event { actors { actor { events { event { actors { actor { events { event { id } } } } } } } } } } } } } } }`,
      {},
    ],
    ["too many aliases", `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: stats { events }`).join(" ")} }`, {}],
    ["too many tokens", `{ events { nodes { ${"id ".repeat(4000)} } } }`, {}],
    [
      "too costly",
      `{ events(first: 500) { nodes { actors(first: 500) { actor { events(first: 500) { role } } } } } }`,
      {},
    ],
    ["a page too large, given as a variable", `query Q($n: Int) { events(first: $n) { nodes { id } } }`, { n: 100000 }],
  ];
  for (const [name, query, variables] of cases) {
    it(`refuses a query that is ${name}`, async () => {
      statements = 0;
      const r = await gql.post(query, variables);
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.ok(r.body.errors?.length > 0);
      assert.match(r.body.errors[0].message, /limit|tokens/);
      assert.equal(statements, 0, "no statement reached Neo4j");
    });
  }

  it("answers a reasonable query", async () => {
    const r = await gql.post(`{ stats { events } }`);
    assert.equal(r.status, 200);
  });

  // The size argument of these fields bounds their whole answer, so the lists
  // inside are counted once, not once per item (the client's own queries).
  it("accepts the client's widest timeline: 1,000 events with their actors, places, claims and evidence", async () => {
    const { timelineQuery } = await import("../../../client/src/data/queries.ts");
    const r = await gql.post(timelineQuery, { from: "2024-01-01", to: "2025-01-01", buckets: 200, maxEvents: 1000 });
    assert.equal(r.status, 200, JSON.stringify(r.body.errors));
  });

  it("accepts the largest actor network the schema allows", async () => {
    const r = await gql.post(
      `{ actorNetwork(first: 2000) { actors { id name nameAr kind eventCount } ties { source { id } target { id } weight } } }`,
    );
    assert.equal(r.status, 200, JSON.stringify(r.body.errors));
  });

  it("counts a timeline's listed events by maxEvents, refusing a costly nesting under them", async () => {
    const ok = await gql.post(
      `{ timeline(from: "2024-01-01", to: "2025-01-01", buckets: 50, maxEvents: 1000) { events { id title start end } } }`,
    );
    assert.equal(ok.status, 200, JSON.stringify(ok.body.errors));
    statements = 0;
    const costly = await gql.post(
      `{ timeline(from: "2024-01-01", to: "2025-01-01", maxEvents: 1000) { events { actors(first: 500) { actor { events(first: 500) { role } } } } } }`,
    );
    assert.equal(costly.status, 400);
    assert.match(costly.body.errors[0].message, /cost/);
    assert.equal(statements, 0);
  });
});
