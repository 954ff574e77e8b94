import type { Filters, TimeWindow } from "../data/filters.ts";
import { noFilters } from "../data/filters.ts";

export type Lanes = "type" | "actor" | "location";
export type GraphMode = "events" | "actors";

/** Everything a shared URL restores. */
export interface AppState {
  /** The brushed time window every view follows; null is "all time". */
  window: TimeWindow;
  /** The timeline's zoomed domain; null fits the data. */
  domain: TimeWindow;
  /** The selected node (event, actor, location or claim) id. */
  selection: string | null;
  filters: Filters;
  lanes: Lanes;
  graphMode: GraphMode;
  /** Graph nodes whose neighbours were added (double-click). */
  expanded: string[];
  /** Graph nodes the analyst removed. */
  removed: string[];
}

export const initialState: AppState = {
  window: null,
  domain: null,
  selection: null,
  filters: noFilters,
  lanes: "type",
  graphMode: "events",
  expanded: [],
  removed: [],
};

export type Listener = (state: AppState, previous: AppState) => void;

/** The one store: views never touch it; the shell reads, patches and listens. */
export class Store {
  #state: AppState;
  #listeners = new Set<Listener>();
  constructor(state: AppState) {
    this.#state = state;
  }
  get state(): AppState {
    return this.#state;
  }
  set(patch: Partial<AppState>): void {
    const previous = this.#state;
    const next = { ...previous, ...patch };
    if (sameState(previous, next)) return;
    this.#state = next;
    for (const listener of this.#listeners) listener(next, previous);
  }
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const time = (w: TimeWindow) => (w ? `${w[0].getTime()}-${w[1].getTime()}` : "");

export function sameState(a: AppState, b: AppState): boolean {
  return (
    time(a.window) === time(b.window) &&
    time(a.domain) === time(b.domain) &&
    a.selection === b.selection &&
    JSON.stringify(a.filters) === JSON.stringify(b.filters) &&
    a.lanes === b.lanes &&
    a.graphMode === b.graphMode &&
    a.expanded.join() === b.expanded.join() &&
    a.removed.join() === b.removed.join()
  );
}
