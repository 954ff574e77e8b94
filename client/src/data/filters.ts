import type { Event } from "./model.ts";

/** The analyst's filters; empty lists mean "any". */
export interface Filters {
  types: string[];
  actors: string[];
  locations: string[];
  /** Events below this confidence (0–1) are hidden; 0 keeps all. */
  minConfidence: number;
  /** Only what had been published by then (the API's asOf); null: everything. */
  asOf: Date | null;
}

export const noFilters: Filters = { types: [], actors: [], locations: [], minConfidence: 0, asOf: null };

export type TimeWindow = [Date, Date] | null;

/** Whether the event's possible range overlaps the window (dates are uncertain, so overlap, not containment). */
export function overlaps(event: Event, range: TimeWindow): boolean {
  return !range || (event.end >= range[0] && event.start <= range[1]);
}

export function matchesFilters(event: Event, filters: Filters): boolean {
  if (filters.types.length && !filters.types.includes(event.type)) return false;
  if (filters.actors.length && !event.actors.some((a) => filters.actors.includes(a.id))) return false;
  if (filters.locations.length && !event.locations.some((l) => filters.locations.includes(l.id))) return false;
  if (filters.minConfidence > 0 && (event.confidence ?? 1) < filters.minConfidence) return false;
  return true;
}

export function filterEvents(events: Event[], filters: Filters, range: TimeWindow = null): Event[] {
  return events.filter((e) => matchesFilters(e, filters) && overlaps(e, range));
}

export function hasFilters(filters: Filters): boolean {
  return (
    filters.types.length + filters.actors.length + filters.locations.length > 0 ||
    filters.minConfidence > 0 ||
    filters.asOf !== null
  );
}
