import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { EDITOR_KEY, testYoga } from "../graphql/gql.ts";
import { emptyDatabase } from "../helpers/graph.ts";

interface Named {
  id: string;
  name: string;
  nameAr?: string;
  kind: string;
}

/**
 * One article naming each of `actors` once (the text is their names, so each
 * mention is a real span); all of them take part in `event`.
 */
function article(n: string, actors: Named[], event = `event:dup-test-${n}`) {
  let text = "";
  const withSpans = actors.map((a) => {
    const shown = a.nameAr ?? a.name;
    const start = text.length;
    text += `${shown}. `;
    return { ...a, evidence: [{ start, end: start + shown.length, text: shown }] };
  });
  return {
    bundleVersion: 1,
    article: {
      id: `article:dup-test-${n}`,
      title: `Report ${n}`,
      publisher: `Wire ${n}`,
      language: "en",
      publishedAt: `2024-08-${String(1 + (Number(n.replace(/\D/g, "")) % 28)).padStart(2, "0")}T10:00:00Z`,
      text,
    },
    actors: withSpans,
    locations: [],
    events: [
      {
        id: event,
        type: "ATTACK",
        title: `Attack reported in ${n}`,
        start: "2024-07-01",
        end: "2024-07-01",
        precision: "DAY",
        evidence: [{ start: 0, end: text.trimEnd().length }],
        participants: withSpans.map((a) => ({ actor: a.id, role: "INITIATOR" })),
        locations: [],
      },
    ],
    claims: [],
  };
}

const suggestionsQuery = `query($kind: DuplicateKind!, $first: Int, $after: String) {
  duplicateSuggestions(kind: $kind, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes {
      id kind score reasons
      members { id name nameAr aliases kind mentionCount articleCount eventCount evidence { articleId start end quote } }
      pairs(first: 100) { a b score reasons sharedEventCount sharedEvents { id } }
    }
  }
}`;

const zarqan = Array.from({ length: 9 }, (_, i) => `actor:zarqan-militia-${i + 1}`);
const kataib = ["actor:kataib-hezbollah", "actor:kataib-hizballah-wire", "actor:kh-arabic"];

describe("duplicate suggestions: actors with the same or similar names in either script and different ids", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  // biome-ignore lint/suspicious/noExplicitAny: test data is navigated freely.
  const groups = async (kind = "ACTOR"): Promise<any[]> =>
    (await gql.data(suggestionsQuery, { kind, first: 100 })).duplicateSuggestions.nodes;
  const groupOf = async (id: string) => (await groups()).find((g) => g.members.some((m: Named) => m.id === id));

  before(async () => {
    db = await emptyDatabase();
    gql = testYoga(db);
    // Nine bundles, nine ids, one name: the case from issue 13.
    for (const [i, id] of zarqan.entries())
      await ingestBundle(db, article(`z${i + 1}`, [{ id, name: "Zarqan Militia", kind: "ARMED_GROUP" }]));
    // One group in three spellings, two of them in one report of one event.
    await ingestBundle(
      db,
      article("k1", [{ id: kataib[0], name: "Kataib Hezbollah", kind: "ARMED_GROUP" }], "event:dup-shared"),
    );
    await ingestBundle(
      db,
      article(
        "k2",
        [
          { id: kataib[1], name: "Kata'ib Hizballah", kind: "ARMED_GROUP" },
          { id: "actor:ali-al-shammari", name: "Ali al-Shammari", kind: "PERSON" },
        ],
        "event:dup-shared",
      ),
    );
    await ingestBundle(
      db,
      article("k3", [
        { id: kataib[2], name: "كتائب حزب الله", nameAr: "كتائب حزب الله", kind: "ARMED_GROUP" },
        { id: "actor:abdul-amir-al-shammari", name: "Abdul Amir al-Shammari", kind: "PERSON" },
      ]),
    );
  });
  after(async () => {
    await db?.close();
  });

  it("nine actors called “Zarqan Militia” under nine ids are one suggestion, with each one's evidence", async () => {
    const g = await groupOf(zarqan[0]);
    assert.ok(g, "suggested");
    assert.deepEqual(g.members.map((m: Named) => m.id).sort(), [...zarqan].sort());
    assert.equal(g.kind, "ACTOR");
    assert.equal(g.score, 1);
    assert.match(g.reasons.join(";"), /same name “zarqan militia”/);
    for (const m of g.members) {
      assert.equal(m.mentionCount, 1);
      assert.equal(m.articleCount, 1);
      assert.equal(m.eventCount, 1);
      assert.equal(m.evidence.length, 1);
      assert.equal(m.evidence[0].quote, "Zarqan Militia", "a sample span quotes the article");
    }
    assert.equal(g.pairs.length, 36, "every pair of the nine, each with why");
  });

  it("Kataib Hezbollah, Kata'ib Hizballah and كتائب حزب الله meet, with the event two of them share", async () => {
    const g = await groupOf(kataib[0]);
    assert.ok(g, "suggested");
    assert.deepEqual(g.members.map((m: Named) => m.id).sort(), [...kataib].sort());
    assert.match(g.reasons.join(";"), /same name in transliteration \(ktbhzbl\)/);
    const pair = g.pairs.find(
      (p: { a: string; b: string }) => [p.a, p.b].sort().join() === [kataib[0], kataib[1]].sort().join(),
    );
    assert.equal(pair.sharedEventCount, 1);
    assert.deepEqual(pair.sharedEvents, [{ id: "event:dup-shared" }]);
  });

  it("strangers with similar but different names are not suggested", async () => {
    const g = await groupOf("actor:ali-al-shammari");
    assert.equal(g, undefined, JSON.stringify(g?.members.map((m: Named) => m.name)));
    assert.equal((await groups()).length, 2, "only the two real groups");
  });

  it("similarEntities finds graph actors for one new name, in either script", async () => {
    const q = `query($name: String!) { similarEntities(name: $name, kind: ACTOR) { id name score reason } }`;
    for (const name of ["Kataeb Hizbullah", "كتائب حزب الله"]) {
      const found = (await gql.data(q, { name })).similarEntities;
      assert.deepEqual(found.map((s: Named) => s.id).sort(), [...kataib].sort(), name);
    }
    assert.deepEqual(
      (await gql.data(q, { name: "Abdul Amir al-Shammari" })).similarEntities.map((s: Named) => s.id),
      ["actor:abdul-amir-al-shammari"],
    );
  });

  it("a dismissed group is not suggested again, and the dismissal is audited", async () => {
    const dismiss = `mutation($ids: [ID!]!) { dismissDuplicates(kind: ACTOR, ids: $ids) {
      __typename ... on DismissDuplicatesResult { pairs auditId } ... on ValidationError { message } } }`;
    const refused = await gql.post(dismiss, { ids: zarqan });
    assert.ok(refused.body.errors?.length, "a reader cannot dismiss");
    const bad = (await gql.data(dismiss, { ids: [zarqan[0], "actor:nobody"] }, EDITOR_KEY)).dismissDuplicates;
    assert.equal(bad.__typename, "ValidationError");
    assert.match(bad.message, /actor:nobody/);
    const done = (await gql.data(dismiss, { ids: zarqan }, EDITOR_KEY)).dismissDuplicates;
    assert.equal(done.pairs, 36);
    assert.equal(await groupOf(zarqan[0]), undefined);
    assert.ok(await groupOf(kataib[0]), "other suggestions stay");
    const log = (await gql.data("{ auditLog(first: 5) { nodes { id action target who } } }", {}, EDITOR_KEY)).auditLog
      .nodes;
    assert.equal(log[0].id, done.auditId);
    assert.equal(log[0].action, "dismissDuplicates");
    assert.equal(log[0].target, zarqan.join(" "));
  });

  it("merging a suggestion keeps every name as an alias and every mention", async () => {
    const merge = `mutation($keep: ID!, $merge: [ID!]!) { mergeEntities(keep: $keep, merge: $merge) { __typename } }`;
    await gql.data(merge, { keep: kataib[0], merge: kataib.slice(1) }, EDITOR_KEY);
    const q = `query($id: ID!) { node(id: $id) { ... on Actor {
      name aliases articles(first: 20) { id } evidence(first: 50) { articleId quote } eventCount } } }`;
    const kept = (await gql.data(q, { id: kataib[0] })).node;
    assert.equal(kept.name, "Kataib Hezbollah");
    for (const alias of ["Kata'ib Hizballah", "كتائب حزب الله"]) assert.ok(kept.aliases.includes(alias), alias);
    assert.equal(kept.articles.length, 3, "all three articles still mention it");
    assert.deepEqual(
      kept.evidence.map((e: { quote: string }) => e.quote).sort(),
      ["Kata'ib Hizballah", "Kataib Hezbollah", "كتائب حزب الله"].sort(),
    );
    assert.equal(kept.eventCount, 2, "the shared event once, and the other one");
    assert.equal(await groupOf(kataib[0]), undefined, "nothing left to suggest");
    const found = (await gql.data(`{ search(text: "Hizballah", kinds: [ACTOR]) { node { ... on Actor { id } } } }`))
      .search;
    assert.deepEqual(
      found.map((h: { node: { id: string } }) => h.node.id),
      [kataib[0]],
      "found by a merged name",
    );
  });
});
