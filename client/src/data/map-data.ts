import type { Event, LocationRef } from "./model.ts";

export interface MapPoint {
  location: LocationRef;
  longitude: number;
  latitude: number;
  /** The events placed here, in the current window and filters. */
  events: Event[];
}

/** One point per located place with the events that occurred there. */
export function mapPoints(events: Event[]): MapPoint[] {
  const byId = new Map<string, MapPoint>();
  for (const e of events)
    for (const l of e.locations) {
      if (l.latitude == null || l.longitude == null) continue;
      let p = byId.get(l.id);
      if (!p) {
        p = { location: l, longitude: l.longitude, latitude: l.latitude, events: [] };
        byId.set(l.id, p);
      }
      p.events.push(e);
    }
  // Big circles first, so the small ones on top stay clickable.
  return [...byId.values()].sort(
    (a, b) => b.events.length - a.events.length || (a.location.id < b.location.id ? -1 : 1),
  );
}
