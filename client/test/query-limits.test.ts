import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "graphql";
import { limitErrors, measureOperation } from "../../server/src/plugins/query-limit-rules.ts";
import { DEFAULT_LIMITS } from "../../server/src/plugins/use-query-limits.ts";
import { networkTies, pageSize } from "../src/data/load.ts";
import * as queries from "../src/data/queries.ts";

const operations = new Map(Object.entries(queries));

/** Each operation with the largest variables the client sends it. */
const largest: [string, Record<string, unknown>][] = [
  ["statsQuery", {}],
  ["eventsPageQuery", { first: pageSize }],
  ["timelineQuery", { buckets: 1000, maxEvents: 1000 }],
  ["nodesQuery", { ids: [] }],
  ["searchQuery", { first: 20 }],
  ["neighborhoodQuery", { limit: 300 }],
  ["actorNetworkQuery", { first: networkTies }],
  ["extractArticleQuery", {}],
  ["ingestBundleMutation", {}],
];

describe("the client's GraphQL operations", () => {
  it("are all measured here", () => {
    assert.deepEqual(largest.map(([name]) => name).sort(), [...operations.keys()].sort());
  });

  for (const [name, variables] of largest)
    it(`${name} at its largest stays within the API's default limits`, () => {
      const walk = measureOperation(parse(operations.get(name) ?? ""), null, variables);
      assert.ok(walk, `${name} has an operation`);
      assert.deepEqual(
        limitErrors(walk, DEFAULT_LIMITS).map((e) => e.message),
        [],
      );
    });
});
