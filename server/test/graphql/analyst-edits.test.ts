import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { resetGraph, testDatabase } from "../helpers/graph.ts";
import { seedBundle } from "../helpers/seed.ts";
import { EDITOR_KEY, namedEditorYoga, READER_KEY, type testYoga } from "./gql.ts";

const KEY = EDITOR_KEY;
const THREAT = "event:factions-threaten-to-end-truce-2024-08";
const ATTACK = "event:attacks-on-us-forces-at-ain-al-asad-2024-08";
const FACTIONS = "actor:iraqi-armed-factions";
const CLAIM = "claim:erem-2024-08-22-factions-agree-to-end-truce";

/** The seed as the extractor would have produced it, so its facts carry EXTRACTOR provenance. */
function extractedSeed() {
  return { ...seedBundle(), producer: { name: "rasd-extract", version: "9.9.9" } };
}

describe("analyst edits: typed mutations, provenance, audit log and undo", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  const edit = (q: string, v: Record<string, unknown> = {}) => gql.data(q, v, KEY);
  const auditCount = async () =>
    Number((await db.read({ cypher: "MATCH (x:AuditEntry) RETURN count(x) AS n" })).records[0].get("n"));
  const roles = async (event: string, actor: string) =>
    (
      await db.read({
        cypher:
          "MATCH (:Actor {id: $actor})-[r:PARTICIPATED_IN]->(:Event {id: $event}) RETURN r.role AS role ORDER BY role",
        params: { event, actor },
      })
    ).records.map((r) => r.get("role"));

  before(async () => {
    db = await testDatabase();
    gql = namedEditorYoga(db, "amira");
  });
  beforeEach(async () => {
    await resetGraph(db);
    await ingestBundle(db, extractedSeed());
  });
  after(async () => db.close());

  it("ingested facts carry the extractor's provenance; a hand-made bundle's carry IMPORT", async () => {
    const d = await gql.data(`{ node(id: "${THREAT}") { ... on Event { provenance { assertedBy asserter assertedAt }
      actors { id role provenance { assertedBy asserter } } } } }`);
    assert.equal(d.node.provenance.assertedBy, "EXTRACTOR");
    assert.equal(d.node.provenance.asserter, "rasd-extract 9.9.9");
    assert.ok(Date.parse(d.node.provenance.assertedAt) > Date.now() - 600_000);
    assert.ok(
      d.node.actors.every((a: { provenance: { assertedBy: string } }) => a.provenance.assertedBy === "EXTRACTOR"),
    );
    await resetGraph(db);
    await ingestBundle(db, seedBundle());
    const i = await gql.data(`{ node(id: "${FACTIONS}") { ... on Actor { provenance { assertedBy asserter } } } }`);
    assert.deepEqual(i.node.provenance, { assertedBy: "IMPORT", asserter: "rasd hand-checked seed" });
  });

  it("setRole changes a role with ANALYST provenance, audits it, and undo puts the extractor's role back", async () => {
    const d = await edit(`mutation { setRole(event: "${ATTACK}", actor: "${FACTIONS}", role: PARTICIPANT) {
      __typename ... on EventTieResult { auditId event { actors { id role provenance { assertedBy asserter } evidence { start } } } } } }`);
    assert.equal(d.setRole.__typename, "EventTieResult");
    const factions = d.setRole.event.actors.find((a: { id: string }) => a.id === FACTIONS);
    assert.equal(factions.role, "PARTICIPANT");
    assert.deepEqual(factions.provenance, { assertedBy: "ANALYST", asserter: "amira" });
    assert.ok(factions.evidence.length > 0, "the evidence of the replaced role is kept");
    assert.deepEqual(await roles(ATTACK, FACTIONS), ["PARTICIPANT"]);

    const log = await edit(
      `{ auditLog(filter: {action: setRole}) { totalCount nodes { id who action target before after undoable } } }`,
    );
    assert.equal(log.auditLog.totalCount, 1);
    const entry = log.auditLog.nodes[0];
    assert.deepEqual([entry.who, entry.target, entry.undoable], ["amira", ATTACK, true]);
    assert.ok(entry.before.includes('"role":"INITIATOR"') && entry.after.includes('"role":"PARTICIPANT"'));

    const u = await edit(`mutation { undo { __typename ... on UndoResult { undid action target } } }`);
    assert.deepEqual(u.undo, { __typename: "UndoResult", undid: entry.id, action: "setRole", target: ATTACK });
    assert.deepEqual(await roles(ATTACK, FACTIONS), ["INITIATOR"]);
    const back = await gql.data(
      `{ node(id: "${ATTACK}") { ... on Event { actors(role: INITIATOR) { id provenance { assertedBy } } } } }`,
    );
    assert.equal(back.node.actors[0].provenance.assertedBy, "EXTRACTOR");
    const again = await edit(
      `mutation U($id: ID) { undo(auditId: $id) { __typename ... on ValidationError { message } } }`,
      {
        id: entry.id,
      },
    );
    assert.match(again.undo.message, /already undone/);
  });

  it("refuses bad edits with a typed error naming the argument, and writes nothing", async () => {
    const before = await auditCount();
    const cases: [string, string, string][] = [
      [`setRole(event: "${ATTACK}", actor: "actor:iraqi-government", role: TARGET)`, "ValidationError", "actor"],
      [`setRole(event: "${ATTACK}", actor: "location:iraq", role: TARGET)`, "ValidationError", "actor"],
      [`setRole(event: "event:none", actor: "${FACTIONS}", role: TARGET)`, "NotFoundError", ""],
      [`addEventPlace(event: "${ATTACK}", location: "location:ain-al-asad-air-base")`, "ValidationError", "location"],
      [`setEventDate(id: "${ATTACK}", date: {precision: DAY, edtf: "2024-13-45"})`, "ValidationError", "date.edtf"],
      [
        `setEventDate(id: "${ATTACK}", date: {precision: RANGE, start: "2024-08-20T00:00:00Z", end: "2024-08-01T00:00:00Z"})`,
        "ValidationError",
        "date.end",
      ],
      [`updateEntity(id: "${FACTIONS}", input: {wikidataId: "794"})`, "ValidationError", "input.wikidataId"],
      [`updateEntity(id: "${FACTIONS}", input: {kind: "VOLCANO"})`, "ValidationError", "input.kind"],
      [`updateEntity(id: "${FACTIONS}", input: {geonamesId: 99934})`, "ValidationError", "input.geonamesId"],
      [`updateClaim(id: "${CLAIM}", input: {claimant: "actor:nobody"})`, "NotFoundError", ""],
      [`updateClaim(id: "${CLAIM}", input: {})`, "ValidationError", "input"],
      [`splitEntity(id: "${FACTIONS}", input: {name: "X", kind: "ARMED_GROUP"})`, "ValidationError", "input"],
    ];
    for (const [call, type, path] of cases) {
      const d = await edit(`mutation { r: ${call} { __typename ... on ValidationError { message issues { path } } } }`);
      assert.equal(d.r.__typename, type, call);
      if (path) assert.equal(d.r.issues[0].path, path, call);
    }
    assert.equal(await auditCount(), before, "no refused edit left an entry");
    assert.deepEqual(await roles(ATTACK, FACTIONS), ["INITIATOR"]);
    const reader = await gql.post(`mutation { undo { __typename } }`, {}, READER_KEY);
    assert.equal(reader.status, 403);
  });

  it("re-ingesting the article keeps every analyst correction", async () => {
    await edit(`mutation { setRole(event: "${ATTACK}", actor: "${FACTIONS}", role: PARTICIPANT) { __typename } }`);
    await edit(`mutation { removeEventPlace(event: "${THREAT}", location: "location:iraq") { __typename } }`);
    await edit(`mutation { addEventPlace(event: "${ATTACK}", location: "location:iraq") { __typename } }`);
    await edit(`mutation { setEventDate(id: "${ATTACK}", date: {precision: DAY, edtf: "2024-08-18"}) { __typename } }`);
    await edit(`mutation { updateClaim(id: "${CLAIM}", input: {claimant: "actor:coordination-of-iraqi-resistance",
      certainty: HEDGED, events: ["${ATTACK}"]}) { __typename } }`);
    await edit(
      `mutation { updateEntity(id: "${FACTIONS}", input: {name: "Iraqi resistance factions", wikidataId: "Q1234567"}) { __typename } }`,
    );
    const read = () =>
      gql.data(`{ a: node(id: "${ATTACK}") { ... on Event { start end precision edtf locations { id } } }
        t: node(id: "${THREAT}") { ... on Event { locations { id } } }
        c: node(id: "${CLAIM}") { ... on Claim { certainty claimant { id } about { ... on Event { id } } } }
        f: node(id: "${FACTIONS}") { ... on Actor { name wikidataId aliases provenance { correctedBy } } } }`);
    const edited = await read();
    assert.deepEqual(edited.a.start, "2024-08-18T00:00:00.000Z");
    assert.deepEqual(edited.c.claimant.id, "actor:coordination-of-iraqi-resistance");
    assert.equal(edited.f.provenance.correctedBy, "amira");
    assert.ok(edited.f.aliases.includes("Iraqi armed factions"), "the old name stays findable");

    await ingestBundle(db, extractedSeed());
    assert.deepEqual(await read(), edited);
    assert.deepEqual(await roles(ATTACK, FACTIONS), ["PARTICIPANT"]);
  });

  it("moving an event's date moves its timeline day, and undo moves it back", async () => {
    const counts = async () =>
      (
        await db.read({
          cypher:
            "MATCH (d:TimelineDay) WHERE coalesce(d.ATTACK, 0) > 0 RETURN d.day AS day, d.ATTACK AS n ORDER BY day",
        })
      ).records.map((r) => `${r.get("day")}:${r.get("n")}`);
    const recount = async () =>
      (
        await db.read({
          cypher: `MATCH (e:Event {type: 'ATTACK'}) WHERE e.end IS NOT NULL
WITH toInteger(floor(coalesce(e.start, e.end).epochMillis / 86400000.0)) AS day, count(*) AS n RETURN day, n ORDER BY day`,
        })
      ).records.map((r) => `${r.get("day")}:${r.get("n")}`);
    const start = await counts();
    assert.deepEqual(start, await recount());
    const d =
      await edit(`mutation { setEventDate(id: "${ATTACK}", date: {precision: RANGE, edtf: "2024-07-01/2024-07-03"}) {
      ... on EventEditResult { auditId event { start end edtf precision } } } }`);
    assert.deepEqual(d.setEventDate.event, {
      start: "2024-07-01T00:00:00.000Z",
      end: "2024-07-03T23:59:59.999Z",
      edtf: "2024-07-01/2024-07-03",
      precision: "RANGE",
    });
    assert.notDeepEqual(await counts(), start);
    assert.deepEqual(await counts(), await recount());
    await edit(`mutation U($id: ID!) { undo(auditId: $id) { __typename } }`, { id: d.setEventDate.auditId });
    assert.deepEqual(await counts(), start);
  });

  it("undo refuses, naming why, when the target changed after the edit", async () => {
    const first = await edit(
      `mutation { setRole(event: "${ATTACK}", actor: "${FACTIONS}", role: PARTICIPANT) { ... on EventTieResult { auditId } } }`,
    );
    await edit(
      `mutation { addParticipant(event: "${ATTACK}", actor: "actor:iraqi-government", role: MEDIATOR) { __typename } }`,
    );
    const d = await edit(
      `mutation U($id: ID!) { undo(auditId: $id) { __typename ... on ValidationError { message } } }`,
      {
        id: first.setRole.auditId,
      },
    );
    assert.equal(d.undo.__typename, "ValidationError");
    assert.match(d.undo.message, /changed since setRole.*undo refused/);
    assert.deepEqual(await roles(ATTACK, FACTIONS), ["PARTICIPANT"]);
    // Newest first: undo the addition, then the role change goes through.
    await edit(`mutation { undo { __typename } }`);
    await edit(`mutation { undo { __typename } }`);
    assert.deepEqual(await roles(ATTACK, FACTIONS), ["INITIATOR"]);
    assert.deepEqual(await roles(ATTACK, "actor:iraqi-government"), []);
  });

  it("merges two duplicate actors and splits them again: by the merge's record, and exactly by undo", async () => {
    const dup = {
      ...extractedSeed(),
      article: { ...seedBundle().article, id: "article:dup", text: seedBundle().article.text },
    };
    dup.actors = dup.actors.map((a) =>
      a.id === FACTIONS ? { ...a, id: "actor:iraq-factions-dup", name: "Factions of Iraq" } : a,
    );
    const rename = (id: string) => (id === FACTIONS ? "actor:iraq-factions-dup" : id);
    dup.events = dup.events.map((e) => ({
      ...e,
      participants: e.participants.map((p) => ({ ...p, actor: rename(p.actor) })),
    }));
    dup.claims = dup.claims.map((c) => ({ ...c, claimant: rename(c.claimant), about: c.about.map(rename) }));
    dup.relations = dup.relations?.map((r) => ({ ...r, from: rename(r.from), to: rename(r.to) }));
    await ingestBundle(db, dup);
    const snapshot = async () =>
      (
        await db.read({
          cypher: `MATCH (n:Actor) WHERE n.id IN [$a, $b] OPTIONAL MATCH (n)-[r]-(o)
RETURN n.id AS id, n.name AS name, count(r) AS ties ORDER BY id`,
          params: { a: FACTIONS, b: "actor:iraq-factions-dup" },
        })
      ).records.map((r) => `${r.get("id")} ${r.get("name")} ${r.get("ties")}`);
    const separate = await snapshot();
    assert.equal(separate.length, 2);

    const m = await edit(`mutation { mergeEntities(keep: "${FACTIONS}", merge: ["actor:iraq-factions-dup"]) {
      ... on MergeResult { auditId kept { ... on Actor { aliases } } } } }`);
    assert.ok(m.mergeEntities.kept.aliases.includes("Factions of Iraq"));
    assert.equal((await snapshot()).length, 1);
    // Undo restores both nodes exactly, ties and all.
    await edit(`mutation U($id: ID!) { undo(auditId: $id) { __typename } }`, { id: m.mergeEntities.auditId });
    assert.deepEqual(await snapshot(), separate);

    await edit(`mutation { mergeEntities(keep: "${FACTIONS}", merge: ["actor:iraq-factions-dup"]) { __typename } }`);
    const s = await edit(`mutation { splitEntity(id: "${FACTIONS}", input: {restore: "actor:iraq-factions-dup"}) {
      __typename ... on SplitEntityResult { tiesMoved created { id ... on Actor { name provenance { assertedBy } } }
        original { ... on Actor { aliases } } } } }`);
    assert.equal(s.splitEntity.__typename, "SplitEntityResult");
    assert.equal(s.splitEntity.created.id, "actor:iraq-factions-dup");
    assert.equal(s.splitEntity.created.provenance.assertedBy, "ANALYST");
    assert.ok(!s.splitEntity.original.aliases.includes("Factions of Iraq"));
    assert.ok(s.splitEntity.tiesMoved > 0);
    assert.deepEqual(await roles(ATTACK, "actor:iraq-factions-dup"), ["INITIATOR"]);
    assert.deepEqual(await roles(ATTACK, FACTIONS), ["INITIATOR"]);

    const log =
      await edit(`{ auditLog(first: 2, filter: {target: "${FACTIONS}"}) { totalCount pageInfo { hasNextPage endCursor }
      nodes { action undoneBy } } }`);
    assert.equal(log.auditLog.totalCount, 4);
    assert.deepEqual(
      log.auditLog.nodes.map((n: { action: string }) => n.action),
      ["splitEntity", "mergeEntities"],
    );
    assert.equal(log.auditLog.pageInfo.hasNextPage, true);
    const next = await edit(
      `query P($after: String) { auditLog(first: 2, after: $after, filter: {target: "${FACTIONS}"}) {
      nodes { action undoneBy undoes } } }`,
      { after: log.auditLog.pageInfo.endCursor },
    );
    assert.deepEqual(
      next.auditLog.nodes.map((n: { action: string }) => n.action),
      ["undo", "mergeEntities"],
    );
    assert.ok(next.auditLog.nodes[1].undoneBy);
  });

  it("splitEntity moves every tie the analyst assigns to the new node, evidence or not; undo puts them back", async () => {
    // A tie an analyst added has no article evidence: only an assignment can move it.
    await edit(`mutation { addParticipant(event: "${THREAT}", actor: "${FACTIONS}", role: MEDIATOR) { __typename } }`);
    const tiesOf = async (id: string) =>
      (
        await db.read({
          cypher: `MATCH (n {id: $id})-[r]-(x) WHERE NOT type(r) IN ['MENTIONS', 'REPORTS', 'CONTAINS']
            RETURN [type(r), CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END, x.id, coalesce(r.role, ''),
              coalesce(r.assertedBy, ''), size(coalesce(r.evidence, []))] AS t`,
          params: { id },
        })
      ).records
        .map((r) => (r.get("t") as unknown[]).map(String).join(" "))
        .sort();
    const before = await tiesOf(FACTIONS);
    const assigned = [THREAT, CLAIM, "actor:iran"];
    const moving = before.filter((t) => assigned.includes(t.split(" ")[2]));
    // Its roles in the threat (the extractor's and the analyst's), the claim naming it, its alliance with Iran.
    assert.ok(moving.some((t) => t.startsWith("PARTICIPATED_IN out ") && t.includes(" MEDIATOR ANALYST 0")));
    assert.ok(moving.some((t) => t.startsWith(`ABOUT in ${CLAIM}`)));
    assert.ok(moving.some((t) => t.startsWith("ALLIED_WITH out actor:iran")));

    const refused = await edit(`mutation { splitEntity(id: "${FACTIONS}", input: {name: "Stray", kind: "ARMED_GROUP",
      ties: ["${THREAT}", "event:iraq-us-negotiations-on-withdrawal-2024"]}) { __typename ... on ValidationError { issues { path message } } } }`);
    assert.deepEqual(refused.splitEntity.issues, [
      {
        path: "input.ties.1",
        message: `event:iraq-us-negotiations-on-withdrawal-2024 has no tie with ${FACTIONS}`,
      },
    ]);
    assert.deepEqual(await tiesOf(FACTIONS), before, "a refused split moves nothing");

    const s = await edit(
      `mutation S($ties: [ID!]) { splitEntity(id: "${FACTIONS}",
      input: {name: "Factions (split)", kind: "ARMED_GROUP", ties: $ties}) {
      __typename ... on SplitEntityResult { auditId tiesMoved created { id } } } }`,
      { ties: assigned },
    );
    assert.equal(s.splitEntity.__typename, "SplitEntityResult");
    const split = s.splitEntity.created.id;
    assert.equal(s.splitEntity.tiesMoved, moving.length);
    assert.deepEqual(await tiesOf(split), moving, "every assigned tie, whole: role, provenance, evidence");
    assert.deepEqual(
      await tiesOf(FACTIONS),
      before.filter((t) => !moving.includes(t)),
      "the rest stays",
    );
    const log = await edit(`{ auditLog(first: 1, filter: {action: splitEntity}) { nodes { id target undoable } } }`);
    assert.deepEqual(log.auditLog.nodes[0], {
      id: s.splitEntity.auditId,
      target: `${FACTIONS} ${split}`,
      undoable: true,
    });

    await edit(`mutation U($id: ID!) { undo(auditId: $id) { __typename } }`, { id: s.splitEntity.auditId });
    assert.deepEqual(await tiesOf(FACTIONS), before, "undo gives every tie back");
    const gone = await gql.data(`query($id: ID!) { node(id: $id) { id } }`, { id: split });
    assert.equal(gone.node, null);
  });

  it("a Wikidata id decides identity on ingest: same QID is one actor, different QIDs never merge", async () => {
    await edit(`mutation { updateEntity(id: "${FACTIONS}", input: {wikidataId: "Q1234567"}) { __typename } }`);
    const other = extractedSeed();
    other.article = { ...other.article, id: "article:qid", text: other.article.text };
    // Another article names the factions under another id but with the same QID…
    other.actors = other.actors.map((a) =>
      a.id === FACTIONS ? { ...a, id: "actor:factions-x", wikidataId: "Q1234567" } : a,
    );
    const rename = (id: string) => (id === FACTIONS ? "actor:factions-x" : id);
    other.events = other.events.map((e) => ({
      ...e,
      participants: e.participants.map((p) => ({ ...p, actor: rename(p.actor) })),
    }));
    other.claims = other.claims.map((c) => ({ ...c, claimant: rename(c.claimant), about: c.about.map(rename) }));
    other.relations = other.relations?.map((r) => ({ ...r, from: rename(r.from), to: rename(r.to) }));
    // …and names the government under its id but with a different QID than the graph holds.
    await edit(`mutation { updateEntity(id: "actor:iraqi-government", input: {wikidataId: "Q111"}) { __typename } }`);
    other.actors = other.actors.map((a) => (a.id === "actor:iraqi-government" ? { ...a, wikidataId: "Q222" } : a));
    await ingestBundle(db, other);
    const ids = (
      await db.read({
        cypher:
          "MATCH (a:Actor) WHERE a.id STARTS WITH 'actor:factions-x' OR a.id STARTS WITH 'actor:iraqi-government' RETURN a.id AS id ORDER BY id",
      })
    ).records.map((r) => r.get("id"));
    assert.deepEqual(ids, ["actor:iraqi-government", "actor:iraqi-government~q222"]);
    const f = await gql.data(`{ node(id: "${FACTIONS}") { ... on Actor { articles { id } } } }`);
    assert.ok(f.node.articles.some((a: { id: string }) => a.id === "article:qid"));
    const refused =
      await edit(`mutation { mergeEntities(keep: "actor:iraqi-government", merge: ["actor:iraqi-government~q222"]) {
      __typename ... on ValidationError { message } } }`);
    assert.match(refused.mergeEntities.message, /different Wikidata ids/);
    const taken = await edit(`mutation { updateEntity(id: "actor:us-forces", input: {wikidataId: "Q1234567"}) {
      __typename ... on ValidationError { message } } }`);
    assert.match(taken.updateEntity.message, /already has this identifier/);
  });

  it("ingest and delete through the API leave audit entries", async () => {
    const bundle = { ...seedBundle(), article: { ...seedBundle().article, id: "article:api" } };
    await edit(`mutation I($b: JSON!) { ingestBundle(bundle: $b) { __typename } }`, { b: bundle });
    await edit(`mutation { deleteArticle(id: "article:api") { __typename } }`);
    const log = await edit(`{ auditLog(filter: {who: "amira"}) { nodes { action target undoable after } } }`);
    assert.deepEqual(
      log.auditLog.nodes.map((n: { action: string; target: string; undoable: boolean }) => [
        n.action,
        n.target,
        n.undoable,
      ]),
      [
        ["deleteArticle", "article:api", false],
        ["ingest", "article:api", false],
      ],
    );
    const refused = await edit(`mutation { undo { __typename ... on ValidationError { message } } }`);
    assert.match(refused.undo.message, /no edit left to undo/);
  });
});
