import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { loadSeed, testDatabase } from "../helpers/graph.ts";
import { seedBundle } from "../helpers/seed.ts";
import { EDITOR_KEY, testYoga } from "./gql.ts";

/** A second article that repeats one seed actor under its own id (a duplicate to merge). */
function secondArticle() {
  const text = "قالت كتائب حزب الله إنها استهدفت قاعدة عين الأسد.";
  return {
    bundleVersion: 1,
    article: {
      id: "article:second",
      title: "Second",
      publisher: "Test Wire",
      language: "ar",
      publishedAt: "2024-08-23T10:00:00Z",
      text,
    },
    actors: [
      {
        id: "actor:kh-duplicate",
        name: "Kataib Hezbollah (dup)",
        nameAr: "كتائب حزب الله",
        kind: "ARMED_GROUP",
        evidence: [{ start: 5, end: 19 }],
      },
      {
        id: "actor:iraqi-armed-factions",
        name: "Iraqi armed factions",
        kind: "ARMED_GROUP",
        evidence: [{ start: 5, end: 19 }],
      },
    ],
    locations: [
      {
        id: "location:ain-al-asad-air-base",
        name: "Ain al-Asad Air Base",
        kind: "MILITARY_BASE",
        evidence: [{ start: 34, end: 48 }],
      },
    ],
    events: [
      {
        id: "event:second-strike",
        type: "ATTACK",
        title: "Strike on Ain al-Asad",
        start: "2024-08-23",
        precision: "DAY",
        evidence: [{ start: 0, end: 48 }],
        participants: [
          { actor: "actor:kh-duplicate", role: "INITIATOR" },
          { actor: "actor:iraqi-armed-factions", role: "INITIATOR" },
        ],
        locations: ["location:ain-al-asad-air-base"],
      },
    ],
    claims: [],
    relations: [
      {
        type: "AFFILIATED_WITH",
        from: "actor:kh-duplicate",
        to: "actor:iraqi-armed-factions",
        evidence: [{ start: 5, end: 19 }],
      },
    ],
  };
}

describe("editor mutations", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  const edit = (q: string, v: Record<string, unknown> = {}) => gql.data(q, v, EDITOR_KEY);
  before(async () => {
    db = await testDatabase();
    gql = testYoga(db);
  });
  beforeEach(() => loadSeed(db));
  after(async () => db.close());

  it("refuses an invalid bundle with a typed error naming the field, and writes nothing", async () => {
    const bad = {
      ...secondArticle(),
      events: [{ ...secondArticle().events[0], start: "2024-08-24", end: "2024-08-01" }],
    };
    const d = await edit(
      `mutation I($b: JSON!) { ingestBundle(bundle: $b) { __typename ... on ValidationError { message issues { path message } } } }`,
      { b: bad },
    );
    assert.equal(d.ingestBundle.__typename, "ValidationError");
    assert.equal(d.ingestBundle.issues[0].path, "/events/0/end");
    assert.equal((await gql.data(`{ node(id: "article:second") { id } }`)).node, null);
  });

  it("merges duplicates: ties rewired, names kept as aliases, evidence kept, old node gone", async () => {
    await ingestBundle(db, secondArticle());
    const d = await edit(`mutation { mergeEntities(keep: "actor:iraqi-armed-factions", merge: ["actor:kh-duplicate"]) {
      __typename ... on MergeResult { merged tiesMoved kept { ... on Actor { id aliases evidence(first: 50) { articleId } events(first: 50) { event { id } } } } } } }`);
    const r = d.mergeEntities;
    assert.equal(r.__typename, "MergeResult");
    assert.ok(r.tiesMoved > 0);
    assert.ok(r.kept.aliases.includes("Kataib Hezbollah (dup)"));
    assert.ok(r.kept.aliases.includes("كتائب حزب الله"));
    assert.ok(r.kept.events.some((p: { event: { id: string } }) => p.event.id === "event:second-strike"));
    assert.ok(r.kept.evidence.some((e: { articleId: string }) => e.articleId === "article:second"));
    assert.equal((await gql.data(`{ node(id: "actor:kh-duplicate") { id } }`)).node, null);
    const found = await gql.data(`{ search(text: "Kataib Hezbollah dup") { node { ... on Actor { id } } } }`);
    assert.equal(found.search[0].node.id, "actor:iraqi-armed-factions");
    const wrong = await edit(
      `mutation { mergeEntities(keep: "actor:us-forces", merge: ["location:iraq"]) { __typename ... on ValidationError { issues { path } } } }`,
    );
    assert.deepEqual(wrong.mergeEntities, { __typename: "ValidationError", issues: [{ path: "merge.0" }] });
  });

  it("deletes an article and only what it alone supported", async () => {
    await ingestBundle(db, secondArticle());
    const d = await edit(
      `mutation { deleteArticle(id: "article:second") { __typename ... on DeleteArticleResult { events actors locations claims tiesRemoved } } }`,
    );
    assert.deepEqual(
      { ...d.deleteArticle },
      { __typename: "DeleteArticleResult", events: 1, actors: 1, locations: 0, claims: 0, tiesRemoved: 4 },
    );
    const left =
      await gql.data(`{ base: node(id: "location:ain-al-asad-air-base") { id ... on Location { evidence { articleId } } }
      factions: node(id: "actor:iraqi-armed-factions") { id } stats { events articles } }`);
    assert.ok(left.base, "the seed still supports the base");
    assert.ok(left.base.evidence.every((e: { articleId: string }) => e.articleId !== "article:second"));
    assert.ok(left.factions);
    assert.deepEqual(left.stats, { events: 10, articles: 1 });
    const missing = await edit(
      `mutation { deleteArticle(id: "article:none") { __typename ... on NotFoundError { id } } }`,
    );
    assert.deepEqual(missing.deleteArticle, { __typename: "NotFoundError", id: "article:none" });
    const all = await edit(`mutation { deleteArticle(id: "article:sha256-92d0b6b5a22d8814") { __typename } }`);
    assert.equal(all.deleteArticle.__typename, "DeleteArticleResult");
    assert.deepEqual((await gql.data(`{ stats { events actors locations claims articles } }`)).stats, {
      events: 0,
      actors: 0,
      locations: 0,
      claims: 0,
      articles: 0,
    });
  });

  it("updates an event and refuses an end before its start, naming the field", async () => {
    const id = "event:factions-threaten-to-end-truce-2024-08";
    const d = await edit(
      `mutation U($id: ID!) { updateEvent(id: $id, input: {title: "Factions threaten to end the truce", start: "2024-08-16T00:00:00Z"}) {
      __typename ... on Event { title start end } } }`,
      { id },
    );
    assert.equal(d.updateEvent.title, "Factions threaten to end the truce");
    assert.equal(d.updateEvent.start, "2024-08-16T00:00:00.000Z");
    const bad = await edit(
      `mutation U($id: ID!) { updateEvent(id: $id, input: {end: "2020-01-01T00:00:00Z"}) { __typename ... on ValidationError { issues { path } } } }`,
      { id },
    );
    assert.deepEqual(bad.updateEvent, { __typename: "ValidationError", issues: [{ path: "input.end" }] });
  });

  it("links claims, and the link survives deleting nothing it depends on", async () => {
    const [a, b] = seedBundle().claims.map((c) => c.id);
    const d = await edit(
      `mutation L($a: ID!, $b: ID!) { linkClaims(a: $a, b: $b, type: DISPUTES) { __typename ... on ClaimLinkResult { type from { id } to { id } } } }`,
      { a, b },
    );
    assert.equal(d.linkClaims.type, "DISPUTES");
    const links = await gql.data(
      `query C($a: ID!) { node(id: $a) { ... on Claim { links { type direction other { id } } } } }`,
      { a },
    );
    assert.ok(
      links.node.links.some((l: { type: string; other: { id: string } }) => l.type === "DISPUTES" && l.other.id === b),
    );
    const self = await edit(`mutation L($a: ID!) { linkClaims(a: $a, b: $a, type: SUPPORTS) { __typename } }`, { a });
    assert.equal(self.linkClaims.__typename, "ValidationError");
  });
});
