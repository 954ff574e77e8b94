import type { AppState } from "./state.ts";

export type ViewName = "timeline" | "graph" | "map" | "evidence";
/** `timelineLater` is the timeline's load after a zoom, debounced. */
export type LoadName = "timeline" | "timelineLater" | "window" | "network" | "expansions" | "selection";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Rule {
  /** What changed, for reading the table. */
  change: string;
  when: (s: AppState, p: AppState) => boolean;
  /** Redrawn at once from what is loaded. */
  redraw: ViewName[];
  /** Loaded; each load redraws what it brings (see {@link loadRedraws}). */
  load: LoadName[];
}

const filtersChanged = (s: AppState, p: AppState) => !same(s.filters, p.filters);
const graphShapeChanged = (s: AppState, p: AppState) =>
  s.graphMode !== p.graphMode || !same(s.expanded, p.expanded) || !same(s.removed, p.removed);

/** The table: a state change → the views redrawn now and the loads started. */
export const rules: Rule[] = [
  { change: "lanes", when: (s, p) => s.lanes !== p.lanes, redraw: ["timeline"], load: [] },
  {
    change: "selection",
    when: (s, p) => s.selection !== p.selection,
    redraw: ["timeline", "graph", "map", "evidence"],
    load: ["selection"],
  },
  { change: "graph mode, expansions or removals", when: graphShapeChanged, redraw: ["graph"], load: [] },
  { change: "filters", when: filtersChanged, redraw: [], load: ["timeline", "window", "network"] },
  {
    change: "zoom",
    when: (s, p) => !filtersChanged(s, p) && !same(s.domain, p.domain),
    redraw: [],
    load: ["timelineLater"],
  },
  { change: "window", when: (s, p) => !same(s.window, p.window), redraw: [], load: ["window", "network"] },
  { change: "graph mode", when: (s, p) => s.graphMode !== p.graphMode, redraw: [], load: ["network"] },
  { change: "expansions", when: (s, p) => !same(s.expanded, p.expanded), redraw: [], load: ["expansions"] },
  {
    change: "as of",
    when: (s, p) => (s.filters.asOf?.getTime() ?? null) !== (p.filters.asOf?.getTime() ?? null),
    // The evidence panel's sources are read as of the date: redrawn even when the window's events stay the same.
    redraw: ["evidence"],
    load: ["expansions"],
  },
];

/** What each load redraws once it brings something new. */
export const loadRedraws: Record<LoadName, ViewName[]> = {
  timeline: ["timeline"],
  timelineLater: ["timeline"],
  window: ["graph", "map", "evidence"],
  network: ["graph"],
  expansions: ["graph"],
  selection: ["evidence", "timeline"],
};

/**
 * The redraws and loads for a change. The view that reported a window or a
 * selection already shows it, so it is not redrawn (that would cut a brush or
 * a drag short) unless something else it draws changed too.
 */
export function reactionTo(
  s: AppState,
  p: AppState,
  source: ViewName | null,
): { redraw: Set<ViewName>; load: Set<LoadName> } {
  const redraw = new Set<ViewName>();
  const load = new Set<LoadName>();
  for (const rule of rules)
    if (rule.when(s, p)) {
      for (const v of rule.redraw) redraw.add(v);
      for (const l of rule.load) load.add(l);
    }
  if (source && !filtersChanged(s, p) && s.lanes === p.lanes && !graphShapeChanged(s, p)) redraw.delete(source);
  return { redraw, load };
}
