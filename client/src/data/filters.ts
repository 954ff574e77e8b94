import type { EventType } from "../../../server/src/model/vocabulary.ts";
import type { Event } from "./model.ts";

/** The analyst's filters; empty lists mean "any". */
export interface Filters {
  types: EventType[];
  actors: string[];
  locations: string[];
  /** Events below this confidence (0–1) are hidden; 0 keeps all. */
  minConfidence: number;
  /** Only what had been published by then (the API's asOf); null: everything. */
  asOf: Date | null;
  /** Events backed by fewer independent sources are hidden; 0 keeps all (the API's minIndependentSources). */
  minSources: number;
}

export const noFilters: Filters = {
  types: [],
  actors: [],
  locations: [],
  minConfidence: 0,
  asOf: null,
  minSources: 0,
};

export type TimeWindow = [Date, Date] | null;

/** Whether the event's possible range overlaps the window (dates are uncertain, so overlap, not containment). */
export function overlaps(event: Event, range: TimeWindow): boolean {
  return !range || (event.end >= range[0] && event.start <= range[1]);
}

export function matchesFilters(event: Event, filters: Filters): boolean {
  if (filters.types.length && !filters.types.includes(event.type as EventType)) return false;
  if (filters.actors.length && !event.actors.some((a) => filters.actors.includes(a.id))) return false;
  if (filters.locations.length && !event.locations.some((l) => filters.locations.includes(l.id))) return false;
  if (filters.minConfidence > 0 && (event.confidence ?? 1) < filters.minConfidence) return false;
  if (filters.minSources > 0 && event.independentSources < filters.minSources) return false;
  return true;
}

export function filterEvents(events: Event[], filters: Filters, range: TimeWindow = null): Event[] {
  return events.filter((e) => matchesFilters(e, filters) && overlaps(e, range));
}

export function hasFilters(filters: Filters): boolean {
  return (
    filters.types.length + filters.actors.length + filters.locations.length > 0 ||
    filters.minConfidence > 0 ||
    filters.minSources > 0 ||
    filters.asOf !== null
  );
}
