import type { Event } from "./model.ts";

/**
 * The events a selection stands for on the timeline: an event itself; an
 * actor's or a place's events; a claim's event(s). Null when nothing is
 * selected (nothing is dimmed then).
 */
export function relatedEvents(events: Event[], selection: string | null): Set<string> | null {
  if (!selection) return null;
  const ids = new Set<string>([selection]);
  for (const e of events)
    if (
      e.actors.some((a) => a.id === selection) ||
      e.locations.some((l) => l.id === selection) ||
      e.claims.some((c) => c.id === selection || c.claimant?.id === selection)
    )
      ids.add(e.id);
  return ids;
}
