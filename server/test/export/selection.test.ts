import assert from "node:assert/strict";
import { test } from "node:test";
import { exportNodes } from "../../src/cypher/export.ts";
import { parseExportRequest, parseSelection, type SelectionError, toSearchParams } from "../../src/export/selection.ts";

test("a bare date widens to the whole day, like event dates", () => {
  const s = parseSelection({ from: "2024-08-01", to: "2024-08-31" });
  assert.equal(s.from, "2024-08-01T00:00:00Z");
  assert.equal(s.to, "2024-08-31T23:59:59.999Z");
  assert.equal(s.hops, 1);
});

test("a selection survives the trip to query parameters and back (the GraphQL link)", () => {
  const request = parseExportRequest({ format: "gexf", ids: "a,b", hops: "2", types: "ATTACK", actors: "x" });
  const again = parseExportRequest(Object.fromEntries(toSearchParams(request)));
  assert.deepEqual(again, request);
});

test("bad values fail early with the parameter's name", () => {
  assert.throws(
    () => parseSelection({ ids: "a", hops: "-1" }),
    (e: SelectionError) => e.parameter === "hops",
  );
  assert.throws(
    () => parseSelection({ all: "yes" }),
    (e: SelectionError) => e.parameter === "all",
  );
  assert.throws(
    () => parseSelection({ hops: "2" }),
    (e: SelectionError) => e.parameter === "ids",
  );
});

test("the Cypher keeps values in parameters and walks only entity relationships", () => {
  const s = exportNodes(parseSelection({ ids: "x') DETACH DELETE n //", hops: "2", types: "ATTACK" }));
  assert.doesNotMatch(s.cypher, /DETACH/);
  assert.deepEqual(s.params?.ids, ["x') DETACH DELETE n //"]);
  assert.match(s.cypher, /\{1,2\}/);
  assert.doesNotMatch(s.cypher, /MENTIONS\|REPORTS\|CONTAINS\]-\(x\)/);
  const all = exportNodes(parseSelection({ all: "1" }));
  assert.doesNotMatch(all.cypher, /ORDER BY|collect\(n\)/, "the whole-graph path streams");
});
