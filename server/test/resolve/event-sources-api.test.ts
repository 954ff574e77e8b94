import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { EDITOR_KEY, READER_KEY, testYoga } from "../graphql/gql.ts";
import { resetGraph, testDatabase } from "../helpers/graph.ts";
import { multiSourceBundle } from "./helpers.ts";

let db: Database;
let api: ReturnType<typeof testYoga>;
before(async () => {
  db = await testDatabase();
  api = testYoga(db);
});
after(async () => {
  await db.close();
});
beforeEach(async () => {
  await resetGraph(db);
  for (const name of ["masyaf-strike.ar", "masyaf-strike.en"]) await ingestBundle(db, multiSourceBundle(name));
});

const MASYAF = `query($filter: EventFilter) {
  events(filter: $filter, first: 5) { nodes {
    id asOf independentSources reportCount firstReportedAt lastReportedAt
    reports(first: 10) { totalCount nodes { publisher language publishedAt source type evidence { text } facts { kind value atLeast quote } } }
    disagreements { what unit values { value reports { publisher language quote } } }
  } }
}`;
const masyaf = { locations: ["location:masyaf"], types: ["AIRSTRIKE"] };

describe("one event, many sources, over GraphQL", () => {
  test("the Masyaf strike has 2 reports from 2 independent sources, each span in its own language, and the tolls disagree", async () => {
    const d = await api.data(MASYAF, { filter: masyaf });
    assert.equal(d.events.nodes.length, 1);
    const e = d.events.nodes[0];
    assert.equal(e.independentSources, 2);
    assert.equal(e.reports.totalCount, 2);
    assert.deepEqual(
      e.reports.nodes.map((r: { language: string }) => r.language),
      ["ar", "en"],
    );
    assert.match(e.reports.nodes[0].evidence[0].text, /مصياف/);
    assert.match(e.reports.nodes[1].evidence[0].text, /Masyaf/);
    assert.equal(e.firstReportedAt, "2024-09-09T03:30:00.000Z");
    const killed = e.disagreements.find((x: { what: string }) => x.what === "KILLED");
    assert.ok(killed, "14 vs 25 killed is a disagreement");
    assert.deepEqual(
      killed.values.map((v: { value: string }) => v.value),
      ["14", "25"],
    );
    const says25 = killed.values[1].reports.map((r: { language: string }) => r.language);
    assert.deepEqual(says25, ["en"], "only the English report says 25");
  });

  test("asOf before the second article's publication shows 1 source and 1 report", async () => {
    const d = await api.data(MASYAF, { filter: { ...masyaf, asOf: "2024-09-09T08:00:00Z" } });
    const e = d.events.nodes[0];
    assert.equal(e.asOf, "2024-09-09T08:00:00.000Z");
    assert.equal(e.independentSources, 1);
    assert.equal(e.reports.totalCount, 1);
    assert.deepEqual(e.disagreements, []);
    const before = await api.data(MASYAF, { filter: { ...masyaf, asOf: "2024-09-01T00:00:00Z" } });
    assert.equal(before.events.nodes.length, 0, "nothing about it was published on 1 September");
  });

  test("minIndependentSources keeps corroborated events only, as of a date too", async () => {
    const q = "query($f: EventFilter) { events(filter: $f) { nodes { id } } }";
    assert.equal((await api.data(q, { f: { ...masyaf, minIndependentSources: 2 } })).events.nodes.length, 1);
    assert.equal((await api.data(q, { f: { ...masyaf, minIndependentSources: 3 } })).events.nodes.length, 0);
    const early = { ...masyaf, minIndependentSources: 2, asOf: "2024-09-09T08:00:00Z" };
    assert.equal((await api.data(q, { f: early })).events.nodes.length, 0);
  });

  test("splitEvent restores the reports as separate events, mergeEvents joins them again; both audited", async () => {
    const id = (await api.data(MASYAF, { filter: masyaf })).events.nodes[0].id;
    const split = await api.data(
      `mutation($id: ID!) { splitEvent(id: $id) { __typename ... on SplitEventResult { events { id } auditId } } }`,
      { id },
      EDITOR_KEY,
    );
    const ids = split.splitEvent.events.map((e: { id: string }) => e.id);
    assert.equal(ids.length, 2);
    const after = await api.data(MASYAF, { filter: masyaf });
    assert.equal(after.events.nodes.length, 2);
    for (const e of after.events.nodes) {
      assert.equal(e.reportCount, 1);
      assert.equal(e.independentSources, 1);
    }
    // Each part keeps its own participants: Israel as initiator in both.
    const actors = await db.read({
      cypher: `MATCH (:Actor {id: 'actor:israel'})-[p:PARTICIPATED_IN {role: 'INITIATOR'}]->(e:Event) WHERE e.id IN $ids
RETURN e.id AS id, p.evidence AS evidence`,
      params: { ids },
    });
    assert.equal(actors.records.length, 2);

    const refused = await api.post(`mutation { mergeEvents(ids: ["x"], reason: "") { __typename } }`, {}, READER_KEY);
    assert.equal(refused.status, 403);
    const merged = await api.data(
      `mutation($ids: [ID!]!) { mergeEvents(ids: $ids, reason: "same strike, two outlets") {
        __typename ... on MergeEventsResult { event { id independentSources reportCount } merged mergeRecord } } }`,
      { ids },
      EDITOR_KEY,
    );
    assert.equal(merged.mergeEvents.event.reportCount, 2);
    assert.equal(merged.mergeEvents.event.independentSources, 2);
    const log = (await api.data("{ auditLog { nodes { action who target before after } } }", {}, EDITOR_KEY)).auditLog
      .nodes;
    assert.deepEqual(
      log.map((x: { action: string }) => x.action),
      ["mergeEvents", "splitEvent"],
    );
    assert.match(log[0].who, /^editor key [0-9a-f]{8}$/);
    assert.ok(JSON.parse(log[1].before)[0].reports.length === 2);
  });

  test("a candidate duplicate is listed for review and can be rejected; bad ids are named", async () => {
    await ingestBundle(db, multiSourceBundle("baghdad-drone-strike.en"));
    await ingestBundle(db, multiSourceBundle("baghdad-shop-attack.ar"));
    const list = await api.data("{ candidateDuplicates { totalCount nodes { a { id } b { id } score reasons } } }");
    assert.ok(list.candidateDuplicates.totalCount >= 1);
    const pair = list.candidateDuplicates.nodes.find((p: { reasons: string[] }) =>
      p.reasons.includes("same place (location:baghdad)"),
    );
    assert.ok(pair, "the two Baghdad attacks are offered for review");
    const r = await api.data(
      `mutation($a: ID!, $b: ID!) { rejectCandidate(a: $a, b: $b) { __typename ... on RejectCandidateResult { auditId } } }`,
      { a: pair.a.id, b: pair.b.id },
      EDITOR_KEY,
    );
    assert.equal(r.rejectCandidate.__typename, "RejectCandidateResult");
    const again = await api.data("{ candidateDuplicates { nodes { a { id } b { id } } } }");
    assert.ok(
      !again.candidateDuplicates.nodes.some(
        (p: { a: { id: string }; b: { id: string } }) => p.a.id === pair.a.id && p.b.id === pair.b.id,
      ),
    );
    const bad = await api.data(
      `mutation { splitEvent(id: "event:nope") { __typename ... on NotFoundError { id } } }`,
      {},
      EDITOR_KEY,
    );
    assert.deepEqual(bad.splitEvent, { __typename: "NotFoundError", id: "event:nope" });
  });
});
