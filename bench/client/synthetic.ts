import type { Event, GraphData, GraphNode } from "../../client/src/data/model.ts";
// The same deterministic stream as the synthetic graph, so every run draws the same data.
import { mulberry32 as random } from "../../seeds/synthetic/random.ts";
import type { EventType } from "../../server/src/model/vocabulary.ts";

const types: EventType[] = [
  "ATTACK",
  "AIRSTRIKE",
  "THREAT",
  "CEASEFIRE",
  "NEGOTIATION",
  "MEETING",
  "ANNOUNCEMENT",
  "WITHDRAWAL",
];
const precisions = ["DAY", "DAY", "DAY", "MONTH", "RANGE", "APPROXIMATE"];

/** `n` shaped events over 2000–2024 with a mix of exact days and uncertain ranges. */
export function syntheticEvents(n: number, seed = 7): Event[] {
  const r = random(seed);
  const t0 = Date.UTC(2000, 0, 1);
  const span = Date.UTC(2024, 11, 31) - t0;
  const day = 864e5;
  const events: Event[] = [];
  for (let i = 0; i < n; i++) {
    const precision = precisions[Math.floor(r() * precisions.length)];
    const start = t0 + Math.floor((r() * span) / day) * day;
    const length = precision === "DAY" ? day : precision === "MONTH" ? 30 * day : Math.ceil(r() * 90) * day;
    events.push({
      id: `event:${i}`,
      type: types[Math.floor(r() * types.length)],
      title: `Synthetic event ${i}`,
      summary: null,
      start: new Date(start),
      end: new Date(start + length),
      startOpen: false,
      endOpen: false,
      precision,
      edtf: null,
      confidence: 0.5 + r() / 2,
      independentSources: 1 + (i % 3),
      actors: [],
      locations: [],
      claims: [],
      evidence: [],
    });
  }
  return events.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** A random graph with `n` nodes of the four kinds and `m` links, preferential to early nodes (hubs). */
export function syntheticGraph(n: number, m: number, seed = 11): GraphData {
  const r = random(seed);
  const kinds: GraphNode["kind"][] = ["actor", "event", "event", "location", "claim"];
  const nodes: GraphNode[] = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    kind: kinds[i % kinds.length],
    label: `Node ${i}`,
    labelAr: null,
    subtype: types[0],
    weight: 1 + Math.floor(r() * 5),
  }));
  const links = Array.from({ length: m }, (_, i) => {
    const s = Math.floor(r() * n);
    const t = Math.floor(r() ** 2 * n);
    return {
      source: `n${s}`,
      target: `n${t === s ? (t + 1) % n : t}`,
      kind: i % 3 ? "PARTICIPANT" : "OCCURRED_IN",
      weight: 1,
    };
  });
  return { nodes, links };
}
