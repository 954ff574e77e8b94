import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { generateSyntheticBundles } from "../../../seeds/synthetic/generate.ts";
import { mulberry32 } from "../../../seeds/synthetic/random.ts";
import type { ArticleBundle } from "../../src/bundle/types.ts";
import { spanStats } from "../../src/cypher/event-filter.ts";
import { dayOf, spanOf } from "../../src/cypher/timeline-counts.ts";
import { yearDay } from "../../src/cypher/timeline-day-reads.ts";
import type { Database } from "../../src/db/database.ts";
import { ensureTimelineCounts } from "../../src/db/migrations.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { TIMELINE_YEAR, YEAR_SLOTS } from "../../src/model/vocabulary.ts";
import { emptyDatabase } from "../helpers/graph.ts";
import { EDITOR_KEY, testYoga } from "./gql.ts";

/** What the aggregates hold, as "day type" → count (zero counts left out). */
async function aggregates(db: Database): Promise<Map<string, number>> {
  const r = await db.read({
    cypher: `CALL () { MATCH (d:TimelineDay) RETURN toString(d.day) AS day, properties(d) AS p
  UNION ALL MATCH (u:TimelineUndated) RETURN 'undated' AS day, properties(u) AS p }
RETURN day, p`,
  });
  const out = new Map<string, number>();
  for (const rec of r.records)
    for (const [k, v] of Object.entries(rec.get("p") as Record<string, number>))
      if (k !== "day" && k !== "key" && Number(v) !== 0) out.set(`${rec.get("day")} ${k}`, Number(v));
  return out;
}

/** The year running counts as kept, as "<year> type" → the list as text (lists of zeros left out). */
async function years(db: Database): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const r = await db.read({ cypher: `MATCH (y:${TIMELINE_YEAR}) RETURN y.year AS year, properties(y) AS p` });
  for (const rec of r.records)
    for (const [k, v] of Object.entries(rec.get("p") as Record<string, unknown>)) {
      if (k === "year") continue;
      const list = (v as unknown[]).map(Number);
      assert.equal(list.length, YEAR_SLOTS, `${rec.get("year")} ${k}`);
      if (list.some((n) => n !== 0)) out.set(`${rec.get("year")} ${k}`, list.join(","));
    }
  return out;
}

/** The year running counts recounted from the events: each event on the day it counts on, summed over the year's earlier days. */
async function yearRecount(db: Database): Promise<Map<string, string>> {
  const r = await db.read({
    cypher: `MATCH (e:Event) WITH ${dayOf("e")} AS day, e.type AS type WHERE day IS NOT NULL
RETURN day, type, count(*) AS n`,
  });
  const daily = new Map<string, number[]>();
  for (const rec of r.records) {
    const { year, doy } = yearDay(Number(rec.get("day")));
    const key = `${year} ${rec.get("type")}`;
    const counts = daily.get(key) ?? new Array(YEAR_SLOTS - 1).fill(0);
    counts[doy] += Number(rec.get("n"));
    daily.set(key, counts);
  }
  const out = new Map<string, string>();
  for (const [key, counts] of daily) {
    const running = [0];
    for (const n of counts) running.push(running[running.length - 1] + n);
    out.set(key, running.join(","));
  }
  return out;
}

/** A full recount from the events themselves. */
async function recount(db: Database): Promise<Map<string, number>> {
  const r = await db.read({
    cypher: `MATCH (e:Event) WITH ${dayOf("e")} AS day, e.type AS type, count(*) AS n
RETURN coalesce(toString(day), 'undated') AS day, type, n`,
  });
  return new Map(r.records.map((rec) => [`${rec.get("day")} ${rec.get("type")}`, Number(rec.get("n"))]));
}

/** The span histogram as kept (zero counts left out). */
async function spans(db: Database): Promise<Map<string, number>> {
  const r = await db.read({ cypher: "MATCH (s:TimelineSpans {key: 'events'}) RETURN properties(s) AS p" });
  const out = new Map<string, number>();
  for (const rec of r.records)
    for (const [k, v] of Object.entries(rec.get("p") as Record<string, number>))
      if (k !== "key" && Number(v) !== 0) out.set(k, Number(v));
  return out;
}

/** The span histogram recounted from the events. */
async function spanRecount(db: Database): Promise<Map<string, number>> {
  const r = await db.read({
    cypher: `MATCH (e:Event) WHERE e.end IS NOT NULL WITH ${spanOf("e")} AS span, count(*) AS n RETURN span, n`,
  });
  return new Map(r.records.map((rec) => [rec.get("span") as string, Number(rec.get("n"))]));
}

/**
 * What window queries read (the longest span, how many events have only an
 * end) against a scan of every event: the longest span rounded up to a day.
 */
async function assertSpanStats(db: Database, label: string) {
  const kept = (await db.read(spanStats())).records[0];
  const scan = (
    await db.read({
      cypher: `MATCH (e:Event) WHERE e.end IS NOT NULL
RETURN coalesce(max(CASE WHEN e.start IS NULL THEN 0 ELSE e.end.epochMillis - e.start.epochMillis END), 0) AS maxSpanMs,
  count(CASE WHEN e.start IS NULL THEN 1 END) AS undatedStarts`,
    })
  ).records[0];
  const day = 86_400_000;
  assert.equal(
    Number(kept.get("maxSpanMs")),
    Math.ceil(Number(scan.get("maxSpanMs")) / day) * day,
    `longest span ${label}`,
  );
  assert.equal(
    Number(kept.get("undatedStarts")),
    Number(scan.get("undatedStarts")),
    `events with only an end ${label}`,
  );
}

const sorted = <V>(m: Map<string, V>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

describe("timeline aggregates", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  before(async () => {
    db = await emptyDatabase();
    gql = testYoga(db);
  });
  after(async () => db.close());

  it("equal a full recount after random ingests, re-ingests, copies, edits, date moves, merges, undos and deletes", async () => {
    const rng = mulberry32(7);
    const pick = <T>(list: T[]): T => list[Math.floor(rng() * list.length)];
    const bundles = [...generateSyntheticBundles({ events: 240, seed: 21, eventsPerArticle: 4 })];
    const stored: ArticleBundle[] = [];
    const types = ["ATTACK", "PROTEST", "AIRSTRIKE", "NEGOTIATION"];
    const ops: Record<string, () => Promise<void>> = {
      ingest: async () => {
        const b = bundles.shift();
        if (!b) return;
        await ingestBundle(db, b);
        stored.push(b);
      },
      reingest: async () => {
        if (stored.length) await ingestBundle(db, pick(stored));
      },
      // Another article reporting the same events: deleting one of them keeps the events.
      copy: async () => {
        if (!stored.length) return;
        const b = structuredClone(pick(stored));
        b.article.id = `article:copy-${Math.floor(rng() * 1e9)}`;
        await ingestBundle(db, b);
        stored.push(b);
      },
      delete: async () => {
        if (!stored.length) return;
        const b = stored.splice(Math.floor(rng() * stored.length), 1)[0];
        await gql.data(
          `mutation D($id: ID!) { deleteArticle(id: $id) { __typename } }`,
          { id: b.article.id },
          EDITOR_KEY,
        );
      },
      edit: async () => {
        const ids = stored.flatMap((b) => b.events.map((e) => e.id));
        if (!ids.length) return;
        const day = new Date(Date.UTC(2016, 0, 1) + Math.floor(rng() * 2000) * 86_400_000).toISOString();
        const x = rng();
        // Long ranges too (up to ~3 years), so the longest span moves up, and down again when they go.
        const until = new Date(Date.parse(day) + Math.floor(rng() * 1100) * 86_400_000 + 3_600_000).toISOString();
        const input =
          x < 0.15
            ? { start: null, end: null, precision: "UNKNOWN" }
            : x < 0.4
              ? { type: pick(types) }
              : x < 0.5
                ? { start: null, end: day, precision: "APPROXIMATE" }
                : x < 0.75
                  ? { start: day, end: until, precision: "RANGE" }
                  : { start: day, end: day, precision: "DAY", type: pick(types) };
        const r = await gql.post(
          `mutation U($id: ID!, $input: EventUpdate!) { updateEvent(id: $id, input: $input) { __typename } }`,
          { id: pick(ids), input },
          EDITOR_KEY,
        );
        assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
      },
      merge: async () => {
        const ids = [...new Set(stored.flatMap((b) => b.events.map((e) => e.id)))];
        if (ids.length < 3) return;
        const keep = pick(ids);
        const merge = [...new Set([pick(ids), pick(ids)])].filter((x) => x !== keep);
        if (!merge.length) return;
        const found = await db.read({
          cypher: "MATCH (e:Event) WHERE e.id IN $ids RETURN count(e) AS n",
          params: { ids: [keep, ...merge] },
        });
        if (Number(found.records[0].get("n")) !== merge.length + 1) return; // merged away earlier
        const r = await gql.post(
          `mutation M($keep: ID!, $merge: [ID!]!) { mergeEntities(keep: $keep, merge: $merge) { __typename } }`,
          { keep, merge },
          EDITOR_KEY,
        );
        assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
      },
      // An analyst moves an event by its EDTF date; the day it counts on moves with it.
      date: async () => {
        const ids = stored.flatMap((b) => b.events.map((e) => e.id));
        if (!ids.length) return;
        const month = `${2016 + Math.floor(rng() * 5)}-${String(1 + Math.floor(rng() * 12)).padStart(2, "0")}`;
        const r = await gql.post(
          `mutation D($id: ID!, $edtf: String!) { setEventDate(id: $id, date: {precision: MONTH, edtf: $edtf}) { __typename } }`,
          { id: pick(ids), edtf: month },
          EDITOR_KEY,
        );
        assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
      },
      // Undo of the newest edit (a date, a type, a merge): refused when its event changed since, else restored.
      undo: async () => {
        const r = await gql.post("mutation { undo { __typename ... on ValidationError { message } } }", {}, EDITOR_KEY);
        assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
        assert.ok(["UndoResult", "ValidationError", "NotFoundError"].includes(r.body.data.undo.__typename));
      },
    };
    const weights: [string, number][] = [
      ["ingest", 5],
      ["reingest", 1],
      ["copy", 2],
      ["delete", 2],
      ["edit", 3],
      ["merge", 2],
      ["date", 2],
      ["undo", 2],
    ];
    const total = weights.reduce((s, [, w]) => s + w, 0);
    const done = new Map<string, number>();
    for (let step = 0; step < 60; step++) {
      let x = rng() * total;
      let op = "ingest";
      for (const [name, w] of weights) {
        if (x < w) {
          op = name;
          break;
        }
        x -= w;
      }
      await ops[op]();
      done.set(op, (done.get(op) ?? 0) + 1);
      if (step % 12 === 11) {
        assert.deepEqual(sorted(await aggregates(db)), sorted(await recount(db)), `after step ${step}`);
        assert.deepEqual(sorted(await spans(db)), sorted(await spanRecount(db)), `spans after step ${step}`);
        assert.deepEqual(sorted(await years(db)), sorted(await yearRecount(db)), `years after step ${step}`);
        await assertSpanStats(db, `after step ${step}`);
      }
    }
    assert.deepEqual(sorted(await aggregates(db)), sorted(await recount(db)));
    assert.deepEqual(sorted(await spans(db)), sorted(await spanRecount(db)));
    assert.deepEqual(sorted(await years(db)), sorted(await yearRecount(db)));
    await assertSpanStats(db, "at the end");
    assert.ok((await recount(db)).size > 20, "the graph has events on many days");
    for (const [op] of weights) assert.ok((done.get(op) ?? 0) > 0, `${op} ran`);
    assert.ok((await spanRecount(db)).size > 3, "events of several spans");
  });

  it("lower the longest span again when the event that had it is deleted, and are rebuilt for an older graph", async () => {
    const before = Number((await db.read(spanStats())).records[0].get("maxSpanMs"));
    // A new article with one event lasting far longer than any other (20 years).
    const made = [...generateSyntheticBundles({ events: 1, seed: 99, eventsPerArticle: 1 })][0];
    const oldId = made.events[0].id;
    // Its own ids (the event's, wherever the bundle refers to it), so it is new to the graph.
    const b: ArticleBundle = JSON.parse(JSON.stringify(made).replaceAll(JSON.stringify(oldId), '"event:long-span"'));
    b.article.id = "article:long-span";
    const ev = b.events[0];
    Object.assign(ev, { start: "2001-01-01T00:00:00Z", end: "2021-01-01T00:00:00Z", precision: "RANGE" });
    delete ev.edtf;
    await ingestBundle(db, b);
    await assertSpanStats(db, "after the long event");
    const long = Number((await db.read(spanStats())).records[0].get("maxSpanMs"));
    assert.ok(long >= Date.parse("2021-01-01") - Date.parse("2001-01-01"), "the long event is the longest");
    // A timeline window ending before the long event's end year still finds it (it overlaps).
    const t = await gql.data(
      `{ timeline(from: "2010-01-01T00:00:00Z", to: "2010-02-01T00:00:00Z", buckets: 4, maxEvents: 50, filter: {minConfidence: 0}) { events { id } } }`,
    );
    assert.ok(
      t.timeline.events.some((e: { id: string }) => e.id === ev.id),
      "the long event overlaps 2010",
    );
    await gql.data(`mutation D($id: ID!) { deleteArticle(id: $id) { __typename } }`, { id: b.article.id }, EDITOR_KEY);
    await assertSpanStats(db, "after deleting it");
    assert.equal(Number((await db.read(spanStats())).records[0].get("maxSpanMs")), before);
    // A graph whose day counts predate the span histogram gets it counted on the next start.
    const kept = await spans(db);
    await db.write({ cypher: "MATCH (s:TimelineSpans) DELETE s" });
    await ensureTimelineCounts(db);
    assert.deepEqual(sorted(await spans(db)), sorted(kept));
    // And one whose day counts predate the year running counts (it kept 8- and 64-day blocks then) gets
    // them summed from the days, and the blocks removed.
    const keptYears = await years(db);
    assert.ok(keptYears.size > 0);
    await db.write({ cypher: `MATCH (y:${TIMELINE_YEAR}) DELETE y` });
    await db.write({ cypher: "MATCH (m:SchemaMark {key: 'timeline-years'}) DELETE m" });
    await db.write({
      cypher: "CREATE (:TimelineBlock8 {block: 1, ATTACK: 2}), (:TimelineBlock64 {block: 0, ATTACK: 2})",
    });
    await ensureTimelineCounts(db);
    assert.deepEqual(sorted(await years(db)), sorted(keptYears));
    assert.deepEqual(sorted(await years(db)), sorted(await yearRecount(db)));
    const blocksLeft = await db.read({
      cypher: "MATCH (b) WHERE b:TimelineBlock8 OR b:TimelineBlock64 RETURN count(b) AS n",
    });
    assert.equal(Number(blocksLeft.records[0].get("n")), 0);
  });

  it("gives the timeline the same counts as scanning the events", async () => {
    // 10-day buckets from a midnight: the aggregate edges are the scan's edges, so buckets must match exactly.
    const q = `query T($f: EventFilter) { timeline(from: "2015-01-01T00:00:00Z", to: "2025-01-08T00:00:00Z", buckets: 366, filter: $f) {
      total buckets { start count byType { type count } } } }`;
    const fromAggregates = (await gql.data(q, {})).timeline;
    // minConfidence 0 matches every event but is not answered by the aggregates: the scan path.
    const scanned = (await gql.data(q, { f: { minConfidence: 0 } })).timeline;
    assert.ok(fromAggregates.total > 0);
    assert.deepEqual(fromAggregates, scanned);
    // A window that starts and ends mid-day, with uneven buckets: totals and per-type sums agree.
    const odd = `query T($f: EventFilter) { timeline(from: "2016-03-10T13:30:00Z", to: "2019-11-02T07:00:00Z", buckets: 97, filter: $f) {
      total buckets { count byType { type count } } } }`;
    const a = (await gql.data(odd, {})).timeline;
    const s = (await gql.data(odd, { f: { minConfidence: 0 } })).timeline;
    assert.equal(a.total, s.total);
    const byType = (t: { buckets: { byType: { type: string; count: number }[] }[] }) => {
      const m = new Map<string, number>();
      for (const b of t.buckets) for (const x of b.byType) m.set(x.type, (m.get(x.type) ?? 0) + x.count);
      return sorted(m);
    };
    assert.deepEqual(byType(a), byType(s));
    // Type-filtered, and the events connection's totalCount from the same aggregates.
    const typed = (await gql.data(q, { f: { types: ["ATTACK", "PROTEST"] } })).timeline;
    const typedScan = (await gql.data(q, { f: { types: ["ATTACK", "PROTEST"], minConfidence: 0 } })).timeline;
    assert.deepEqual(typed, typedScan);
    // Wide buckets (281 and 731 days, across years) and narrow ones (4 days, inside one year) agree too; each window is a whole number of days per bucket, so the edges match.
    for (const [from, to, buckets] of [
      ["2015-01-01T00:00:00Z", "2025-01-01T00:00:00Z", 13],
      ["2014-12-31T00:00:00Z", "2025-01-02T00:00:00Z", 5],
      ["2017-02-01T00:00:00Z", "2017-05-28T00:00:00Z", 29],
    ] as const) {
      const wide = `query T($f: EventFilter) { timeline(from: "${from}", to: "${to}", buckets: ${buckets}, filter: $f) {
        total buckets { start end count byType { type count } } } }`;
      const agg = (await gql.data(wide, {})).timeline;
      assert.ok(agg.total > 0, `${from}–${to} has events`);
      assert.deepEqual(
        agg,
        (await gql.data(wide, { f: { minConfidence: 0 } })).timeline,
        `${from}–${to}, ${buckets} buckets`,
      );
    }
    // Buckets narrower than a day (three months in 200, an odd window in 500, typed, two years in 1,000): counted from the
    // (type, start, end) index entries alone, the same as scanning the events.
    for (const [from, to, buckets, types] of [
      ["2017-01-01T00:00:00Z", "2017-04-01T00:00:00Z", 200, null],
      ["2016-03-10T13:30:00Z", "2016-09-02T07:00:00Z", 500, ["ATTACK", "PROTEST"]],
      ["2015-01-01T00:00:00Z", "2017-01-01T00:00:00Z", 1000, null],
    ] as const) {
      const narrow = `query T($f: EventFilter) { timeline(from: "${from}", to: "${to}", buckets: ${buckets}, maxEvents: 0, filter: $f) {
        total buckets { start end count byType { type count } } } }`;
      const f = types ? { types } : {};
      const idx = (await gql.data(narrow, { f })).timeline;
      assert.ok(idx.total > 0, `${from}–${to} has events`);
      assert.deepEqual(
        idx,
        (await gql.data(narrow, { f: { ...f, minConfidence: 0 } })).timeline,
        `${from}–${to}, ${buckets}`,
      );
    }
    // The events connection's totalCount, read from the years' totals, against a scan.
    const count = `query C($f: EventFilter) { events(filter: $f, first: 1) { totalCount totalCountIsExact } }`;
    const fromYears = (await gql.data(count, { f: { types: ["ATTACK"] } })).events;
    const scan = await db.read({ cypher: "MATCH (e:Event {type: 'ATTACK'}) RETURN count(e) AS n" });
    assert.equal(fromYears.totalCount, Number(scan.records[0].get("n")));
  });
});
