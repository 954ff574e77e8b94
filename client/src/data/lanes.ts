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
  const lanes = new Map<string, Lane>();
  // Called once per event (per actor or place), 100,000 times for a large timeline: the lane's label is
  // made only when the lane is, and the duration read once.
  const put = (id: string, label: () => [string, string | null], e: Event) => {
    let lane = lanes.get(id);
    if (!lane) {
      const [name, nameAr] = label();
      lane = { key: id, label: name, labelAr: nameAr, events: [], maxDuration: 0 };
      lanes.set(id, lane);
    }
    lane.events.push(e);
    const d = e.end.getTime() - e.start.getTime();
    if (d > lane.maxDuration) lane.maxDuration = d;
  };
  const none: () => [string, null] = () => [key === "actor" ? "no actor" : "no place", null];
  for (const e of events) {
    if (key === "type") put(e.type, () => [typeName(e.type), null], e);
    else {
      const refs = key === "actor" ? e.actors : e.locations;
      const unique = new Map(refs.map((r) => [r.id, r]));
      if (!unique.size) put("(none)", none, e);
      for (const r of unique.values()) put(r.id, () => [r.name, r.nameAr], e);
    }
  }
  let list = [...lanes.values()];
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
      list = [...list.slice(0, maxLanes - 1), others];
    }
  }
  for (const lane of list) sortByStart(lane.events);
  return list;
}

/**
 * Sorts events by start in place. The events usually come sorted (the API
 * answers in start order), so one pass checks that first; otherwise the
 * starts are read once rather than twice per comparison.
 */
function sortByStart(events: Event[]): void {
  let sorted = true;
  for (let i = 1; i < events.length && sorted; i++) sorted = events[i - 1].start.getTime() <= events[i].start.getTime();
  if (sorted) return;
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
