import type { SearchHit } from "../data/search.ts";
import { searchResults } from "../views/search-results.ts";
import type { Layout } from "./layout.ts";
import type { Store } from "./state.ts";

/**
 * Wires the search box: results as you type (after a pause), Down moves into
 * them, choosing selects the hit or adds it as a filter chip, Escape closes.
 */
export function bindSearch(layout: Layout, search: (text: string) => SearchHit[], store: Store): void {
  const { search: input, results } = layout;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    results.hidden = true;
    results.replaceChildren();
  };
  const show = () => {
    const text = input.value.trim();
    if (!text) return close();
    const view = searchResults(search(text), text);
    view.addEventListener("input", () => {
      const choice = view.value;
      if (!choice) return;
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
    timer = setTimeout(show, 120);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      clearTimeout(timer);
      show();
      results.querySelector<HTMLElement>("li[role=option]")?.click();
      e.preventDefault();
    } else if (e.key === "ArrowDown") {
      clearTimeout(timer);
      if (results.hidden) show();
      results.querySelector<HTMLElement>("li[role=option]")?.focus();
      e.preventDefault();
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
