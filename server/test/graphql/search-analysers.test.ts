import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { seededApi, type testYoga } from "./gql.ts";

const query = `query Find($text: String!, $kinds: [SearchKind!]) {
  search(text: $text, kinds: $kinds, first: 5) { kind node { ... on Event { id } ... on Claim { id } ... on Actor { id } } }
}`;

describe("search asks both the Arabic and the English analyser", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  before(async () => {
    ({ db, gql } = await seededApi());
  });
  after(async () => db.close());

  const ids = async (text: string, kinds?: string[]) =>
    ((await gql.data(query, { text, kinds })).search as { node: { id: string } }[]).map((h) => h.node.id);

  it("finds an English title by another form of its word (stemming: negotiating → negotiations)", async () => {
    assert.ok((await ids("negotiating", ["EVENT"])).includes("event:iraq-us-negotiations-on-withdrawal-2024"));
  });

  it("finds a claim by a word of its English gloss in another form (postponed → postpone)", async () => {
    assert.ok((await ids("postponed", ["CLAIM"])).includes("claim:erem-2024-08-22-ministry-postponement-reason"));
  });

  it("still finds Arabic names spelled without hamza", async () => {
    const found = await ids("السودانى", ["ACTOR"]);
    assert.equal(found[0], "actor:mohammed-shia-al-sudani");
  });
});
