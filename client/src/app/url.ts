import type { TimeWindow } from "../data/filters.ts";
import { type AppState, initialState, type Lanes } from "./state.ts";

const lanes: Lanes[] = ["type", "actor", "location"];

function parseWindow(from: string | null, to: string | null): TimeWindow {
  if (!from || !to) return null;
  const a = new Date(from);
  const b = new Date(to);
  return Number.isNaN(a.getTime()) || Number.isNaN(b.getTime()) || a >= b ? null : [a, b];
}

function parseDate(value: string | null): Date | null {
  const d = value ? new Date(value) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

const list = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);

/** Reads the state a URL's query string describes; anything missing or malformed is the default. */
export function stateFromUrl(search: string): AppState {
  const p = new URLSearchParams(search);
  const conf = Number(p.get("conf"));
  return {
    window: parseWindow(p.get("from"), p.get("to")),
    domain: parseWindow(p.get("view0"), p.get("view1")),
    selection: p.get("sel") || null,
    filters: {
      types: list(p.get("types")),
      actors: list(p.get("actors")),
      locations: list(p.get("locations")),
      minConfidence: conf > 0 && conf <= 1 ? conf : 0,
      asOf: parseDate(p.get("asof")),
    },
    lanes: lanes.includes(p.get("lanes") as Lanes) ? (p.get("lanes") as Lanes) : initialState.lanes,
    graphMode: p.get("graph") === "actors" ? "actors" : "events",
    expanded: list(p.get("expand")),
    removed: list(p.get("remove")),
  };
}

/** The query string for a state; defaults are left out so URLs stay short. */
export function urlFromState(state: AppState): string {
  const p = new URLSearchParams();
  if (state.window) {
    p.set("from", state.window[0].toISOString());
    p.set("to", state.window[1].toISOString());
  }
  if (state.domain) {
    p.set("view0", state.domain[0].toISOString());
    p.set("view1", state.domain[1].toISOString());
  }
  if (state.selection) p.set("sel", state.selection);
  const f = state.filters;
  if (f.types.length) p.set("types", f.types.join(","));
  if (f.actors.length) p.set("actors", f.actors.join(","));
  if (f.locations.length) p.set("locations", f.locations.join(","));
  if (f.minConfidence > 0) p.set("conf", String(f.minConfidence));
  if (f.asOf) p.set("asof", f.asOf.toISOString());
  if (state.lanes !== initialState.lanes) p.set("lanes", state.lanes);
  if (state.graphMode !== initialState.graphMode) p.set("graph", state.graphMode);
  if (state.expanded.length) p.set("expand", state.expanded.join(","));
  if (state.removed.length) p.set("remove", state.removed.join(","));
  const s = p.toString();
  return s ? `?${s}` : "";
}
