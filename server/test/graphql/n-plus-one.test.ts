import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadSynthetic } from "../../../seeds/synthetic/generate.ts";
import type { Database } from "../../src/db/database.ts";
import { emptyDatabase } from "../helpers/graph.ts";
import { testYoga } from "./gql.ts";

const deep = `query Deep($first: Int) { events(first: $first) { nodes {
  id actors { id role evidence { quote } actor { id claimsMade { id claimant { id } about { ... on Event { id } } } } }
  locations { id within { id } } claims { id claimant { id } links { type } } evidence { quote article { id } }
  independentSources reports(first: 3) { totalCount nodes { publisher } } disagreements { what }
  candidates { score event { id } }
} } }`;

describe("nested queries are batched, not run per parent", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  before(async () => {
    db = await emptyDatabase();
    await loadSynthetic(db, { events: 600, seed: 5 });
    // This measures batching, not the cost limit: 200 events with every nested list are deliberately over it.
    gql = testYoga(db, { limits: { maxCost: 10_000_000 } });
  });
  after(async () => db.close());

  async function statementsFor(first: number) {
    let count = 0;
    const off = db.onStatement(() => count++);
    try {
      const d = await gql.data(deep, { first });
      assert.equal(d.events.nodes.length, first);
      return count;
    } finally {
      off();
    }
  }

  it("runs the same bounded number of statements for 5 events and for 200", async () => {
    const few = await statementsFor(5);
    const many = await statementsFor(200);
    // One per nested field and level (plus the page and the span statistics), whatever the parent count.
    assert.ok(many <= 20, `200 events took ${many} statements`);
    // The first request also reads the span statistics (cached after), so the larger page may run one fewer.
    assert.ok(many <= few, `${many} statements for 200 events, ${few} for 5`);
  });
});
