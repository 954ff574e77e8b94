import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "graphql";
import { operationErrors } from "../../server/src/plugins/query-limit-rules.ts";
import { schema } from "../../server/src/schema/index.ts";
import { maxNodeIds, networkTies, pageSize } from "../src/data/load.ts";
import { clientOperations } from "./helpers/operations.ts";

/** Each operation with the largest variables the client sends it. */
const largest: [string, Record<string, unknown>][] = [
  ["statsQuery", {}],
  ["startQuery", {}],
  ["eventsPageQuery", { first: pageSize }],
  ["timelineQuery", { from: "2024-01-01", to: "2025-01-01", buckets: 1000, maxEvents: 1000 }],
  ["nodesQuery", { ids: Array.from({ length: maxNodeIds }, (_, i) => `event:${i}`) }],
  ["searchQuery", { text: "x", first: 20 }],
  ["neighborhoodQuery", { ids: ["event:1"], limit: 300 }],
  ["actorNetworkQuery", { first: networkTies }],
  ["extractArticleQuery", { raw: "x" }],
  ["ingestBundleMutation", { bundle: {} }],
  ["eventSourcesQuery", { id: "event:1", asOf: "2024-01-01" }],
  ["candidatesQuery", { first: 50 }],
  ["mergeEventsMutation", { ids: ["event:1", "event:2"], reason: "x" }],
  ["rejectCandidateMutation", { a: "event:1", b: "event:2" }],
  ["entityCandidatesQuery", { text: "x", kinds: ["ACTOR"], first: 8 }],
  ["existingIdsQuery", { ids: Array.from({ length: 500 }, (_, i) => `actor:${i}`) }],
  ["similarEntitiesQuery", { name: "x", kind: "ACTOR" }],
  ["duplicateSuggestionsQuery", { kind: "ACTOR", first: 50 }],
  ["mergeEntitiesMutation", { keep: "actor:1", merge: ["actor:2"] }],
  ["dismissDuplicatesMutation", { kind: "ACTOR", ids: ["actor:1", "actor:2"] }],
  ["EDITABLE_NODE", { id: "event:1" }],
  ["EDIT_CHOICES", {}],
  ["SET_ROLE", { event: "event:1", actor: "actor:1", role: "TARGET" }],
  ["ADD_PARTICIPANT", { event: "event:1", actor: "actor:1", role: "TARGET" }],
  ["REMOVE_PARTICIPANT", { event: "event:1", actor: "actor:1" }],
  ["ADD_EVENT_PLACE", { event: "event:1", location: "location:1" }],
  ["REMOVE_EVENT_PLACE", { event: "event:1", location: "location:1" }],
  ["SET_EVENT_DATE", { id: "event:1", date: { precision: "DAY", start: "2024-01-01" } }],
  ["UPDATE_CLAIM", { id: "claim:1", input: { certainty: "HEDGED" } }],
  ["UPDATE_ENTITY", { id: "actor:1", input: { name: "x" } }],
  ["MERGE_ENTITIES", { keep: "actor:1", merge: ["actor:2"] }],
  ["SPLIT_ENTITY", { id: "actor:1", input: {} }],
  ["UNDO", { auditId: null }],
  ["MY_EDITS", { who: "x" }],
];

describe("the client's GraphQL operations", () => {
  it("are all measured here", () => {
    assert.deepEqual(largest.map(([name]) => name).sort(), [...clientOperations.keys()].sort());
  });

  for (const [name, variables] of largest)
    it(`${name} at its largest stays within the API's default limits`, () => {
      const errors = operationErrors(schema, parse(clientOperations.get(name) ?? ""), variables);
      assert.deepEqual(
        errors.map((e) => e.message),
        [],
      );
    });
});
