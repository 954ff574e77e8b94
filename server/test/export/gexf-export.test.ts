import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DOMParser } from "@xmldom/xmldom";
import { MultiDirectedGraph as Graph } from "graphology";
import { parse } from "graphology-gexf";
import type { Database } from "../../src/db/database.ts";
import { testDatabase } from "../helpers/graph.ts";
import { exportBytes, listOf, loadSeed, sourceGraph } from "./fixtures.ts";

let db: Database;
let xml: string;
before(async () => {
  db = await testDatabase();
  await loadSeed(db);
  xml = (await exportBytes(db, { format: "gexf", all: "1" })).toString("utf8");
});
after(() => db.close());

test("a GEXF 1.3 export parses back with graphology-gexf to the same nodes, edges and attributes", async () => {
  const g = parse(Graph, xml);
  const src = await sourceGraph(db);
  assert.equal(g.order, src.nodes.size);
  assert.equal(g.size, src.edges.size);
  for (const [id, n] of src.nodes) {
    const a = g.getNodeAttributes(id);
    assert.equal(a.label, n.display, id);
    assert.equal(a.category, n.label, id);
    assert.equal(a.nameAr ?? null, n.nameAr, id);
    assert.deepEqual(listOf(a.articleIds).sort(), [...new Set(n.articleIds)].sort(), id);
  }
  for (const [key, evidence] of src.edges) assert.deepEqual(listOf(g.getEdgeAttribute(key, "evidence")), evidence, key);
});

test("GEXF nodes and edges carry time spells from event and claim dates, so Gephi's timeline plays them", async () => {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const root = doc.documentElement;
  assert.ok(root);
  assert.equal(root.getAttribute("version"), "1.3");
  assert.equal(root.namespaceURI, "http://gexf.net/1.3");
  const graph = doc.getElementsByTagName("graph")[0];
  assert.equal(graph.getAttribute("mode"), "dynamic");
  assert.equal(graph.getAttribute("timeformat"), "datetime");
  const src = await sourceGraph(db);
  const nodes = doc.getElementsByTagName("node");
  let dated = 0;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const s = src.nodes.get(n.getAttribute("id") ?? "");
    assert.ok(s);
    assert.equal(n.getAttribute("start") || null, s.earliest);
    assert.equal(n.getAttribute("end") || null, s.label === "Event" ? s.latest : null);
    if (s.label === "Event") dated++;
  }
  assert.ok(dated >= 10, "every seed event has a spell");
  const edges = doc.getElementsByTagName("edge");
  // Every part an actor takes in an event lasts as long as the event (an event
  // known only by its end, like the seed's negotiations, has no start to give).
  const participations = Array.from({ length: edges.length }, (_, i) => edges[i]).filter(
    (e) => e.getAttribute("label") === "PARTICIPATED_IN",
  );
  assert.ok(participations.length > 0);
  for (const e of participations) {
    const event = src.nodes.get(e.getAttribute("target") ?? "");
    assert.equal(event?.label, "Event");
    assert.equal(e.getAttribute("start") || null, event?.earliest ?? null, "an actor's part starts with the event");
    assert.equal(e.getAttribute("end") || null, event?.latest ?? null, "and ends with it");
  }
});
