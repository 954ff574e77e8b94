import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "graphql";
import { operationErrors } from "../../server/src/plugins/query-limit-rules.ts";
import { schema } from "../../server/src/schema/index.ts";
import { maxNodeIds, networkTies, pageSize } from "../src/data/load.ts";
import * as queries from "../src/data/queries.ts";

const operations = new Map(Object.entries(queries));

/** Each operation with the largest variables the client sends it. */
const largest: [string, Record<string, unknown>][] = [
  ["statsQuery", {}],
  ["eventsPageQuery", { first: pageSize }],
  ["timelineQuery", { from: "2024-01-01", to: "2025-01-01", buckets: 1000, maxEvents: 1000 }],
  ["nodesQuery", { ids: Array.from({ length: maxNodeIds }, (_, i) => `event:${i}`) }],
  ["searchQuery", { text: "x", first: 20 }],
  ["neighborhoodQuery", { ids: ["event:1"], limit: 300 }],
  ["actorNetworkQuery", { first: networkTies }],
  ["extractArticleQuery", { raw: "x" }],
  ["ingestBundleMutation", { bundle: {} }],
  // The ingest review: "link to existing" search, and the in-graph check in batches of 500 (data/review.ts).
  ["entityCandidatesQuery", { text: "x", kinds: ["ACTOR"], first: 8 }],
  ["existingIdsQuery", { ids: Array.from({ length: 500 }, (_, i) => `actor:${i}`) }],
];

describe("the client's GraphQL operations", () => {
  it("are all measured here", () => {
    assert.deepEqual(largest.map(([name]) => name).sort(), [...operations.keys()].sort());
  });

  for (const [name, variables] of largest)
    it(`${name} at its largest stays within the API's default limits`, () => {
      const errors = operationErrors(schema, parse(operations.get(name) ?? ""), variables);
      assert.deepEqual(
        errors.map((e) => e.message),
        [],
      );
    });
});
