import { loadEventSources } from "../data/sources.ts";

/**
 * Puts the "reported by N independent sources" section at the top of the
 * evidence panel for a selected event, as of the analyst's date. A newer
 * selection cancels an older request, so a slow answer never lands on the
 * wrong event.
 */
let pending: AbortController | null = null;

export function showSources(panel: HTMLElement, eventId: string, asOf: Date | null): void {
  pending?.abort();
  const request = new AbortController();
  pending = request;
  const slot = document.createElement("div");
  slot.className = "sources-slot";
  slot.setAttribute("aria-live", "polite");
  panel.prepend(slot);
  // The view is its own chunk, loaded with the data (like the evidence panel it sits in).
  Promise.all([loadEventSources(eventId, asOf, request.signal), import("../views/sources.ts")])
    .then(([s, { notYetReported, sourcesView }]) => {
      if (request.signal.aborted) return;
      // The evidence panel's inner width, less its padding.
      const width = Math.floor(panel.clientWidth) - 24;
      slot.replaceChildren(s ? sourcesView(s, { width }) : notYetReported(asOf ?? new Date()));
    })
    .catch((error: Error) => {
      if (request.signal.aborted) return;
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = `Sources could not be loaded: ${error.message}`;
      slot.replaceChildren(p);
    });
}
