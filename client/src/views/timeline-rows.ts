import type { LaneKey } from "../data/lanes.ts";
import { lanesBy } from "../data/lanes.ts";
import type { Event, TimelineMark } from "../data/model.ts";
import { okabeIto, typeColour } from "../data/palette.ts";

export interface RowItem {
  id: string;
  /** The sub-row that keeps it clear of overlapping items in its row. */
  slot: number;
  start: number;
  end: number;
  colour: string;
  event: Event | null;
  mark: TimelineMark | null;
}

export interface Row {
  key: string;
  kind: "events" | "claim" | "article";
  label: string;
  labelAr: string | null;
  colour: string;
  /** Sorted by start. */
  items: RowItem[];
  maxDuration: number;
  /** Sub-rows used by overlapping items (at most maxSlots). */
  slots: number;
  /** How many events the row stands for, when it draws counts rather than items. */
  total?: number;
}

/** Overlapping items stack in up to this many sub-rows; beyond, they share the last. */
export const maxSlots = 4;

/** Greedy interval packing: each item takes the first sub-row free at its start. */
function pack(items: RowItem[]): number {
  // A plain loop over at most `maxSlots` ends: this runs once per item of a 100,000-event timeline.
  const ends = new Float64Array(maxSlots).fill(Number.NEGATIVE_INFINITY);
  let used = 0;
  for (const it of items) {
    let k = 0;
    while (k < used && !(ends[k] < it.start)) k++;
    if (k === used) k = used < maxSlots ? used++ : maxSlots - 1;
    it.slot = k;
    if (it.end > ends[k]) ends[k] = it.end;
  }
  return Math.max(1, used);
}

function dominantColour(events: Event[]): string {
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  let best = "";
  let n = -1;
  for (const [type, c] of counts) if (c > n) [best, n] = [type, c];
  return typeColour(best);
}

/** The rows a timeline draws: event lanes, then claims, then article publications. */
export function timelineRows(events: Event[], marks: TimelineMark[], lanes: LaneKey): Row[] {
  const colours = new Map<string, string>();
  const colourOf = (type: string) => {
    let c = colours.get(type);
    if (c === undefined) {
      c = typeColour(type);
      colours.set(type, c);
    }
    return c;
  };
  const rows: Row[] = lanesBy(events, lanes).map((lane) => ({
    key: lane.key,
    kind: "events",
    label: lane.label,
    labelAr: lane.labelAr,
    colour: lanes === "type" ? typeColour(lane.key) : dominantColour(lane.events),
    items: lane.events.map((e) => ({
      id: e.id,
      slot: 0,
      start: e.start.getTime(),
      end: e.end.getTime(),
      colour: colourOf(e.type),
      event: e,
      mark: null,
    })),
    maxDuration: lane.maxDuration,
    slots: 1,
  }));
  for (const row of rows) row.slots = pack(row.items);
  for (const [kind, label, colour] of [
    ["claim", "claims stated", okabeIto.reddishPurple],
    ["article", "articles published", okabeIto.black],
  ] as const) {
    const items = marks
      .filter((m) => m.kind === kind)
      .map((m) => ({ id: m.id, slot: 0, start: m.date.getTime(), end: m.date.getTime(), colour, event: null, mark: m }))
      .sort((a, b) => a.start - b.start);
    if (items.length)
      rows.push({ key: `(${kind})`, kind, label, labelAr: null, colour, items, maxDuration: 0, slots: 1 });
  }
  return rows;
}

/** [first, last) indices of a row's items that may overlap [t0, t1]. */
export function visibleRange(row: Row, t0: number, t1: number): [number, number] {
  return [bisect(row.items, t0 - row.maxDuration), bisect(row.items, t1 + 1)];
}

function bisect(items: RowItem[], t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The item under a pointer at time `t` with `slack` ms either side: the
 * shortest range containing it (the most specific), else the nearest point.
 */
export function hitItem(row: Row, t: number, slack: number, slot = -1): RowItem | null {
  const [i0, i1] = visibleRange(row, t - slack, t + slack);
  let best: RowItem | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let i = i0; i < i1; i++) {
    const it = row.items[i];
    if (it.end < t - slack || it.start > t + slack || (slot >= 0 && it.slot !== slot)) continue;
    const score = it.end - it.start + Math.abs((it.start + it.end) / 2 - t) * 0.001;
    if (score < bestScore) [best, bestScore] = [it, score];
  }
  return best;
}
