import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { MultiDirectedGraph as Graph } from "graphology";
import { parse } from "graphology-graphml";
import type { Database } from "../../src/db/database.ts";
import { seededDatabase } from "../helpers/graph.ts";
import { exportBytes, listOf, sourceGraph } from "./fixtures.ts";

let db: Database;
before(async () => {
  db = await seededDatabase();
});
after(() => db.close());

test("a GraphML export of the whole seed graph parses back to the same nodes, edges and provenance", async () => {
  const xml = (await exportBytes(db, { format: "graphml", all: "1" })).toString("utf8");
  const g = parse(Graph, xml, { addMissingNodes: false });
  const src = await sourceGraph(db);
  assert.equal(g.order, src.nodes.size);
  assert.equal(g.size, src.edges.size);
  for (const [id, n] of src.nodes) {
    const a = g.getNodeAttributes(id);
    assert.equal(a.category, n.label, id);
    assert.equal(a.label, n.display, id);
    assert.equal(a.nameAr ?? null, n.nameAr, `${id} keeps its Arabic name`);
    assert.equal(a.confidence ?? null, n.confidence, id);
    assert.equal(a.earliest ?? null, n.earliest, id);
    assert.equal(a.latest ?? null, n.latest, id);
    assert.equal(a.edtf ?? null, n.edtf, id);
    assert.deepEqual(listOf(a.articleIds).sort(), [...new Set(n.articleIds)].sort(), id);
    assert.equal(listOf(a.evidence).length, n.spans, id);
    assert.equal(listOf(a.articleUrls).length, listOf(a.articleIds).length, id);
  }
  for (const [key, evidence] of src.edges) {
    assert.ok(g.hasEdge(key), key);
    assert.deepEqual(listOf(g.getEdgeAttribute(key, "evidence")), evidence, key);
  }
});

test("GraphML declares typed keys and keeps Arabic text as UTF-8 characters, escaped only where XML requires", async () => {
  const xml = (await exportBytes(db, { format: "graphml", all: "1" })).toString("utf8");
  assert.match(xml, /<key id="n_confidence" for="node" attr.name="confidence" attr.type="double"\/>/);
  assert.match(xml, /فصائل/);
  assert.doesNotMatch(xml, /&#\d+;/, "no numeric character references");
  const g = parse(Graph, xml);
  const claim = g.findNode((_id, a) => a.category === "Claim");
  assert.ok(claim);
  assert.match(g.getNodeAttribute(claim, "text"), /[\u0600-\u06FF]/);
});

test("a seed-plus-hops selection exports exactly the nodes within reach and the edges among them", async () => {
  const seed = "event:factions-threaten-to-end-truce-2024-08";
  const near = await db.read({
    cypher: `MATCH (s:Event {id: $seed})-[:PARTICIPATED_IN|OCCURRED_IN|MADE|ABOUT|TOLD_TO|SUPPORTS|DISPUTES|AFFILIATED_WITH|ALLIED_WITH|OPPOSES|LEADS|WITHIN]-(n)
RETURN collect(DISTINCT n.id) + [$seed] AS ids`,
    params: { seed },
  });
  const ids = near.records[0].get("ids") as string[];
  const g = parse(Graph, (await exportBytes(db, { format: "graphml", ids: seed, hops: "1" })).toString("utf8"));
  assert.deepEqual(g.nodes().sort(), [...new Set(ids)].sort());
  const src = await sourceGraph(db, ids);
  assert.deepEqual(g.edges().sort(), [...src.edges.keys()].sort());
});
