import type { AppState, Store } from "./state.ts";
import { stateFromUrl, urlFromState } from "./url.ts";

/**
 * Keeps the URL in step with the state: a new history entry when what is
 * looked at changes (selection, window, filters), a replaced one for zoom and
 * layout tweaks; Back and Forward restore the state.
 */
export function syncUrl(store: Store): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((state: AppState, previous: AppState) => {
    const url = `${location.pathname}${urlFromState(state)}`;
    if (url === `${location.pathname}${location.search}`) return;
    const meaningful =
      state.selection !== previous.selection ||
      String(state.window) !== String(previous.window) ||
      JSON.stringify(state.filters) !== JSON.stringify(previous.filters);
    clearTimeout(timer);
    if (meaningful) history.pushState(null, "", url);
    else
      timer = setTimeout(() => history.replaceState(null, "", `${location.pathname}${urlFromState(store.state)}`), 250);
  });
  addEventListener("popstate", () => store.set(stateFromUrl(location.search)));
}
