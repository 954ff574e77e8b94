import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import type { ArticleBundle } from "../../src/bundle/types.ts";
import { BundleValidationError } from "../../src/bundle/validate.ts";
import type { Database } from "../../src/db/database.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { resetGraph, testDatabase } from "../helpers/graph.ts";
import { seedBundle } from "../helpers/seed.ts";
import { EDITOR_KEY, namedEditorYoga, type testYoga } from "./gql.ts";

const KEY = EDITOR_KEY;
const ATTACK = "event:attacks-on-us-forces-at-ain-al-asad-2024-08";
const THREAT = "event:factions-threaten-to-end-truce-2024-08";
const FACTIONS = "actor:iraqi-armed-factions";
const US_FORCES = "actor:us-forces";
const SUDANI = "actor:mohammed-shia-al-sudani";
const CLAIM = "claim:erem-2024-08-22-factions-agree-to-end-truce";
const RESISTANCE = "actor:coordination-of-iraqi-resistance";

/** The seed as the extractor gave it. */
function extracted(): ArticleBundle {
  return { ...seedBundle(), producer: { name: "rasd-extract", version: "9.9.9" } };
}

/**
 * The same bundle after an analyst's review, as the ingest dialog sends it:
 * each item the analyst changed or created carries `assertedBy: "ANALYST"`.
 */
function reviewed(): ArticleBundle {
  const b = extracted();
  const actor = b.actors.find((a) => a.id === SUDANI);
  Object.assign(actor ?? {}, { name: "PM al-Sudani", assertedBy: "ANALYST" });
  const attack = b.events.find((e) => e.id === ATTACK);
  assert.ok(attack);
  Object.assign(attack, {
    start: "2024-08-18",
    end: "2024-08-18",
    precision: "DAY",
    edtf: "2024-08-18",
    assertedBy: "ANALYST",
  });
  const target = attack.participants.find((p) => p.actor === US_FORCES);
  Object.assign(target ?? {}, { role: "AFFECTED", assertedBy: "ANALYST" });
  // The analyst added a place to the threat: that tie is theirs, its other place stays the extractor's.
  const threat = b.events.find((e) => e.id === THREAT);
  assert.ok(threat);
  threat.locations = [...threat.locations, "location:syria"];
  threat.locationsAssertedBy = { "location:syria": "ANALYST" };
  const claim = b.claims.find((c) => c.id === CLAIM);
  Object.assign(claim ?? {}, { claimant: RESISTANCE, assertedBy: "ANALYST" });
  // An actor created from a text selection in the review.
  const text = b.article.text;
  const at = text.indexOf("السوداني");
  b.actors.push({
    id: "actor:review-selected",
    name: "السوداني",
    nameAr: "السوداني",
    kind: "PERSON",
    evidence: [{ start: at, end: at + "السوداني".length }],
    assertedBy: "ANALYST",
  });
  return b;
}

describe("corrections made in the ingest review are stored as the analyst's, item by item", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  const ingest = (b: unknown, key = KEY) =>
    gql.data(
      `mutation I($b: JSON!) { ingestBundle(bundle: $b) { __typename
        ... on ValidationError { message issues { path message } } } }`,
      { b },
      key,
    );
  const provenance = `provenance { assertedBy asserter assertedAt }`;
  const look = () =>
    gql.data(
      `{ sudani: node(id: "${SUDANI}") { ... on Actor { name ${provenance} } }
         factions: node(id: "${FACTIONS}") { ... on Actor { name ${provenance} } }
         selected: node(id: "actor:review-selected") { ... on Actor { name ${provenance} } }
         attack: node(id: "${ATTACK}") { ... on Event { edtf start end ${provenance}
           actors { id role ${provenance} } places { location { id } ${provenance} } } }
         threat: node(id: "${THREAT}") { ... on Event { ${provenance} places { location { id } ${provenance} } } }
         claim: node(id: "${CLAIM}") { ... on Claim { claimant { id } ${provenance} } } }`,
    );
  const by = (p: { assertedBy: string; asserter: string }) => `${p.assertedBy} ${p.asserter}`;

  before(async () => {
    db = await testDatabase();
    gql = namedEditorYoga(db, "amira");
  });
  beforeEach(async () => resetGraph(db));
  after(async () => db.close());

  it("marked items are ANALYST with the key's name and time; untouched ones stay EXTRACTOR", async () => {
    const started = Date.now();
    assert.equal((await ingest(reviewed())).ingestBundle.__typename, "IngestResult");
    const d = await look();
    assert.equal(d.sudani.name, "PM al-Sudani");
    assert.equal(by(d.sudani.provenance), "ANALYST amira");
    assert.ok(Date.parse(d.sudani.provenance.assertedAt) >= started - 1000);
    assert.equal(by(d.selected.provenance), "ANALYST amira", "an item made from a selection is the analyst's");
    assert.equal(by(d.factions.provenance), "EXTRACTOR rasd-extract 9.9.9", "an untouched actor is the extractor's");

    assert.equal(d.attack.edtf, "2024-08-18");
    assert.equal(by(d.attack.provenance), "ANALYST amira");
    const roleOf = (id: string) =>
      d.attack.actors
        .filter((a: { id: string }) => a.id === id)
        .map((a: { role: string; provenance: { assertedBy: string; asserter: string } }) => [a.role, by(a.provenance)]);
    assert.deepEqual(roleOf(US_FORCES), [["AFFECTED", "ANALYST amira"]]);
    assert.deepEqual(roleOf(FACTIONS), [["INITIATOR", "EXTRACTOR rasd-extract 9.9.9"]]);
    assert.equal(by(d.attack.places[0].provenance), "EXTRACTOR rasd-extract 9.9.9", "the event's own place is not");

    assert.equal(by(d.threat.provenance), "EXTRACTOR rasd-extract 9.9.9");
    const places = Object.fromEntries(
      d.threat.places.map((p: { location: { id: string }; provenance: { assertedBy: string; asserter: string } }) => [
        p.location.id,
        by(p.provenance),
      ]),
    );
    assert.deepEqual(places, {
      "location:ain-al-asad-air-base": "EXTRACTOR rasd-extract 9.9.9",
      "location:iraq": "EXTRACTOR rasd-extract 9.9.9",
      "location:syria": "ANALYST amira",
    });

    assert.equal(d.claim.claimant.id, RESISTANCE);
    assert.equal(by(d.claim.provenance), "ANALYST amira");

    const log = await gql.data(`{ auditLog(filter: {action: ingest}) { nodes { who after } } }`, {}, KEY);
    assert.equal(log.auditLog.nodes[0].who, "amira");
    assert.ok(JSON.parse(log.auditLog.nodes[0].after).analystMarks.includes("/claims/0/assertedBy"));
  });

  it("re-ingesting the article as extracted keeps every analyst fact and its provenance", async () => {
    await ingest(reviewed());
    // The extractor's reading again: the old name, date, role and speaker, no marks (the CLI path).
    await ingestBundle(db, extracted(), "cli");
    const d = await look();
    assert.equal(d.sudani.name, "PM al-Sudani");
    assert.equal(by(d.sudani.provenance), "ANALYST amira");
    assert.equal(d.attack.edtf, "2024-08-18");
    assert.equal(d.attack.start, "2024-08-18T00:00:00.000Z");
    assert.equal(by(d.attack.provenance), "ANALYST amira");
    const usForces = d.attack.actors.filter((a: { id: string }) => a.id === US_FORCES);
    assert.deepEqual(
      usForces.map((a: { role: string; provenance: { assertedBy: string } }) => [a.role, a.provenance.assertedBy]),
      [["AFFECTED", "ANALYST"]],
      "the extractor's TARGET is not put back beside the analyst's role",
    );
    assert.equal(d.claim.claimant.id, RESISTANCE, "the claim keeps one speaker, the analyst's");
    assert.equal(by(d.claim.provenance), "ANALYST amira");
    const report = await db.read({
      cypher: "MATCH (:Article)-[m:REPORTS]->(:Event {id: $id}) RETURN m.edtf AS edtf, m.assertedBy AS by",
      params: { id: ATTACK },
    });
    assert.deepEqual(
      report.records.map((r) => [r.get("edtf"), r.get("by")]),
      [["2024-08-18", "ANALYST"]],
    );
  });

  it("refuses analyst marks from anyone but an editor key's review, naming each, and writes nothing", async () => {
    // A marked bundle arriving as a file (CLI, seed, import) is refused.
    await assert.rejects(
      () => ingestBundle(db, reviewed(), "cli"),
      (e: unknown) => {
        assert.ok(e instanceof BundleValidationError);
        const paths = e.issues.map((i) => i.path);
        assert.ok(paths.includes("/actors/0/assertedBy"), paths.join(" "));
        assert.ok(paths.includes("/events/6/locationsAssertedBy/location:syria"), paths.join(" "));
        assert.match(e.message, /only an analyst's review with an editor key/);
        return true;
      },
    );
    // A reader key cannot ingest at all; a name for the asserter cannot be given in the bundle.
    const reader = await gql.post(`mutation I($b: JSON!) { ingestBundle(bundle: $b) { __typename } }`, {
      b: reviewed(),
    });
    assert.ok(reader.body.errors?.length, "no key, no ingest");
    const spoof = reviewed();
    Object.assign(spoof.actors[0], { asserter: "someone-else" });
    const refused = await ingest(spoof);
    assert.equal(refused.ingestBundle.__typename, "ValidationError");
    assert.deepEqual(
      refused.ingestBundle.issues.map((i: { path: string }) => i.path),
      ["/actors/0"],
    );
    // A marked place must be one of the event's places; ANALYST is the only mark.
    const stray = reviewed();
    stray.events[0].locationsAssertedBy = { "location:lebanon": "ANALYST" };
    const wrong = reviewed();
    Object.assign(wrong.actors[1], { assertedBy: "EXTRACTOR" });
    for (const [bundle, path, message] of [
      [stray, "/events/0/locationsAssertedBy/location:lebanon", /not one of this event's locations/],
      [wrong, "/actors/1/assertedBy", /must be one of ANALYST/],
    ] as const) {
      const r = await ingest(bundle);
      assert.equal(r.ingestBundle.__typename, "ValidationError");
      const issue = r.ingestBundle.issues.find((i: { path: string }) => i.path === path);
      assert.ok(issue, JSON.stringify(r.ingestBundle.issues));
      assert.match(issue.message, message);
    }
    const count = await db.read({ cypher: "MATCH (n) WHERE n:Actor OR n:Event OR n:Article RETURN count(n) AS n" });
    assert.equal(Number(count.records[0].get("n")), 0, "nothing was written");
  });
});
