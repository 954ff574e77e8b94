import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import type { ArticleBundle } from "../../src/bundle/types.ts";
import type { Database } from "../../src/db/database.ts";
import { runMigrations } from "../../src/db/migrations.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { EDITOR_KEY, namedEditorYoga } from "../graphql/gql.ts";
import { resetGraph, testDatabase } from "../helpers/graph.ts";
import { seedBundle } from "../helpers/seed.ts";

const FACTIONS = "actor:iraqi-armed-factions";
const DUP = "actor:iraq-factions-dup";

/** The seed article again as another article, naming the factions by another id. */
function namingDup(articleId: string): ArticleBundle {
  const seed = seedBundle();
  const b = { ...seed, article: { ...seed.article, id: articleId, url: `https://example.test/${articleId}` } };
  const rename = (id: string) => (id === FACTIONS ? DUP : id);
  return {
    ...b,
    actors: b.actors.map((a) => (a.id === FACTIONS ? { ...a, id: DUP, name: "Factions of Iraq" } : a)),
    events: b.events.map((e) => ({
      ...e,
      participants: e.participants.map((p) => ({ ...p, actor: rename(p.actor) })),
    })),
    claims: b.claims.map((c) => ({
      ...c,
      claimant: rename(c.claimant),
      about: c.about.map((t) => rename(t)),
    })),
    relations: b.relations?.map((r) => ({ ...r, from: rename(r.from), to: rename(r.to) })),
  };
}

describe("the lookup of merged-away actor and place ids", () => {
  let db: Database;
  let gql: ReturnType<typeof namedEditorYoga>;
  const edit = (q: string, v: Record<string, unknown> = {}) => gql.data(q, v, EDITOR_KEY);
  const lookup = async () =>
    (await db.read({ cypher: "MATCH (m:MergedId) RETURN m.id + ' -> ' + m.into AS row ORDER BY row" })).records.map(
      (r) => r.get("row"),
    );
  /** Which actor node the article's mention of the factions was written to. */
  const mentioned = async (articleId: string) =>
    (
      await db.read({
        cypher: "MATCH (:Article {id: $articleId})-[:MENTIONS]->(x:Actor) WHERE x.id IN [$a, $b] RETURN x.id AS id",
        params: { articleId, a: FACTIONS, b: DUP },
      })
    ).records.map((r) => r.get("id"));

  before(async () => {
    db = await testDatabase();
    gql = namedEditorYoga(db, "amira");
  });
  beforeEach(async () => {
    await resetGraph(db);
    await ingestBundle(db, seedBundle());
    await ingestBundle(db, namingDup("article:dup-1"));
  });
  after(async () => db.close());

  it("a merge records each merged-away id; an article naming one is written to the node it was merged into", async () => {
    await edit(`mutation { mergeEntities(keep: "${FACTIONS}", merge: ["${DUP}"]) { __typename } }`);
    assert.deepEqual(await lookup(), [`${DUP} -> ${FACTIONS}`]);
    await ingestBundle(db, namingDup("article:dup-2"));
    assert.deepEqual(await mentioned("article:dup-2"), [FACTIONS]);
    const dups = await db.read({ cypher: "MATCH (x:Actor {id: $id}) RETURN count(x) AS n", params: { id: DUP } });
    assert.equal(Number(dups.records[0].get("n")), 0, "no node comes back under the merged-away id");
  });

  it("undo and split give the id back its own node: later articles naming it are written there", async () => {
    const m = await edit(`mutation { mergeEntities(keep: "${FACTIONS}", merge: ["${DUP}"]) {
      ... on MergeResult { auditId } } }`);
    await edit(`mutation U($id: ID!) { undo(auditId: $id) { __typename } }`, { id: m.mergeEntities.auditId });
    await ingestBundle(db, namingDup("article:dup-2"));
    assert.deepEqual(await mentioned("article:dup-2"), [DUP]);

    await edit(`mutation { mergeEntities(keep: "${FACTIONS}", merge: ["${DUP}"]) { __typename } }`);
    const split = `mutation { splitEntity(id: "${FACTIONS}", input: {restore: "${DUP}"}) { ... on SplitEntityResult { auditId } } }`;
    const s = await edit(split);
    assert.deepEqual(await lookup(), [], "the split id is a node of its own, no longer looked up");
    // Undoing the split merges the id away again, and the lookup follows.
    await edit(`mutation U($id: ID!) { undo(auditId: $id) { __typename } }`, { id: s.splitEntity.auditId });
    assert.deepEqual(await lookup(), [`${DUP} -> ${FACTIONS}`]);
    await ingestBundle(db, namingDup("article:dup-3"));
    assert.deepEqual(await mentioned("article:dup-3"), [FACTIONS]);

    await edit(split);
    await ingestBundle(db, namingDup("article:dup-4"));
    assert.deepEqual(await mentioned("article:dup-4"), [DUP]);
  });

  it("is built once for a graph merged before it existed, and running the migrations again changes nothing", async () => {
    await edit(`mutation { mergeEntities(keep: "${FACTIONS}", merge: ["${DUP}"]) { __typename } }`);
    await db.write({ cypher: "MATCH (m:MergedId) DELETE m" });
    await db.write({ cypher: "MATCH (m:SchemaMark {key: 'merged-id-lookup'}) DELETE m" });
    await runMigrations(db);
    assert.deepEqual(await lookup(), [`${DUP} -> ${FACTIONS}`]);
    await runMigrations(db);
    assert.deepEqual(await lookup(), [`${DUP} -> ${FACTIONS}`]);
  });
});
