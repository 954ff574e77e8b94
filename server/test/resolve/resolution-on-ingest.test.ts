import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import type { ArticleBundle, EventType } from "../../src/bundle/types.ts";
import { resolveOnIngest } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import { ingestArticle } from "../../src/ingest/ingest-article.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { CANDIDATES_PER_EVENT } from "../../src/resolve/match-score.ts";
import { resetGraph, testDatabase } from "../helpers/graph.ts";
import { multiSourceBundle, multiSourceText } from "./helpers.ts";

let db: Database;
before(async () => {
  db = await testDatabase();
});
after(async () => {
  await db.close();
});
beforeEach(async () => {
  await resetGraph(db);
});

async function reportsOf(eventId: string) {
  const r = await db.read({
    cypher: `MATCH (a:Article)-[r:REPORTS]->(e:Event {id: $id})
RETURN a.id AS article, a.language AS language, r.originalId AS originalId, r.type AS type, r.facts AS facts,
  e.independentSources AS sources, e.reportCount AS reports ORDER BY a.publishedAt`,
    params: { id: eventId },
  });
  return r.records.map((x) => x.toObject());
}

/**
 * A one-event article for the candidate cap: an attack (or `type`) on 8 Feb
 * 2024 at `place`, with the named actor as a participant (not a key role, so
 * no two of these merge) when `participant`.
 */
function oneEventBundle(n: number, o: { type?: EventType; place: string; participant?: boolean }): ArticleBundle {
  const text = `Report ${n}: an attack in the test district of the test city, test country, with the test group.`;
  const span = { start: 0, end: 9 };
  return {
    bundleVersion: 1,
    article: {
      id: `article:cap-${n}`,
      title: `Report ${n}`,
      publisher: `Outlet ${n}`,
      language: "en",
      publishedAt: `2024-02-08T1${n}:00:00Z`,
      text,
    },
    actors: [{ id: "actor:cap-group", name: "Test group", kind: "ARMED_GROUP", evidence: [span] }],
    locations: [
      { id: "location:cap-country", name: "Test country", kind: "COUNTRY", evidence: [span] },
      { id: "location:cap-city", name: "Test city", kind: "CITY", within: "location:cap-country", evidence: [span] },
      {
        id: "location:cap-district",
        name: "Test district",
        kind: "AREA",
        within: "location:cap-city",
        evidence: [span],
      },
    ],
    events: [
      {
        id: `event:cap-${n}`,
        type: o.type ?? "ATTACK",
        title: `Attack ${n}`,
        start: "2024-02-08",
        end: "2024-02-08",
        precision: "DAY",
        evidence: [span],
        participants: o.participant ? [{ actor: "actor:cap-group", role: "PARTICIPANT" }] : [],
        locations: [o.place],
      },
    ],
    claims: [],
  } as ArticleBundle;
}

describe("resolution on ingest", () => {
  test("an Arabic and an English article about the Masyaf strike, read by the extractor, give one event with 2 reports and 2 independent sources", async () => {
    const ar = await ingestArticle(db, multiSourceText("masyaf-strike.ar"), "masyaf-strike.ar.txt");
    const en = await ingestArticle(db, multiSourceText("masyaf-strike.en"), "masyaf-strike.en.txt");
    assert.equal(ar.mergedEvents, 0);
    assert.equal(en.mergedEvents, 1);
    const r = await db.read({
      cypher: `MATCH (e:Event)-[:OCCURRED_IN]->(:Location {id: 'location:masyaf'})
RETURN e.id AS id, e.independentSources AS sources, e.reportCount AS reports, e.type AS type`,
    });
    assert.equal(r.records.length, 1, "one Masyaf event, not one per article");
    const event = r.records[0].toObject();
    assert.equal(event.reports, 2);
    assert.equal(event.sources, 2);
    const reports = await reportsOf(event.id);
    assert.deepEqual(
      reports.map((x) => x.language),
      ["ar", "en"],
    );
    // Each report keeps its own telling: the Arabic says 14 killed, the English 25.
    assert.ok(reports[0].facts.some((f: string) => f.startsWith("KILLED|14|")));
    assert.ok(reports[1].facts.some((f: string) => f.startsWith("KILLED|25|")));
    const merges = await db.read({
      cypher: `MATCH (m:MergeRecord)-[:MERGED_INTO]->(:Event {id: $id}) RETURN m.byKind AS byKind, m.score AS score, m.reasons AS reasons`,
      params: { id: event.id },
    });
    assert.equal(merges.records.length, 1, "the merge is recorded");
    assert.equal(merges.records[0].get("byKind"), "EXTRACTOR");
    assert.ok((merges.records[0].get("reasons") as string[]).includes("same day"));
  });

  test("a wire story republished twice adds reports but not independent sources; an Arabic report of it adds one", async () => {
    const reuters = await ingestBundle(db, multiSourceBundle("ain-al-asad-rockets.reuters.en"));
    const arabNews = await ingestBundle(db, multiSourceBundle("ain-al-asad-rockets.arabnews.en"));
    const asharq = await ingestBundle(db, multiSourceBundle("ain-al-asad-rockets.asharq.en"));
    assert.equal(reuters.sourceKey, "actor:reuters", "the dateline credits Reuters");
    assert.equal(arabNews.sourceKey, "actor:reuters", "'according to Reuters' credits Reuters");
    assert.equal(asharq.copyOf !== null, true, "the uncredited copy is found by its text");
    assert.equal(asharq.sourceKey, "actor:reuters");
    const links = await db.read({ cypher: "MATCH (:Article)-[s:SYNDICATES]->(:Article) RETURN s.similarity AS sim" });
    assert.equal(links.records.length, 2);
    const strike = await db.read({
      cypher: `MATCH (e:Event {type: 'SHELLING'})-[:OCCURRED_IN]->(:Location {id: 'location:ain-al-asad-air-base'})
RETURN e.id AS id, e.reportCount AS reports, e.independentSources AS sources`,
    });
    assert.equal(strike.records.length, 1);
    assert.equal(strike.records[0].get("reports"), 3);
    assert.equal(strike.records[0].get("sources"), 1);
    await ingestBundle(db, multiSourceBundle("ain-al-asad-rockets.ar"));
    const after = await reportsOf(strike.records[0].get("id"));
    assert.equal(after.length, 4);
    assert.equal(after[0].sources, 2, "Al Sumaria is a second, independent source");
  });

  test("two different attacks in Baghdad on the same day stay two events (a candidate for review at most)", async () => {
    await ingestBundle(db, multiSourceBundle("baghdad-drone-strike.en"));
    const shop = await ingestBundle(db, multiSourceBundle("baghdad-shop-attack.ar"));
    assert.equal(shop.mergedEvents, 0);
    const r = await db.read({
      cypher: `MATCH (e:Event)-[:OCCURRED_IN]->(:Location {id: 'location:baghdad'}) RETURN count(e) AS n`,
    });
    assert.equal(r.records[0].get("n"), 2);
    const c = await db.read({
      cypher:
        "MATCH (a:Event)-[c:POSSIBLY_SAME_AS]->(b:Event) RETURN c.score AS score, c.reasons AS reasons, c.status AS status",
    });
    for (const rec of c.records) {
      assert.equal(rec.get("status"), "OPEN");
      assert.ok(rec.get("score") < 0.75);
    }
  });

  test(`an event matching more stored events than a reviewer can use records its ${CANDIDATES_PER_EVENT} best as candidates`, async () => {
    // Seven stored attacks of the same day, none a merge (no shared initiator or target), scored apart by
    // type, place and a shared participant: 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45.
    const stored = [
      { place: "location:cap-city", participant: true },
      { place: "location:cap-city" },
      { place: "location:cap-district", participant: true },
      { place: "location:cap-district" },
      { type: "SHELLING" as const, place: "location:cap-district", participant: true },
      { type: "SHELLING" as const, place: "location:cap-district" },
      { place: "location:cap-country" },
    ];
    for (const [i, o] of stored.entries()) await ingestBundle(db, oneEventBundle(i + 1, o), "cli", { resolve: false });
    const incoming = await ingestBundle(db, oneEventBundle(9, { place: "location:cap-city", participant: true }));
    assert.equal(incoming.mergedEvents, 0);
    const c = await db.read({
      cypher: `MATCH (:Event {id: 'event:cap-9'})-[c:POSSIBLY_SAME_AS]->(b:Event)
RETURN b.id AS id, c.score AS score ORDER BY c.score DESC`,
    });
    assert.deepEqual(
      c.records.map((r) => [r.get("id"), r.get("score")]),
      [
        ["event:cap-1", 0.75],
        ["event:cap-2", 0.7],
        ["event:cap-3", 0.65],
        ["event:cap-4", 0.6],
        ["event:cap-5", 0.55],
      ],
    );
  });

  test("re-ingesting an article changes nothing", async () => {
    await ingestBundle(db, multiSourceBundle("masyaf-strike.ar"));
    await ingestBundle(db, multiSourceBundle("masyaf-strike.en"));
    const count = async () =>
      (
        await db.read({ cypher: "MATCH (e:Event) RETURN count(e) AS events, COUNT { ()-[:REPORTS]->() } AS reports" })
      ).records[0].toObject();
    const first = await count();
    await ingestBundle(db, multiSourceBundle("masyaf-strike.en"));
    await ingestBundle(db, multiSourceBundle("masyaf-strike.ar"));
    assert.deepEqual(await count(), first);
  });

  test("RASD_RESOLVE_ON_INGEST=false stores each article's events as told (the baseline bench:ingest times), still audited", async () => {
    assert.equal(resolveOnIngest({}), true, "on unless switched off");
    assert.throws(() => resolveOnIngest({ RASD_RESOLVE_ON_INGEST: "maybe" }), /RASD_RESOLVE_ON_INGEST: maybe/);
    const resolve = resolveOnIngest({ RASD_RESOLVE_ON_INGEST: "false" });
    assert.equal(resolve, false);
    const ar = await ingestBundle(db, multiSourceBundle("masyaf-strike.ar"), "cli", { resolve });
    const en = await ingestBundle(db, multiSourceBundle("masyaf-strike.en"), "cli", { resolve });
    assert.equal(ar.mergedEvents + en.mergedEvents, 0);
    const r = await db.read({
      cypher: `MATCH (a:Article)-[:REPORTS]->(e:Event)-[:OCCURRED_IN]->(:Location {id: 'location:masyaf'})
RETURN count(DISTINCT e) AS events, count(DISTINCT a) AS articles`,
    });
    assert.equal(Number(r.records[0].get("articles")), 2);
    assert.equal(Number(r.records[0].get("events")), 2, "not matched: one event per article");
    const audit = await db.read({
      cypher: "MATCH (x:AuditEntry {action: 'ingest'}) RETURN x.who AS who, x.target AS target ORDER BY x.at",
    });
    assert.deepEqual(
      audit.records.map((x) => x.get("target")),
      [ar.articleId, en.articleId],
    );
  });
});
