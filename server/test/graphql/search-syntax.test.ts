import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { mulberry32 } from "../../../seeds/synthetic/random.ts";
import { fulltextQuery } from "../../src/cypher/fulltext.ts";
import type { Database } from "../../src/db/database.ts";
import { normalizeArabic } from "../../src/text/arabic-normalize.ts";
import { seededApi, type testYoga } from "./gql.ts";

const search = `query Find($text: String!) { search(text: $text, first: 5) { kind node { ... on Actor { id } ... on Event { id } } } }`;
const eventsByText = `query E($text: String!) { events(filter: { text: $text }, first: 5) { nodes { id } } }`;
const actorsByText = `query A($text: String!) { actors(filter: { text: $text }, first: 5) { nodes { id } } }`;

/** Lucene's whole syntax, operator words in several cases, and words from the seed graph. */
const SYNTAX = ["+", "-", "&&", "||", "!", "(", ")", "{", "}", "[", "]", "^", '"', "~", "*", "?", ":", "\\", "/"];
const WORDS = ["AND", "OR", "NOT", "TO", "and", "Or", "nOt", "to", "Iraq", "Syria", "السوداني", "بغداد", "1", "a"];

/** A random string of syntax and words, with or without spaces between. */
function fuzzInput(random: () => number): string {
  const pieces = Array.from({ length: 1 + Math.floor(random() * 8) }, () => {
    const pool = random() < 0.5 ? SYNTAX : WORDS;
    return pool[Math.floor(random() * pool.length)];
  });
  return pieces.join(random() < 0.5 ? " " : "");
}

describe("Lucene syntax never reaches Lucene as syntax", () => {
  it("quotes operator words in every branch and drops special characters", () => {
    assert.equal(fulltextQuery("Iraq AND Syria"), '(+Iraq +"AND" +Syria) OR (+Iraq +"AND" +Syria*)');
    assert.equal(fulltextQuery("NOT Iraq"), '(+"NOT" +Iraq) OR (+"NOT" +Iraq*)');
    assert.equal(fulltextQuery("Iraq or"), '+Iraq +"or"');
    assert.equal(
      fulltextQuery('a:b (c) "d" e~ f^2 g* h? \\ / [x TO y] {z} !w -v +u && ||'),
      fulltextQuery("a b c d e f 2 g h x TO y z w v u"),
    );
  });

  it("folds bidi marks and joiners inside Arabic words away", () => {
    for (const control of ["\u200f", "\u200e", "\u200d", "\u200c", "\u202e", "\u2067", "\ufeff", "\u061c"])
      assert.equal(normalizeArabic(`السو${control}داني`), "السوداني");
  });
});

describe("every text typed into search either searches or gets a clear 400", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  before(async () => {
    ({ db, gql } = await seededApi());
  });
  after(async () => db.close());

  const ok = async (query: string, text: string) => {
    const r = await gql.post(query, { text });
    if (r.body.errors) {
      // Refusals are the input's fault and say so; nothing is "Unexpected error."
      assert.equal(
        r.body.errors[0].extensions?.code,
        "BAD_USER_INPUT",
        `${JSON.stringify(text)}: ${JSON.stringify(r.body.errors)}`,
      );
      assert.doesNotMatch(r.body.errors[0].message, /Unexpected error/);
    } else assert.equal(r.status, 200);
    return r;
  };

  it("answers AND / OR / NOT queries (they were a Lucene ParseException)", async () => {
    for (const text of ["Iraq AND Syria", "NOT Iraq", "Iraq OR", "AND", "to", "TO", "[a TO b]", "السوداني AND"]) {
      const r = await ok(search, text);
      assert.equal(r.body.errors, undefined, text);
    }
  });

  it("survives a fuzz of 150 inputs built from Lucene's whole syntax, through search and both text filters", async () => {
    const random = mulberry32(9);
    const inputs = Array.from({ length: 150 }, () => fuzzInput(random));
    for (const [i, text] of inputs.entries()) await ok([search, eventsByText, actorsByText][i % 3], text);
  });

  it("finds an Arabic name with RLM, ZWJ or U+202E inside it", async () => {
    for (const control of ["\u200f", "\u200d", "\u202e"]) {
      const r = await ok(search, `السو${control}داني`);
      const ids = (r.body.data.search as { node: { id: string } }[]).map((h) => h.node.id);
      assert.ok(ids.includes("actor:mohammed-shia-al-sudani"), `${JSON.stringify(control)}: ${ids}`);
    }
  });
});
