import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { startTestApp } from "../helpers/app.ts";
import { seededDatabase } from "../helpers/graph.ts";

let db: Database;
let app: Awaited<ReturnType<typeof startTestApp>>;
before(async () => {
  db = await seededDatabase();
  app = await startTestApp(db, { apiKeys: [{ key: "reader-key-123", role: "reader" }], openReads: true });
});
after(async () => {
  await app.stop();
  await db.close();
});

test("GET /export streams the file with its content type and a download filename", async () => {
  const cases: [string, RegExp, RegExp][] = [
    ["graphml", /^application\/graphml\+xml/, /\.graphml"$/],
    ["gexf", /^application\/gexf\+xml/, /\.gexf"$/],
    ["csv", /^text\/csv/, /-nodes\.csv"$/],
    ["csv-zip", /^application\/zip/, /\.zip"$/],
    ["neo4j-csv", /^application\/zip/, /\.neo4j\.zip"$/],
    ["node-link", /^application\/json/, /\.json"$/],
    ["cytoscape", /^application\/json/, /\.cyjs"$/],
    ["geojson", /^application\/geo\+json/, /\.geojson"$/],
    ["cypher", /^application\/x-cypher-query/, /\.cypher"$/],
  ];
  for (const [format, type, name] of cases) {
    const res = await fetch(`${app.url}/export?format=${format}&all=1`);
    assert.equal(res.status, 200, format);
    assert.match(res.headers.get("content-type") ?? "", type, format);
    assert.match(res.headers.get("content-disposition") ?? "", /^attachment; filename="rasd-all-\d{4}-\d{2}-\d{2}/);
    assert.match(res.headers.get("content-disposition") ?? "", name, format);
    assert.ok((await res.arrayBuffer()).byteLength > 100, format);
  }
});

test("the same selection parameters as the client: ids with hops, a window, types", async () => {
  const res = await fetch(
    `${app.url}/export?format=node-link&ids=event:factions-threaten-to-end-truce-2024-08&hops=1&from=2024-08-01&to=2024-08-31`,
  );
  assert.equal(res.status, 200);
  const data = (await res.json()) as { nodes: { id: string; category: string; earliest?: string }[] };
  assert.ok(data.nodes.some((n) => n.id === "event:factions-threaten-to-end-truce-2024-08"));
  for (const n of data.nodes.filter((x) => x.category === "Event"))
    assert.ok((n.earliest ?? "") <= "2024-08-31T23:59:59.999Z", `${n.id} overlaps the window`);
  const typed = await fetch(`${app.url}/export?format=node-link&types=CEASEFIRE&hops=0`);
  const events = ((await typed.json()) as { nodes: { type?: string }[] }).nodes;
  assert.ok(events.length > 0);
  for (const n of events) assert.equal(n.type, "CEASEFIRE");
});

test("invalid parameters get a 400 naming the parameter", async () => {
  const cases: [string, string][] = [
    ["format=pdf&all=1", "format"],
    ["format=graphml&all=1&hops=7", "hops"],
    ["format=graphml&from=yesterday", "from"],
    ["format=graphml&from=2024-09-01&to=2024-08-01", "to"],
    ["format=graphml&types=not a type", "types"],
    ["format=graphml", "ids"],
    ["format=graphml&all=1&ids=x", "ids"],
    ["format=gexf&all=1&table=edges", "table"],
  ];
  for (const [query, parameter] of cases) {
    const res = await fetch(`${app.url}/export?${query}`);
    assert.equal(res.status, 400, query);
    const body = (await res.json()) as { parameter: string; error: string };
    assert.equal(body.parameter, parameter, query);
    assert.match(body.error, new RegExp(`^invalid ${parameter}:`));
  }
});

test("ids that do not exist get a 400 naming them, not an empty file", async () => {
  const cases: [string, string, RegExp][] = [
    [
      "format=graphml&ids=event:no-such-event,actor:nobody",
      "ids",
      /no such entity: event:no-such-event, actor:nobody$/,
    ],
    ["format=gexf&actors=actor:nobody", "actors", /no such actor: actor:nobody$/],
    ["format=geojson&locations=location:atlantis", "locations", /no such location: location:atlantis$/],
  ];
  for (const [query, parameter, message] of cases) {
    const res = await fetch(`${app.url}/export?${query}`);
    assert.equal(res.status, 400, query);
    const body = (await res.json()) as { parameter: string; error: string };
    assert.equal(body.parameter, parameter, query);
    assert.match(body.error, message);
  }
  // One known id among unknown ones still names only the unknown.
  const mixed = await fetch(`${app.url}/export?format=graphml&ids=actor:mohammed-shia-al-sudani,actor:nobody`);
  assert.equal(mixed.status, 400);
  assert.match(((await mixed.json()) as { error: string }).error, /no such entity: actor:nobody$/);
});

test("reads need a reader: an unknown key is refused, and so is a keyless request when reads are closed", async () => {
  const bad = await fetch(`${app.url}/export?format=graphml&all=1`, {
    headers: { authorization: "Bearer nope-nope-nope" },
  });
  assert.equal(bad.status, 401);
  const good = await fetch(`${app.url}/export?format=graphml&all=1`, { headers: { "x-api-key": "reader-key-123" } });
  assert.equal(good.status, 200);
  await good.arrayBuffer();
  const closed = await startTestApp(db, { openReads: false, apiKeys: [] });
  try {
    assert.equal((await fetch(`${closed.url}/export?format=graphml&all=1`)).status, 401);
  } finally {
    await closed.stop();
  }
});
