import type { Event } from "./model.ts";
import { typeName } from "./palette.ts";

export type LaneKey = "type" | "actor" | "location";

export interface Lane {
  key: string;
  label: string;
  labelAr: string | null;
  /** The lane's events, sorted by start. */
  events: Event[];
  /** The longest event in the lane (ms), bounding the search for what a window shows. */
  maxDuration: number;
}

/** How many actor or location lanes to draw before the rest share one "others" lane. */
const maxLanes = 14;

/**
 * Splits events into lanes by type, actor or location. An event with two
 * actors sits in both their lanes; one with none sits in "none".
 */
export function lanesBy(events: Event[], key: LaneKey): Lane[] {
  // One entry per lane, touched once per event (per actor or place): 100,000 times for a large timeline,
  // so the start and end are read once, and whether the lane is already in order is noted on the way.
  const lanes = new Map<string, { lane: Lane; last: number; sorted: boolean }>();
  const put = (id: string, label: string, labelAr: string | null, e: Event) => {
    let entry = lanes.get(id);
    if (!entry) {
      entry = {
        lane: { key: id, label, labelAr, events: [], maxDuration: 0 },
        last: Number.NEGATIVE_INFINITY,
        sorted: true,
      };
      lanes.set(id, entry);
    }
    const { lane } = entry;
    lane.events.push(e);
    const start = e.start.getTime();
    const d = e.end.getTime() - start;
    if (d > lane.maxDuration) lane.maxDuration = d;
    if (start < entry.last) entry.sorted = false;
    entry.last = start;
  };
  for (const e of events) {
    // A type lane is named once it exists (below), not per event.
    if (key === "type") put(e.type, "", null, e);
    else {
      const refs = key === "actor" ? e.actors : e.locations;
      const unique = new Map(refs.map((r) => [r.id, r]));
      if (!unique.size) put("(none)", key === "actor" ? "no actor" : "no place", null, e);
      for (const r of unique.values()) put(r.id, r.name, r.nameAr, e);
    }
  }
  for (const { lane, sorted } of lanes.values()) {
    if (key === "type") lane.label = typeName(lane.key);
    if (!sorted) sortByStart(lane.events);
  }
  let list = [...lanes.values()].map((entry) => entry.lane);
  if (key === "type") list.sort((a, b) => a.key.localeCompare(b.key));
  else {
    list.sort((a, b) => b.events.length - a.events.length || a.label.localeCompare(b.label));
    if (list.length > maxLanes) {
      const rest = list.slice(maxLanes - 1);
      const seen = new Set<Event>();
      const others: Lane = {
        key: "(others)",
        label: `${rest.length} others`,
        labelAr: null,
        events: [],
        maxDuration: 0,
      };
      for (const lane of rest)
        for (const e of lane.events)
          if (!seen.has(e)) {
            seen.add(e);
            others.events.push(e);
            others.maxDuration = Math.max(others.maxDuration, e.end.getTime() - e.start.getTime());
          }
      sortByStart(others.events);
      list = [...list.slice(0, maxLanes - 1), others];
    }
  }
  return list;
}

/** Sorts events by start in place, reading each start once rather than twice per comparison. */
function sortByStart(events: Event[]): void {
  const starts = new Map(events.map((e) => [e, e.start.getTime()]));
  events.sort((a, b) => (starts.get(a) as number) - (starts.get(b) as number));
}

/** Index of the first event in `events` (sorted by start) starting at or after `t`. */
export function bisectStart(events: Event[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid].start.getTime() < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
