import type { SearchHit } from "../data/search.ts";
import { searchResults } from "../views/search-results.ts";
import type { Layout } from "./layout.ts";
import type { Store } from "./state.ts";

/**
 * Wires the search box: results as you type (after a pause), Down moves into
 * them, choosing selects the hit or adds it as a filter chip, Escape closes.
 */
export function bindSearch(
  layout: Layout,
  search: (text: string, signal: AbortSignal) => Promise<SearchHit[]>,
  store: Store,
  onChoice: (hit: SearchHit) => void = () => {},
): void {
  const { search: input, results } = layout;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | null = null;
  const close = () => {
    pending?.abort();
    results.hidden = true;
    results.replaceChildren();
  };
  const show = async () => {
    const text = input.value.trim();
    if (!text) return close();
    pending?.abort();
    const request = new AbortController();
    pending = request;
    let hits: SearchHit[];
    try {
      hits = await search(text, request.signal);
    } catch (error) {
      if (request.signal.aborted) return;
      results.replaceChildren(
        Object.assign(document.createElement("p"), {
          className: "error",
          textContent: `Search failed: ${(error as Error).message}`,
        }),
      );
      results.hidden = false;
      return;
    }
    if (request.signal.aborted || input.value.trim() !== text) return;
    const view = searchResults(hits, text);
    view.addEventListener("input", () => {
      const choice = view.value;
      if (!choice) return;
      const hit = hits.find((h) => h.id === choice.id);
      if (hit) onChoice(hit);
      const f = store.state.filters;
      if (choice.mode === "filter") {
        const group = choice.kind === "actor" ? "actors" : "locations";
        if (!f[group].includes(choice.id)) store.set({ filters: { ...f, [group]: [...f[group], choice.id] } });
      } else store.set({ selection: choice.id });
      close();
      input.value = "";
    });
    results.replaceChildren(view);
    results.hidden = false;
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(show, 150);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      clearTimeout(timer);
      e.preventDefault();
      show().then(() => results.querySelector<HTMLElement>("li[role=option]")?.click());
    } else if (e.key === "ArrowDown") {
      clearTimeout(timer);
      e.preventDefault();
      (results.hidden ? show() : Promise.resolve()).then(() =>
        results.querySelector<HTMLElement>("li[role=option]")?.focus(),
      );
    } else if (e.key === "Escape") {
      close();
      input.value = "";
    }
  });
  results.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      close();
      input.focus();
    }
  });
  document.addEventListener("click", (e) => {
    if (!layout.search.parentElement?.contains(e.target as Node)) close();
  });
}
