import { type AppState, type Store, sameState } from "./state.ts";
import { stateFromUrl, urlFromState } from "./url.ts";

/**
 * Keeps the URL in step with the state: a new history entry when what is
 * looked at changes (selection, window, filters, lanes, graph), a replaced
 * one while zooming; Back and Forward restore the state.
 */
export function syncUrl(store: Store): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  store.subscribe((state: AppState, previous: AppState) => {
    const url = `${location.pathname}${urlFromState(state)}`;
    if (url === `${location.pathname}${location.search}`) return;
    // Zooming alone only replaces the entry (debounced); anything else is a step Back can undo.
    const meaningful = !sameState({ ...state, domain: null }, { ...previous, domain: null });
    clearTimeout(timer);
    if (meaningful) history.pushState(null, "", url);
    else
      timer = setTimeout(() => history.replaceState(null, "", `${location.pathname}${urlFromState(store.state)}`), 250);
  });
  addEventListener("popstate", () => store.set(stateFromUrl(location.search)));
}
