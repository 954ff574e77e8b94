import { typeName } from "../data/palette.ts";
import { formatDay } from "../data/text.ts";
import { type Chip, chips } from "../views/chips.ts";
import type { AppState } from "./state.ts";

/** The chips for the active filters and window; `label` names the actors and places it knows. */
export function filterChips(state: AppState, label: Map<string, string>) {
  const list: Chip[] = [
    ...state.filters.types.map((t) => ({
      key: `types:${t}`,
      group: "type",
      label: typeName(t),
    })),
    ...state.filters.actors.map((id) => ({ key: `actors:${id}`, group: "actor", label: label.get(id) ?? id })),
    ...state.filters.locations.map((id) => ({ key: `locations:${id}`, group: "place", label: label.get(id) ?? id })),
  ];
  if (state.filters.minConfidence > 0)
    list.push({
      key: "confidence:",
      group: "confidence",
      label: `≥ ${Math.round(state.filters.minConfidence * 100)}%`,
    });
  if (state.filters.asOf)
    list.push({ key: "asof:", group: "as of", label: `as of ${state.filters.asOf.toISOString().slice(0, 16)}Z` });
  if (state.window)
    list.push({
      key: "window:",
      group: "window",
      label: `${formatDay(state.window[0])} – ${formatDay(state.window[1])}`,
    });
  return chips(list);
}

/** The state patch that removes one chip (or all of them). */
export function removeChip(state: AppState, key: string): Partial<AppState> {
  if (key === "all")
    return { filters: { types: [], actors: [], locations: [], minConfidence: 0, asOf: null }, window: null };
  const [group, ...rest] = key.split(":");
  const id = rest.join(":");
  const f = state.filters;
  if (group === "window") return { window: null };
  if (group === "confidence") return { filters: { ...f, minConfidence: 0 } };
  if (group === "asof") return { filters: { ...f, asOf: null } };
  if (group === "types" || group === "actors" || group === "locations")
    return { filters: { ...f, [group]: f[group].filter((x) => x !== id) } };
  return {};
}

/** The status line: how many events match (or are in the window), how many the graph and map show, how many exist. */
export function statusLine(state: AppState, shown: number, total: number, stored: number): string {
  const scope = state.window ? "in the window" : "match";
  const cut = shown < total ? `, the first ${shown} in the graph and map (narrow the window for the rest)` : "";
  return `${total} event${total === 1 ? "" : "s"} ${scope}${cut} · ${stored} in the graph`;
}
