import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { check } from "@placemarkio/check-geojson";
import type { Database } from "../../src/db/database.ts";
import { seededDatabase } from "../helpers/graph.ts";
import { exportBytes, sourceGraph } from "./fixtures.ts";

let db: Database;
before(async () => {
  db = await seededDatabase();
});
after(() => db.close());

const json = async (format: string) => JSON.parse((await exportBytes(db, { format, all: "1" })).toString("utf8"));

test("node-link JSON has networkx's node_link_data shape and the source graph's nodes and links", async () => {
  const data = await json("node-link");
  assert.equal(data.directed, true);
  assert.equal(data.multigraph, true);
  const src = await sourceGraph(db);
  assert.deepEqual(data.nodes.map((n: { id: string }) => n.id).sort(), [...src.nodes.keys()].sort());
  assert.deepEqual(data.links.map((l: { key: string }) => l.key).sort(), [...src.edges.keys()].sort());
  for (const n of data.nodes) {
    const s = src.nodes.get(n.id);
    assert.equal(n.nameAr ?? null, s?.nameAr ?? null, n.id);
    assert.deepEqual([...n.articleIds].sort(), [...new Set(s?.articleIds)].sort());
  }
  for (const l of data.links) {
    assert.ok(src.nodes.has(l.source) && src.nodes.has(l.target));
    assert.deepEqual(l.evidence, src.edges.get(l.key));
  }
});

test("Cytoscape.js JSON holds elements.nodes and elements.edges with data.id, source and target", async () => {
  const data = await json("cytoscape");
  const src = await sourceGraph(db);
  assert.deepEqual(
    data.elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort(),
    [...src.nodes.keys()].sort(),
  );
  for (const e of data.elements.edges) {
    assert.ok(src.edges.has(e.data.id), e.data.id);
    assert.ok(src.nodes.has(e.data.source) && src.nodes.has(e.data.target));
  }
  assert.equal(data.elements.edges.length, src.edges.size);
});

test("GeoJSON is valid RFC 7946: one point per event and located place, flat properties with provenance", async () => {
  const text = (await exportBytes(db, { format: "geojson", all: "1" })).toString("utf8");
  const fc = check(text) as {
    features: { id?: unknown; geometry: unknown; properties: Record<string, unknown> | null }[];
  };
  const expected = await db.read({
    cypher: `MATCH (e:Event)-[:OCCURRED_IN]->(l:Location) WHERE l.point IS NOT NULL
RETURN e.id + '@' + l.id AS id, l.point.longitude AS lon, l.point.latitude AS lat`,
  });
  assert.equal(fc.features.length, expected.records.length);
  assert.ok(fc.features.length > 0);
  for (const r of expected.records) {
    const f = fc.features.find((x) => x.id === r.get("id"));
    assert.ok(f, r.get("id"));
    assert.deepEqual((f.geometry as { coordinates: number[] }).coordinates, [r.get("lon"), r.get("lat")]);
    for (const v of Object.values(f.properties ?? {}))
      assert.ok(v === null || typeof v !== "object", "properties are flat for QGIS");
    assert.match(String(f.properties?.articleIds), /\S/);
    assert.match(String(f.properties?.evidence), /@\d+-\d+/);
  }
});
