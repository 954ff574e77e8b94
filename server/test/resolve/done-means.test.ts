import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { ingestArticle } from "../../src/ingest/ingest-article.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { testYoga } from "../graphql/gql.ts";
import { emptyDatabase } from "../helpers/graph.ts";
import { multiSourceBundle, multiSourceText } from "./helpers.ts";

/** Issue 12's "Done means", end to end in one test: real articles in, the API's answers out. */
let db: Database;
before(async () => {
  db = await emptyDatabase();
});
after(async () => {
  await db.close();
});

const EVENTS = `query($filter: EventFilter) { events(filter: $filter) { nodes {
  id reportCount independentSources
  reports { nodes { language publisher } }
  disagreements { what values { value reports { language } } }
} } }`;

test("one strike told in Arabic and English is one event with 2 reports and 2 sources; a wire copy adds a report, not a source; tolls disagree; as of before the 2nd article, 1 source", async () => {
  const api = testYoga(db);
  // Two real articles about the Masyaf strike, read by the extractor: Sky News Arabia, then The National.
  await ingestArticle(db, multiSourceText("masyaf-strike.ar"), "masyaf-strike.ar.txt");
  await ingestArticle(db, multiSourceText("masyaf-strike.en"), "masyaf-strike.en.txt");
  const masyaf = { locations: ["location:masyaf"], types: ["AIRSTRIKE"] };
  const [strike, ...others] = (await api.data(EVENTS, { filter: masyaf })).events.nodes;
  assert.deepEqual(others, [], "one event, not one per article");
  assert.equal(strike.reportCount, 2);
  assert.equal(strike.independentSources, 2);
  assert.deepEqual(
    strike.reports.nodes.map((r: { language: string }) => r.language),
    ["ar", "en"],
  );
  // Conflicting tolls: the Arabic says 14 killed, the English 25.
  const killed = strike.disagreements.find((d: { what: string }) => d.what === "KILLED");
  assert.deepEqual(
    killed?.values.map((v: { value: string; reports: { language: string }[] }) => [v.value, v.reports[0].language]),
    [
      ["14", "ar"],
      ["25", "en"],
    ],
  );
  // As of before the English article's publication (11:00 UTC), one source backed it.
  const early = (await api.data(EVENTS, { filter: { ...masyaf, asOf: "2024-09-09T08:00:00Z" } })).events.nodes;
  assert.deepEqual(
    early.map((e: { independentSources: number; reportCount: number }) => [e.independentSources, e.reportCount]),
    [[1, 1]],
  );

  // A wire story, then the same copy republished without credit: one more report, no more sources.
  await ingestBundle(db, multiSourceBundle("ain-al-asad-rockets.reuters.en"));
  const base = { locations: ["location:ain-al-asad-air-base"], types: ["SHELLING"] };
  const [wire] = (await api.data(EVENTS, { filter: base })).events.nodes;
  assert.deepEqual([wire.reportCount, wire.independentSources], [1, 1]);
  await ingestBundle(db, multiSourceBundle("ain-al-asad-rockets.asharq.en"));
  const [copied, ...more] = (await api.data(EVENTS, { filter: base })).events.nodes;
  assert.deepEqual(more, []);
  assert.equal(copied.id, wire.id);
  assert.deepEqual([copied.reportCount, copied.independentSources], [2, 1]);
});
