import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadSynthetic } from "../../../seeds/synthetic/generate.ts";
import { type EventFilter, type SpanStats, spanStats } from "../../src/cypher/event-filter.ts";
import { eventsCount, eventsOffsetPage, eventsSegmentPage, type KeysetOrder } from "../../src/cypher/events.ts";
import { resolveArticle } from "../../src/cypher/resolve.ts";
import { timelineBuckets, timelineEdges, timelineEvents } from "../../src/cypher/timeline.ts";
import { countByTypes, timelineDays } from "../../src/cypher/timeline-day-reads.ts";
import type { Database, Statement } from "../../src/db/database.ts";
import { SEARCH_MIN_BOUND } from "../../src/ingest/resolve-bundle.ts";
import { emptyDatabase } from "../helpers/graph.ts";

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function operators(p: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(p);
  for (const c of p.children) operators(c, out);
  return out;
}

/** Operators that read every Event node (or every node) instead of an index. */
const eventScans = (plan: PlanNode) =>
  operators(plan).filter(
    (o) =>
      o.operatorType.startsWith("AllNodesScan") ||
      (o.operatorType.startsWith("NodeByLabelScan") && String(o.arguments.Details ?? "").includes(":Event")),
  );

/** Sorts of the whole input (PartialSort/PartialTop, which follow an index's order, are fine). */
const fullSorts = (plan: PlanNode) => operators(plan).filter((o) => /^(Sort|Top)(@|$)/.test(o.operatorType));

describe("query plans of the timeline and events statements", () => {
  let db: Database;
  const explain = async (s: Statement) =>
    (await db.read({ cypher: `EXPLAIN ${s.cypher}`, params: s.params })).summary.plan as unknown as PlanNode;
  // Undated events present, a month-long longest span: every optional branch is in the statements.
  const span: SpanStats = { maxSpanMs: 31 * 86_400_000, undatedStarts: 1, endless: 1 };
  const window = { from: "2019-03-01T00:00:00Z", to: "2019-03-31T23:59:59Z" };
  // Every filter shape a window query can take; the root is chosen from it.
  const windowFilters: Record<string, EventFilter> = {
    "window only": { ...window },
    "window and types": { ...window, types: ["ATTACK", "AIRSTRIKE"] },
    "window and confidence": { ...window, minConfidence: 0.7 },
    "window, certainly inside": { ...window, match: "WITHIN" },
    "window and an actor": { ...window, actors: [{ id: "actor:syn-hassan-al-amiri", role: null }] },
    "window and a place": { ...window, locations: ["location:iraq"] },
    "window and text": { ...window, text: "بغداد" },
    "window and publisher": { ...window, publishers: ["Reuters"] },
    "from only": { from: window.from },
    "to only": { to: window.to },
  };

  before(async () => {
    db = await emptyDatabase();
    // Enough events that the planner's statistics look like a real graph.
    await loadSynthetic(db, { events: 3000, seed: 5, batchArticles: 100 });
    // In the shared test database the index statistics still describe the graphs of the files before this
    // one (emptied, not sampled again), and cached plans were made with them: resample and replan, so the
    // planner sees this graph as a production graph's regular sampling would show it.
    await db.write({ cypher: "CALL db.prepareForReplanning(120)" });
  });
  after(async () => db.close());

  it("never scans every Event for a window query", async () => {
    const failures: string[] = [];
    // Cursor positions (none, in the dated segment, in the undated one) for the window-only shapes.
    const cursors = [
      null,
      { start: Date.parse("2019-03-10T00:00:00Z"), id: "event:x" },
      { start: null, id: "event:x" },
    ];
    const check = async (name: string, s: Statement) => {
      const scans = eventScans(await explain(s));
      if (scans.length) failures.push(`${name}: ${scans.map((o) => o.operatorType).join(", ")}`);
    };
    for (const [name, f] of Object.entries(windowFilters)) {
      await check(`timelineBuckets (${name})`, timelineBuckets(f, span, { fromMs: 0, widthMs: 1, buckets: 10 }));
      await check(`timelineEvents (${name})`, timelineEvents(f, span, 200));
      await check(`eventsCount (${name})`, eventsCount(f, span, 10_001));
      for (const order of ["CONFIDENCE_DESC", "RELEVANCE"] as const)
        await check(`eventsOffsetPage ${order} (${name})`, eventsOffsetPage(f, span, { order, skip: 50, limit: 51 }));
      for (const order of ["START_ASC", "START_DESC"] as KeysetOrder[])
        for (const seg of ["dated", "undated"] as const)
          for (const after of name.startsWith("window") && name.length < 18 ? cursors : [null]) {
            const s = eventsSegmentPage(f, span, { order, seg, after, before: null, inverted: false, limit: 51 });
            if (s)
              await check(`eventsSegmentPage ${order} ${seg} after ${after?.start ?? after?.id ?? "-"} (${name})`, s);
          }
    }
    const [fromMs, toMs] = [Date.parse(window.from), Date.parse(window.to)];
    // Every branch of the edges statement is in its plan (each guarded by the span statistics it reads).
    await check("timelineEdges", timelineEdges(null, { fromMs, toMs, d0Ms: fromMs, d1Ms: toMs - 86_399_000 }));
    await check("timelineEdges (types)", timelineEdges(["ATTACK"], { fromMs, toMs, d0Ms: fromMs, d1Ms: fromMs }));
    // Buckets narrower than a day: the whole window read as edges.
    await check("timelineEdges (no whole day)", timelineEdges(null, { fromMs, toMs, d0Ms: toMs, d1Ms: toMs }));
    const days = timelineDays(17000, 21000, [17000 * 86_400_000, 19000 * 86_400_000, 21000 * 86_400_000]);
    await check(
      "timelineEdges with timelineDays",
      timelineEdges(
        null,
        { fromMs, toMs, d0Ms: fromMs, d1Ms: toMs - 86_399_000 },
        { also: days.subquery, carry: true },
      ),
    );
    await check("countByTypes", countByTypes(["ATTACK"]));
    assert.deepEqual(failures, []);
  });

  it("reads no event for the edges of a window from before the first event to after the last (the timeline as it opens)", async () => {
    const stats = (await db.read(spanStats())).records[0];
    const firstMs = Number(stats.get("firstDay")) * 86_400_000;
    const lastMs = Number(stats.get("lastDay")) * 86_400_000;
    const w = { fromMs: firstMs - 3_600_000, toMs: lastMs + 2 * 86_400_000 + 3_600_000 };
    const s = timelineEdges(null, { ...w, d0Ms: firstMs, d1Ms: lastMs + 2 * 86_400_000 });
    const profiled = await db.read({ cypher: `PROFILE ${s.cypher}`, params: s.params });
    const eventReads = operators(profiled.summary.profile as unknown as PlanNode & { rows: number }).filter(
      (o) => String(o.arguments.Details ?? "").includes(":Event(") && Number((o as { rows?: number }).rows) > 0,
    );
    assert.deepEqual(
      eventReads.map((o) => `${o.operatorType} ${o.arguments.Details}`),
      [],
    );
    assert.deepEqual(profiled.records[0].get("edges"), []);
    assert.equal(Number(profiled.records[0].get("events")), 3000);
  });

  it("walks the start index in order for START pages, with or without a window, so no page sorts every match", async () => {
    const failures: string[] = [];
    const filters: Record<string, EventFilter> = {
      "no filter": {},
      "types only": { types: ["ATTACK"] },
      "window and types": windowFilters["window and types"],
      "window and confidence": windowFilters["window and confidence"],
    };
    for (const [name, f] of Object.entries(filters))
      for (const order of ["START_ASC", "START_DESC"] as KeysetOrder[])
        for (const inverted of [false, true]) {
          const s = eventsSegmentPage(f, span, {
            order,
            seg: "dated",
            after: { start: Date.parse("2019-03-10T00:00:00Z"), id: "event:x" },
            before: null,
            inverted,
            limit: 51,
          });
          assert.ok(s);
          const plan = await explain(s);
          const bad = [...fullSorts(plan), ...eventScans(plan)];
          if (bad.length)
            failures.push(`${name} ${order}${inverted ? " inverted" : ""}: ${bad.map((o) => o.operatorType)}`);
        }
    assert.deepEqual(failures, []);
  });

  it("finds an incoming event's candidate duplicates through the ties of related places and actors, never by reading the events of a window", async () => {
    // The row resolve-bundle.ts builds for an event of 10 March 2019 in Baghdad by a known actor.
    const row = {
      key: "event:incoming",
      types: ["ATTACK", "AIRSTRIKE", "SHELLING", "ARMED_CLASH"],
      lookbacks: [1, 2, 4, 8, 16, 32, 64].map((c) => ({
        spanClass: c,
        from: new Date(Date.UTC(2019, 2, 10) - Math.min(c, 62) * 86_400_000).toISOString(),
      })),
      start: "2019-03-10T00:00:00.000Z",
      end: "2019-03-10T23:59:59.999Z",
      places: ["location:baghdad"],
      actors: ["actor:syn-hassan-al-amiri"],
    };
    // The statement ingest runs (article source, reported events, place facts and candidates in one).
    const s = resolveArticle({
      articleId: "article:incoming",
      source: { minhash: [1, 2], bands: "b0x1", sourceKey: "reuters", copyOf: null, similarity: null },
      placeIds: ["location:baghdad"],
      rows: [row],
      minBound: SEARCH_MIN_BOUND,
    });
    const plan = (await db.write({ cypher: `EXPLAIN ${s.cypher}`, params: s.params })).summary
      .plan as unknown as PlanNode;
    assert.deepEqual(
      eventScans(plan).map((o) => o.operatorType),
      [],
    );
    const details = (o: PlanNode) => `${o.operatorType} ${o.arguments.Details ?? ""}`;
    const tieSeeks = (type: string) =>
      operators(plan).filter(
        (o) =>
          /RelationshipIndexSeek/.test(o.operatorType) &&
          new RegExp(
            `:${type}\\(entityId, eventIncident, eventSpanClass, eventStart, eventEnd, eventType\\)\\]?.* WHERE entityId IN .* AND eventIncident = .* AND eventSpanClass = .* AND eventStart >= `,
          ).test(String(o.arguments.Details ?? "")),
      );
    const plain = operators(plan).map(details).join(" | ");
    for (const type of ["OCCURRED_IN", "PARTICIPATED_IN"])
      assert.ok(
        tieSeeks(type).length > 0,
        `the candidates come from a seek on the ${type} candidate keys, by related place or actor, incident key, span class and start range; plan: ${plain}`,
      );
    // No event is read by its dates alone: the only Event index the statement seeks is by id.
    const eventSeeks = operators(plan).filter(
      (o) => o.operatorType.startsWith("NodeIndexSeek") && /:Event\(/.test(String(o.arguments.Details ?? "")),
    );
    assert.deepEqual(
      eventSeeks.map(details).filter((d) => !/:Event\(id\)/.test(d)),
      [],
      `no Event index seek other than by id; plan: ${plain}`,
    );
  });
});
