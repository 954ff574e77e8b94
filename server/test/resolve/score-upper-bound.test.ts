import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { mulberry32 } from "../../../seeds/synthetic/random.ts";
import type { DatePrecision } from "../../src/bundle/types.ts";
import { BROAD_PLACE_KINDS, EVENT_TYPE_NAMES, LOCATION_KINDS, NEARBY_KM, ROLES } from "../../src/model/vocabulary.ts";
import { type EventFacts, matchEvents, type PlaceFacts, scoreUpperBound } from "../../src/resolve/match-score.ts";

/**
 * Ingest reads a candidate event only when the most it can score (from what
 * the tie index says of it) can still matter (ingest/score-candidates.ts).
 * That is only right if the bound is never below the real score and every
 * merge is marked mergeable: checked here on random pairs drawn so that
 * places, days, types and actors often coincide.
 */

const DAY = 86_400_000;

/** Great-circle distance, the search's point index measures it alike (to its own earth radius). */
function kmApart(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
const PRECISIONS: DatePrecision[] = ["HOUR", "DAY", "MONTH", "YEAR", "RANGE", "APPROXIMATE"];

describe("the score bound that decides which candidates ingest reads", () => {
  test("is never below matchEvents' score, and every merge is mergeable (20,000 random pairs)", () => {
    const rng = mulberry32(20261130);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
    // A small world: five places (two nested in a third, points a few km apart), six actors, three days.
    const places: PlaceFacts[] = Array.from({ length: 5 }, (_, i) => ({
      id: `location:p${i}`,
      kind: pick(LOCATION_KINDS),
      point: rng() < 0.8 ? { latitude: 33 + rng() * 0.4, longitude: 44 + rng() * 0.4 } : null,
      ancestors: i < 2 ? ["location:p2"] : [],
    }));
    const actors = ["actor:a", "actor:b", "actor:c", "actor:anon-1", "actor:d", "actor:e"];
    const types = EVENT_TYPE_NAMES.slice(0, 6);
    const facts = (id: string): EventFacts => {
      const start = Date.UTC(2024, 7, 20) + Math.floor(rng() * 3) * DAY + Math.floor(rng() * 20) * 3_600_000;
      return {
        id,
        type: pick(types),
        start: rng() < 0.05 ? null : start,
        end: start + pick([1, DAY, 3 * DAY]),
        precision: pick(PRECISIONS),
        places: places.filter(() => rng() < 0.3),
        actors: actors
          .filter(() => rng() < 0.35)
          .map((a) => ({ id: a, role: pick(ROLES), kind: rng() < 0.1 ? "ANONYMOUS_SOURCE" : "PERSON" })),
        articles: [],
      };
    };
    let merges = 0;
    let candidates = 0;
    let exact = 0;
    let scoredPairs = 0;
    for (let i = 0; i < 20_000; i++) {
      const incoming = facts("event:in");
      // Half the stored events retell the incoming one, each fact kept or redrawn.
      const other = facts("event:stored");
      const stored: EventFacts =
        rng() < 0.5
          ? {
              ...other,
              type: rng() < 0.7 ? incoming.type : other.type,
              start: rng() < 0.7 ? incoming.start : other.start,
              end: rng() < 0.7 ? incoming.end : other.end,
              precision: rng() < 0.7 ? incoming.precision : other.precision,
              places: rng() < 0.7 ? incoming.places : other.places,
              actors: rng() < 0.7 ? incoming.actors : other.actors,
            }
          : other;
      const real = matchEvents(incoming, stored);
      // What the tie index knows: the stored event's type and start, and which related places and
      // actors its ties reach (related: the incoming places, places within them, their ancestors,
      // and specific places within 25 km of a specific incoming place, as the search finds them).
      const related = new Set(incoming.places.flatMap((p) => [p.id, ...p.ancestors]));
      for (const p of places) if (p.ancestors.some((a) => related.has(a))) related.add(p.id);
      const specific = (p: PlaceFacts) => !(BROAD_PLACE_KINDS as readonly string[]).includes(p.kind);
      for (const p of incoming.places.filter(specific))
        for (const q of places.filter(specific))
          if (p.point && q.point && kmApart(p.point, q.point) <= NEARBY_KM * 1.01) related.add(q.id);
      // The search seeks the incoming actors named by id (not actor:anon-…), whatever their kind.
      const searched = new Set(incoming.actors.filter((x) => !x.id.startsWith("actor:anon-")).map((x) => x.id));
      const bound = scoreUpperBound(incoming, {
        type: stored.type,
        start: stored.start,
        places: stored.places.filter((p) => specific(p) && related.has(p.id)).map((p) => p.id),
        actors: stored.actors.filter((x) => searched.has(x.id)).map((x) => ({ id: x.id, role: x.role })),
      });
      assert.ok(
        bound.score >= real.score,
        `bound ${bound.score} < score ${real.score}: ${JSON.stringify({ incoming, stored, real })}`,
      );
      if (real.decision !== "NONE") {
        scoredPairs++;
        if (bound.score === real.score) exact++;
      }
      if (real.decision === "MERGE") {
        assert.ok(bound.mergeable, `a merge not marked mergeable: ${JSON.stringify({ incoming, stored, real })}`);
        merges++;
      }
      if (real.decision === "CANDIDATE") candidates++;
    }
    assert.ok(merges > 200 && candidates > 2000, `varied pairs (${merges} merges, ${candidates} candidates)`);
    // Tight too: a loose bound is still right but makes ingest read candidates that cannot matter.
    // (The bound without places' kinds and actors' roles equalled the score on 24% of these pairs; this one on 72%.)
    assert.ok(exact / scoredPairs > 0.65, `the bound equals the score on ${exact} of ${scoredPairs} scored pairs`);
  });
});
