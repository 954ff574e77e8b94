import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { clientOperation } from "../../../client/test/helpers/operations.ts";
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

  /** `fragment F1 on Stats { ...F0 ...F0 }` … Fn: 2ⁿ paths through n+1 fragments. */
  const fanOut = (n: number) => {
    let fragments = "fragment F0 on Stats { events }";
    for (let i = 1; i <= n; i++) fragments += `\nfragment F${i} on Stats { ...F${i - 1} ...F${i - 1} }`;
    return `{ stats { ...F${n} } }\n${fragments}`;
  };
  for (const n of [22, 25, 200])
    it(`refuses a fragment fan-out ${n} deep at once, measured per fragment rather than per path`, async () => {
      statements = 0;
      const t0 = performance.now();
      const r = await gql.post(fanOut(n));
      const ms = performance.now() - t0;
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.errors[0].extensions.code, "COST_LIMIT");
      assert.equal(statements, 0);
      // 2²⁵ paths walked one by one took minutes; a linear walk is milliseconds even on a loaded machine.
      assert.ok(ms < 2000, `answered in ${Math.round(ms)} ms`);
    });

  it("counts every object list: evidence, claimsAbout and claimsMade nested under pages are refused", async () => {
    for (const query of [
      `{ actors(first: 200) { nodes { claimsAbout(first: 200) { evidence(first: 100) { quote } } } } }`,
      `{ actors(first: 200) { nodes { claimsMade(first: 200) { links(first: 100) { evidence(first: 100) { quote } } } } } }`,
      `{ locations(first: 1000) { nodes { evidence(first: 1000) { quote articleTitle } } } }`,
    ]) {
      const r = await gql.post(query);
      assert.equal(r.status, 400, query);
      assert.equal(r.body.errors[0].extensions.code, "COST_LIMIT", query);
    }
  });

  it("refuses a negative page with 400 naming the argument, not an empty list", async () => {
    const r = await gql.post(`{ events(first: -1) { nodes { id } } }`);
    assert.equal(r.status, 400);
    assert.match(r.body.errors[0].message, /Query\.events: first must be between 0 and 2000/);
  });

  it("caps nodes(ids:) at 500 ids with a clear error", async () => {
    statements = 0;
    const ids = Array.from({ length: 50000 }, (_, i) => `event:${i}`);
    const r = await gql.post(`query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    assert.equal(r.status, 400);
    assert.match(r.body.errors[0].message, /at most 500 ids at a time, not 50000/);
    assert.equal(statements, 0);
  });

  it("refuses a directive bomb", async () => {
    const r = await gql.post(`{ stats ${"@include(if: true) ".repeat(50)} { events } }`);
    assert.equal(r.status, 400);
    assert.ok(r.body.errors.some((e: { extensions: { code: string } }) => e.extensions.code === "DIRECTIVE_LIMIT"));
  });

  it("refuses a 5 MB garbage query without echoing it back", async () => {
    for (const query of ["x".repeat(5_000_000), `{ ${"a".repeat(90_000)} }`]) {
      const r = await gql.post(query);
      assert.equal(r.status, 400);
      const body = JSON.stringify(r.body);
      assert.ok(body.length < 1000, `the error is ${body.length} characters`);
    }
  });

  it("answers validation errors 400 for application/json too, and hides field suggestions when introspection is off", async () => {
    const r = await gql.post(`{ stats { evnts } }`);
    assert.equal(r.status, 400);
    assert.equal(r.body.errors[0].extensions.code, "GRAPHQL_VALIDATION_FAILED");
    assert.doesNotMatch(r.body.errors[0].message, /Did you mean/);
    const open = testYoga(db, { introspection: true });
    const withHints = await open.post(`{ stats { evnts } }`);
    assert.match(withHints.body.errors[0].message, /Did you mean "events"\?/);
  });

  it("answers a reasonable query", async () => {
    const r = await gql.post(`{ stats { events } }`);
    assert.equal(r.status, 200);
  });

  // The size argument of these fields bounds their whole answer, so the lists
  // inside are counted once, not once per item (the client's own queries).
  it("accepts the client's widest timeline: 1,000 events with their actors, places, claims and evidence", async () => {
    const r = await gql.post(clientOperation("timelineQuery"), {
      from: "2024-01-01",
      to: "2025-01-01",
      buckets: 200,
      maxEvents: 1000,
    });
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
