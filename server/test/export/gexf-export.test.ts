import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DOMParser } from "@xmldom/xmldom";
import { MultiDirectedGraph as Graph } from "graphology";
import { parse } from "graphology-gexf";
import type { Database } from "../../src/db/database.ts";
import { seededDatabase } from "../helpers/graph.ts";
import { exportBytes, listOf, sourceGraph } from "./fixtures.ts";

let db: Database;
let xml: string;
before(async () => {
  db = await seededDatabase();
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
  assert.equal(graph.getAttribute("timeformat"), "dateTime");
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

const XSD = new URL("./fixtures/gexf-1.3/gexf.xsd", import.meta.url).pathname;

/** Validates with libxml2's xmllint against the GEXF 1.3 schema; returns xmllint's complaints, empty when valid. */
function schemaErrors(document: string): string {
  const dir = mkdtempSync(join(tmpdir(), "rasd-gexf-"));
  try {
    const file = join(dir, "export.gexf");
    writeFileSync(file, document);
    const r = spawnSync("xmllint", ["--noout", "--schema", XSD, file], { encoding: "utf8" });
    if (r.error) throw new Error(`xmllint is needed (Debian: apt-get install libxml2-utils): ${r.error.message}`);
    return r.status === 0 ? "" : r.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the GEXF schema fixture refuses what GEXF 1.3 refuses (the old timeformat spelling)", () => {
  assert.match(schemaErrors(xml.replace('timeformat="dateTime"', 'timeformat="datetime"')), /timeformat/);
});

for (const timeformat of ["dateTime", "date"] as const)
  test(`a GEXF export with timeformat=${timeformat} is valid against the GEXF 1.3 XSD and reads back with graphology-gexf`, async () => {
    const doc =
      timeformat === "dateTime"
        ? xml
        : (await exportBytes(db, { format: "gexf", all: "1", timeformat })).toString("utf8");
    assert.equal(schemaErrors(doc), "");
    const g = parse(Graph, doc);
    const src = await sourceGraph(db);
    assert.equal(g.order, src.nodes.size);
    assert.equal(g.size, src.edges.size);
    const spells = new DOMParser().parseFromString(doc, "text/xml").getElementsByTagName("node");
    for (let i = 0; i < spells.length; i++) {
      const start = spells[i].getAttribute("start");
      if (start) assert.match(start, timeformat === "date" ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T/);
    }
  });

test("networkx.read_gexf reads timeformat=date (it cannot read dateTime spells, as docs/exports.md says)", async () => {
  // The first Python that has networkx: the PATH's, else Debian's (apt-get install python3-networkx, as .ci/run does).
  const python: string | undefined = ["python3", "/usr/bin/python3"].find(
    (p) => spawnSync(p, ["-c", "import networkx"]).status === 0,
  );
  assert.ok(python, "networkx is installed for python3 or /usr/bin/python3");
  const read = (doc: string) => {
    const dir = mkdtempSync(join(tmpdir(), "rasd-gexf-"));
    try {
      const file = join(dir, "export.gexf");
      writeFileSync(file, doc);
      const script =
        "import sys, networkx as nx\ng = nx.read_gexf(sys.argv[1])\nprint(g.number_of_nodes(), g.number_of_edges())";
      return spawnSync(python, ["-c", script, file], { encoding: "utf8" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const src = await sourceGraph(db);
  const date = read((await exportBytes(db, { format: "gexf", all: "1", timeformat: "date" })).toString("utf8"));
  assert.equal(date.status, 0, date.stderr);
  const [nodes, edges] = date.stdout.trim().split(" ").map(Number);
  assert.equal(nodes, src.nodes.size);
  assert.ok(edges > 0 && edges <= src.edges.size, "networkx folds parallel edges of a non-multigraph");
  const dateTime = read(xml);
  assert.notEqual(dateTime.status, 0, "if networkx learns dateTime spells, docs/exports.md can drop the advice");
  assert.match(dateTime.stderr, /KeyError: 'dateTime'/);
});
