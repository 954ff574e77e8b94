import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { generateSyntheticBundles } from "../../../seeds/synthetic/generate.ts";
import { mulberry32 } from "../../../seeds/synthetic/random.ts";
import type { ArticleBundle, BundleEvent, DatePrecision } from "../../src/bundle/types.ts";
import { validateBundle } from "../../src/bundle/validate.ts";
import { candidateDetails, MAX_MATCH_SPAN_DAYS } from "../../src/cypher/candidate-search.ts";
import { resolveArticle } from "../../src/cypher/resolve.ts";
import { SPAN_CLASSES, spanClassOf } from "../../src/cypher/span-class.ts";
import { incidentKeyCypher } from "../../src/cypher/tie-keys.ts";
import type { Database, Statement } from "../../src/db/database.ts";
import { runMigrations } from "../../src/db/migrations.ts";
import { undo } from "../../src/edit/audit.ts";
import { mergeEntities, splitEntity } from "../../src/edit/entities.ts";
import { updateEventFields } from "../../src/edit/event-fields.ts";
import { candidateRows, decideEvents, SEARCH_MIN_BOUND } from "../../src/ingest/resolve-bundle.ts";
import { writeBundles } from "../../src/ingest/write-bundles.ts";
import {
  BROAD_PLACE_KINDS,
  EVENT_TYPE_NAMES,
  incidentKeyOf,
  NEARBY_KM,
  sameIncidentTypes,
} from "../../src/model/vocabulary.ts";
import { mergeEvents, splitEvent } from "../../src/resolve/event-edits.ts";
import { emptyDatabase } from "../helpers/graph.ts";

/**
 * The candidate search on ingest seeks the ties of related places and actors
 * by their candidate keys (cypher/tie-keys.ts), each span class only as far
 * back as that class's events can reach (cypher/span-class.ts). These tests
 * hold it to a plain scan: on a graph of events of every span — a day, an
 * hour, a few days, a month, longer than a month, dates wider than their
 * precision says, dates moved by an analyst, merged into a conflict, split
 * and undone, actors and places merged, split and undone — every tie carries
 * its keys, and the search finds exactly the events a scan over the whole
 * MAX_MATCH_SPAN_DAYS finds, for incoming events of every span.
 */

const DAY = 86_400_000;
const BASE = Date.UTC(2020, 2, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Whole days from the first date to the last (a 0 is one day); beyond 31 the months and the two-month edge. */
const SPAN_DAYS = [0, 0, 0, 0, 1, 2, 3, 6, 7, 8, 13, 14, 15, 16, 20, 28, 30, 31, 32, 45, 60, 61, 62, 63, 100];
const PRECISIONS: DatePrecision[] = ["HOUR", "DAY", "MONTH", "YEAR", "RANGE", "APPROXIMATE", "UNKNOWN"];

/** Synthetic bundles whose events are moved into four months of 2020 with spans of every class. */
function variedBundles(seed: number, events: number): ArticleBundle[] {
  const rng = mulberry32(seed * 7919);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const bundles = [...generateSyntheticBundles({ events, seed })];
  for (const b of bundles)
    b.events = b.events.map((e): BundleEvent => {
      const first = BASE + Math.floor(rng() * 120) * DAY;
      const { edtf: _, ...rest } = e;
      const shape = rng();
      // Mostly whole days; some hours, some known by one end only. The precision is drawn apart
      // from the span, so a DAY event may last weeks (its class follows the dates, not the precision).
      if (shape < 0.1) {
        const hour = first + Math.floor(rng() * 20) * 3_600_000;
        return {
          ...rest,
          start: new Date(hour).toISOString(),
          end: new Date(hour + 3_600_000).toISOString(),
          precision: "HOUR",
        };
      }
      if (shape < 0.14) return { ...rest, start: undefined, end: iso(first), precision: "DAY" };
      if (shape < 0.18) return { ...rest, start: iso(first), end: undefined, precision: "DAY" };
      const precision = pick(PRECISIONS.filter((p) => p !== "UNKNOWN"));
      return { ...rest, start: iso(first), end: iso(first + pick(SPAN_DAYS) * DAY), precision };
    });
  return bundles.map((b) => validateBundle(b));
}

let db: Database;
before(async () => {
  db = await emptyDatabase();
});
after(async () => {
  await db.close();
});

describe("the candidate search on ingest, by span class", () => {
  test("an event's span class is its span rounded up to a power of two of days; 64 holds every longer one", async () => {
    const r = await db.read({
      cypher: `UNWIND $spans AS s
WITH s, datetime('2020-03-01T00:00:00Z') AS start
WITH s, start, start + duration({milliseconds: s}) AS end
RETURN s, ${spanClassOf("start", "end")} AS class, ${spanClassOf("null", "end")} AS noStart`,
      params: {
        spans: [
          0,
          3_600_000,
          DAY - 1,
          DAY,
          DAY + 1,
          2 * DAY - 1,
          3 * DAY,
          31 * DAY - 1,
          32 * DAY,
          32 * DAY + 1,
          400 * DAY,
        ],
      },
    });
    assert.deepEqual(
      r.records.map((x) => Number(x.get("class"))),
      [1, 1, 1, 1, 2, 2, 4, 32, 32, 64, 64],
    );
    assert.ok(r.records.every((x) => x.get("noStart") === null));
    assert.deepEqual([...SPAN_CLASSES], [1, 2, 4, 8, 16, 32, 64]);
  });

  test("finds exactly the candidates one seek over the whole lookback finds, on a varied graph kept by every write path", async () => {
    const stored = variedBundles(11, 900);
    await writeBundles(db, stored, { resolve: false });

    // Dates moved by an analyst (a DAY event stretched over three weeks, another narrowed), one move undone.
    const ids = stored.flatMap((b) => b.events.filter((e) => e.start && e.end).map((e) => e.id));
    await updateEventFields(db, "test", ids[0], { start: "2020-04-01", end: "2020-04-21", precision: "DAY" });
    await updateEventFields(db, "test", ids[1], { start: "2020-04-02", end: "2020-04-02", precision: "DAY" });
    const moved = await updateEventFields(db, "test", ids[2], { start: "2020-05-01", end: "2020-06-20" });
    await undo(db, moved.auditId, "test");
    // Two events whose dates do not meet merged by an analyst (their dates become the conflict's hull),
    // and a merged pair split again (the split-off events get their reports' dates).
    const a = stored[3].events.find((e) => e.start && e.end) as BundleEvent;
    const b = stored
      .slice(4)
      .flatMap((x) => x.events)
      .find((e) => e.start && e.end && Date.parse(e.end) + DAY < Date.parse(a.start as string)) as BundleEvent;
    assert.ok(a && b, "two stored events with dates apart");
    await mergeEvents(db, [a.id, b.id], "test: a conflict", "test");
    const c = stored[5].events.find((e) => e.start && e.end) as BundleEvent;
    const d = stored[6].events.find((e) => e.start && e.end) as BundleEvent;
    await mergeEvents(db, [c.id, d.id], "test: to split", "test");
    await splitEvent(db, c.id, "test");

    // Entity merges move ties to another actor or place: an actor merged and given back by a split,
    // two places merged and the merge undone, two other actors merged for good.
    const busiest = async (label: "Actor" | "Location") => {
      const tie =
        label === "Actor" ? "(n:Actor)-[:PARTICIPATED_IN]->(:Event)" : "(:Event)-[:OCCURRED_IN]->(n:Location)";
      const r = await db.read({ cypher: `MATCH ${tie} RETURN n.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 4` });
      return r.records.map((x) => x.get("id") as string);
    };
    const [actorA, actorB, actorC, actorD] = await busiest("Actor");
    await mergeEntities(db, "test", actorA, [actorB]);
    await splitEntity(db, "test", actorA, { restore: actorB });
    await mergeEntities(db, "test", actorC, [actorD]);
    const [placeA, placeB] = await busiest("Location");
    const placesMerged = await mergeEntities(db, "test", placeA, [placeB]);
    await undo(db, placesMerged.auditId, "test");

    // Every write path left each tie the candidate keys of its event and its other end.
    const stale = await db.read({
      cypher: `MATCH (e:Event)-[t:OCCURRED_IN|PARTICIPATED_IN]-(n)
WITH t, [n.id, e.type, e.spanClass, toString(e.start), toString(e.end), ${incidentKeyCypher("e.type")}] AS want,
  [t.entityId, t.eventType, t.eventSpanClass, toString(t.eventStart), toString(t.eventEnd), t.eventIncident] AS got
RETURN count(t) AS ties, count(CASE WHEN want <> got OR any(i IN range(0, 5) WHERE (want[i] IS NULL) <> (got[i] IS NULL))
  THEN 1 END) AS stale`,
    });
    assert.ok(Number(stale.records[0].get("ties")) > 2000, "a graph with many ties");
    assert.equal(Number(stale.records[0].get("stale")), 0, "every tie carries its event's and its end's keys");

    // Every write path left each event the class its dates give.
    const wrong = await db.read({
      cypher: `MATCH (e:Event) WHERE coalesce(e.spanClass, 0) <> coalesce(${spanClassOf("e.start", "e.end")}, 0)
RETURN count(e) AS n`,
    });
    assert.equal(Number(wrong.records[0].get("n")), 0, "every event's span class matches its dates");
    const conflict = await db.read({
      cypher: "MATCH (e:Event {id: $id}) RETURN e.dateConflict AS conflict, e.spanClass AS class",
      params: { id: a.id },
    });
    assert.equal(conflict.records[0].get("conflict"), true);

    const incoming = variedBundles(12, 300);
    const rows = incoming.flatMap((x) => candidateRows(x));
    await db.write({ cypher: "MERGE (:Article {id: 'article:incoming'})" });
    const found = await candidatesByKey(rows);
    const expected = await referenceCandidates(rows);

    let total = 0;
    for (const row of rows as { key: string }[]) {
      const want = [...(expected.ids.get(row.key) ?? [])].sort();
      assert.deepEqual([...(found.ids.get(row.key) ?? [])].sort(), want, `candidates of ${row.key}`);
      total += want.length;
    }
    assert.ok(total > 500, `a varied comparison (${total} candidate pairs)`);
    // Each candidate's hint names exactly the related places of a specific kind and the related actors
    // (with the roles) its ties reach.
    assert.deepEqual(new Map([...found.hints].sort()), new Map([...expected.hints].sort()));

    // Reading only the candidates that can matter decides exactly what reading them all decides.
    let readPruned = 0;
    let readAll = 0;
    let decided = { merges: 0, candidates: 0 };
    // Retold events (the same dates, places and actors in another article) make merges to compare too.
    const retold = stored.slice(0, 40).map(
      (b): ArticleBundle => ({
        ...b,
        article: { ...b.article, id: `${b.article.id}-retold` },
        events: b.events.map((e) => ({ ...e, id: `${e.id}-retold` })),
        claims: [],
      }),
    );
    let returned = { floored: 0, all: 0 };
    for (const bundle of [...incoming, ...retold]) {
      const placeIds = [...new Set(bundle.events.flatMap((e) => e.locations))];
      // As ingest searches (only candidates whose bound reaches SEARCH_MIN_BOUND), and every candidate found.
      const search = (minBound: number) =>
        db.write(
          resolveArticle({
            articleId: "article:incoming",
            source: { minhash: [1], bands: "b0x1", sourceKey: "test", copyOf: null, similarity: null },
            placeIds,
            rows: candidateRows(bundle),
            minBound,
          }),
        );
      const f = await search(SEARCH_MIN_BOUND);
      const every = await search(0);
      returned = {
        floored: returned.floored + (f.records[0].get("candidates") as unknown[]).length,
        all: returned.all + (every.records[0].get("candidates") as unknown[]).length,
      };
      const counting = (add: (n: number) => void) => (st: Statement) => {
        add((st.params?.lists as { refs?: string[] } | undefined)?.refs?.length ?? 0);
        return db.read(st);
      };
      // The records the search returned are those a read returns.
      const preread = f.records[0].get("preread") as { ref: string }[];
      const reread = (await db.read(candidateDetails(preread.map((d) => d.ref)))).records[0];
      const byId = (xs: { id: string }[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
      assert.deepEqual(preread, reread.get("details"), "the search's records are the events'");
      assert.deepEqual(byId(f.records[0].get("ancestry")), byId(reread.get("ancestry")), "and their places' ancestors");
      readPruned += preread.length;
      const pruned = await decideEvents(
        counting((n) => (readPruned += n)),
        bundle,
        f.records[0],
      );
      const all = await decideEvents(
        counting((n) => (readAll += n)),
        bundle,
        every.records[0],
        true,
      );
      assert.deepEqual(pruned.merges, all.merges, `merges of ${bundle.article.id}`);
      assert.deepEqual(pruned.candidates, all.candidates, `candidates of ${bundle.article.id}`);
      decided = {
        merges: decided.merges + all.merges.length,
        candidates: decided.candidates + all.candidates.length,
      };
    }
    console.log(
      `decisions compared: ${decided.merges} merges, ${decided.candidates} candidates recorded; ${readPruned} of ${readAll} candidates read; ${returned.floored} of ${returned.all} returned by the search`,
    );
    assert.ok(decided.candidates > 100 && decided.merges > 20, `a varied comparison (${JSON.stringify(decided)})`);
    assert.ok(readPruned < readAll, `fewer candidates read (${readPruned} of ${readAll})`);
    assert.ok(returned.floored < returned.all, `fewer candidates returned (${returned.floored} of ${returned.all})`);
    // Found among them: events of every class, and DAY events lasting longer than a day.
    const kinds = await db.read({
      cypher: `MATCH (e:Event) WHERE e.id IN $ids
RETURN collect(DISTINCT e.spanClass) AS classes, count(CASE WHEN e.precision = 'DAY' AND e.spanClass > 1 THEN 1 END) AS wideDays`,
      params: { ids: [...new Set([...expected.ids.values()].flat())] },
    });
    assert.deepEqual(
      (kinds.records[0].get("classes") as number[]).map(Number).sort((x, y) => x - y),
      [...SPAN_CLASSES],
    );
    assert.ok(Number(kinds.records[0].get("wideDays")) > 0);
  });

  test("the incident key on ties is the vocabulary's: two types share it exactly when they can be one incident", async () => {
    const r = await db.read({
      cypher: `UNWIND $types AS t RETURN t, ${incidentKeyCypher("t")} AS key`,
      params: { types: EVENT_TYPE_NAMES },
    });
    const keys = new Map(r.records.map((x) => [x.get("t") as string, x.get("key") as string]));
    for (const a of EVENT_TYPE_NAMES) {
      assert.equal(keys.get(a), incidentKeyOf(a), a);
      for (const b of EVENT_TYPE_NAMES) assert.equal(keys.get(a) === keys.get(b), sameIncidentTypes(a, b), `${a} ${b}`);
    }
  });

  test("a graph whose ties predate their candidate keys gets them at start-up", async () => {
    await db.write({
      cypher: `MATCH ()-[t:OCCURRED_IN|PARTICIPATED_IN]->()
REMOVE t.entityId, t.eventIncident, t.eventType, t.eventSpanClass, t.eventStart, t.eventEnd`,
    });
    await db.write({ cypher: "MATCH (m:SchemaMark {key: 'tie-keys'}) DELETE m" });
    await runMigrations(db);
    const r = await db.read({
      cypher: `MATCH (e:Event)-[t:OCCURRED_IN|PARTICIPATED_IN]-(n)
RETURN count(t) AS ties, count(CASE WHEN t.entityId = n.id AND t.eventType = e.type
    AND t.eventIncident = ${incidentKeyCypher("e.type")} THEN 1 END) AS keyed,
  count(CASE WHEN e.start IS NOT NULL AND NOT (t.eventStart = e.start AND t.eventEnd = e.end
    AND t.eventSpanClass = e.spanClass) THEN 1 END) AS wrongDates`,
    });
    const x = r.records[0].toObject();
    assert.ok(Number(x.ties) > 0);
    assert.equal(Number(x.keyed), Number(x.ties));
    assert.equal(Number(x.wrongDates), 0);
  });

  test("a graph whose events predate the span class gets it at start-up", async () => {
    await db.write({ cypher: "MATCH (e:Event) REMOVE e.spanClass" });
    await db.write({ cypher: "MATCH (m:SchemaMark {key: 'span-class'}) DELETE m" });
    await runMigrations(db);
    const r = await db.read({
      cypher: `MATCH (e:Event) RETURN count(e.spanClass) AS classed,
  count(CASE WHEN e.start IS NOT NULL AND e.end IS NOT NULL THEN 1 END) AS dated,
  count(CASE WHEN coalesce(e.spanClass, 0) <> coalesce(${spanClassOf("e.start", "e.end")}, 0) THEN 1 END) AS wrong`,
    });
    const x = r.records[0].toObject();
    assert.ok(Number(x.dated) > 0);
    assert.equal(Number(x.classed), Number(x.dated));
    assert.equal(Number(x.wrong), 0);
  });
});

/**
 * The candidates the ingest statement finds, per incoming event key: their ids
 * (read by candidateDetails, as ingest reads them) and the related places (of
 * a specific kind) and actors the tie index says each reaches (its hint), as
 * "id place" and "id ROLE".
 */
async function candidatesByKey(rows: unknown[]): Promise<{ ids: Map<string, string[]>; hints: Map<string, string[]> }> {
  const s = resolveArticle({
    articleId: "article:incoming",
    source: { minhash: [1], bands: "b0x1", sourceKey: "test", copyOf: null, similarity: null },
    placeIds: [],
    rows,
    // Every candidate found, bound or not: what the reference finds.
    minBound: 0,
  });
  const r = await db.write(s);
  const found = r.records[0].get("candidates") as {
    key: string;
    ref: string;
    places: string[];
    actors: { id: string; role: string }[];
  }[];
  const details = await db.read(candidateDetails([...new Set(found.map((c) => c.ref))]));
  const idOf = new Map((details.records[0].get("details") as { ref: string; id: string }[]).map((d) => [d.ref, d.id]));
  const ids = new Map<string, string[]>();
  const hints = new Map<string, string[]>();
  for (const c of found) {
    const id = idOf.get(c.ref) as string;
    ids.set(c.key, [...(ids.get(c.key) ?? []), id]);
    const hint = [...c.places.map((p) => `${p} place`), ...c.actors.map((a) => `${a.id} ${a.role}`)];
    hints.set(`${c.key} ${id}`, hint.sort());
  }
  return { ids, hints };
}

/**
 * What the search must find, written plainly (every event read, no index):
 * events of a compatible type overlapping the incoming dates that start at
 * most MAX_MATCH_SPAN_DAYS before them, at a related place (the same, within,
 * an ancestor, or a specific place within NEARBY_KM) or with a shared actor.
 */
async function referenceCandidates(
  rows: unknown[],
): Promise<{ ids: Map<string, string[]>; hints: Map<string, string[]> }> {
  const r = await db.read({
    cypher: `UNWIND $rows AS ev
WITH ev, datetime(ev.start) AS start, datetime(ev.end) AS end,
  COLLECT { UNWIND ev.places AS p MATCH (:Location {id: p})<-[:WITHIN*0..4]-(d:Location) RETURN d
    UNION UNWIND ev.places AS p MATCH (:Location {id: p})-[:WITHIN*1..4]->(d:Location) RETURN d
    UNION UNWIND ev.places AS p MATCH (x:Location {id: p}), (d:Location)
      WHERE NOT x.kind IN $broad AND NOT d.kind IN $broad AND point.distance(x.point, d.point) <= $nearbyMeters RETURN d
    UNION UNWIND ev.actors AS x MATCH (d:Actor {id: x}) RETURN d } AS related
MATCH (e:Event)
WHERE e.type IN ev.types AND e.start <= end AND e.end >= start
  AND e.start >= start - duration({days: $maxDays})
  AND EXISTS { (e)-[:OCCURRED_IN|PARTICIPATED_IN]-(n) WHERE n IN related }
RETURN ev.key AS key, e.id AS id,
  COLLECT { MATCH (e)-[:OCCURRED_IN]->(n) WHERE n IN related AND NOT n.kind IN $broad RETURN DISTINCT n.id + ' place' AS h
    UNION MATCH (n)-[p:PARTICIPATED_IN]->(e) WHERE n IN related RETURN DISTINCT n.id + ' ' + p.role AS h } AS hint`,
    params: {
      // Each row's compatible types, from the vocabulary's pairwise rule rather than the incident key the search seeks.
      rows: (rows as { incident: string }[]).map((r) => ({
        ...r,
        types: EVENT_TYPE_NAMES.filter((t) =>
          EVENT_TYPE_NAMES.some((u) => incidentKeyOf(u) === r.incident && sameIncidentTypes(t, u)),
        ),
      })),
      maxDays: MAX_MATCH_SPAN_DAYS,
      broad: [...BROAD_PLACE_KINDS],
      nearbyMeters: NEARBY_KM * 1010,
    },
  });
  const ids = new Map<string, string[]>();
  const hints = new Map<string, string[]>();
  for (const x of r.records) {
    const [key, id] = [x.get("key") as string, x.get("id") as string];
    ids.set(key, [...(ids.get(key) ?? []), id]);
    hints.set(`${key} ${id}`, [...(x.get("hint") as string[])].sort());
  }
  return { ids, hints };
}
