import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadSynthetic } from "../../../seeds/synthetic/generate.ts";
import type { Database } from "../../src/db/database.ts";
import { emptyDatabase } from "../helpers/graph.ts";
import { EDITOR_KEY, testYoga } from "./gql.ts";

interface Page {
  totalCount: number;
  totalCountIsExact: boolean;
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
}

describe("event pages with keyset cursors", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  const query = `query P($f: EventFilter, $o: EventOrder, $first: Int, $after: String, $last: Int, $before: String) {
    events(filter: $f, orderBy: $o, first: $first, after: $after, last: $last, before: $before) {
      totalCount totalCountIsExact nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
  const page = async (v: Record<string, unknown>): Promise<Page> => (await gql.data(query, v)).events;

  /** The order Cypher gives (nulls last ascending, first descending), to check the pages against. */
  const expected = async (order: "ASC" | "DESC", where = "true") =>
    (
      await db.read({
        cypher: `MATCH (e:Event) WHERE ${where} RETURN e.id AS id ORDER BY e.start ${order}, e.id`,
      })
    ).records.map((r) => r.get("id") as string);

  before(async () => {
    db = await emptyDatabase();
    await loadSynthetic(db, { events: 400, seed: 9, batchArticles: 50 });
    gql = testYoga(db);
    // Events without a start: one known only by its end, one with no date at all.
    const ids = (await expected("ASC")).slice(0, 3);
    const edit = `mutation U($id: ID!, $input: EventUpdate!) { updateEvent(id: $id, input: $input) { __typename } }`;
    await gql.data(
      edit,
      { id: ids[0], input: { start: null, end: "2018-05-01T00:00:00Z", precision: "RANGE" } },
      EDITOR_KEY,
    );
    await gql.data(edit, { id: ids[1], input: { start: null, end: null, precision: "UNKNOWN" } }, EDITOR_KEY);
  });
  after(async () => db.close());

  for (const [order, dir] of [
    ["START_ASC", "ASC"],
    ["START_DESC", "DESC"],
  ] as const)
    it(`walks ${order} forwards and backwards in the same order as a full sort, undated events included`, async () => {
      const all = await expected(dir);
      const seen: string[] = [];
      let after: string | null = null;
      for (let n = 0; n < 50; n++) {
        const p: Page = await page({ o: order, first: 37, after });
        seen.push(...p.nodes.map((x) => x.id));
        assert.equal(p.pageInfo.hasPreviousPage, after !== null);
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      assert.deepEqual(seen, all);
      // Backwards from the end: last/before give the preceding slices, in order.
      const back: string[] = [];
      let before: string | null = null;
      for (let n = 0; n < 50; n++) {
        const p: Page = await page({ o: order, last: 41, before });
        back.unshift(...p.nodes.map((x) => x.id));
        if (!p.pageInfo.hasPreviousPage) break;
        before = p.pageInfo.startCursor;
      }
      assert.deepEqual(back, all);
    });

  it("pages a type filter in start order with an exact count from the aggregates", async () => {
    const all = await expected("ASC", "e.type = 'ATTACK'");
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p: Page = await page({ f: { types: ["ATTACK"] }, first: 10, after });
      assert.equal(p.totalCount, all.length);
      assert.equal(p.totalCountIsExact, true);
      seen.push(...p.nodes.map((x) => x.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    assert.deepEqual(seen, all);
  });

  it("refuses a cursor from another order or not made here, naming the argument", async () => {
    const p = await page({ o: "START_ASC", first: 5 });
    for (const [o, cursor] of [
      ["START_DESC", p.pageInfo.endCursor],
      ["START_ASC", "bm90LWEtY3Vyc29y"],
    ]) {
      const r = await gql.post(query, { o, first: 5, after: cursor });
      assert.match(r.body.errors?.[0]?.message ?? "", /^after: invalid cursor/);
      assert.equal(r.body.errors[0].extensions.code, "BAD_USER_INPUT");
    }
    const r = await gql.post(query, { o: "CONFIDENCE_DESC", last: 5 });
    assert.match(r.body.errors?.[0]?.message ?? "", /paging backwards needs orderBy START_ASC or START_DESC/);
  });
});
