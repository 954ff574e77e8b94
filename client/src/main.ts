import { createLayout } from "./app/layout.ts";
import { loadWhenAvailable, outageBanner } from "./app/outage-banner.ts";
import { Shell } from "./app/shell.ts";
import { Store } from "./app/state.ts";
import { stateFromUrl } from "./app/url.ts";
import { syncUrl } from "./app/url-sync.ts";
import { legend } from "./views/legend.ts";

async function start() {
  const app = document.getElementById("app") as HTMLElement;
  const layout = createLayout(app);
  layout.legend.append(legend());
  const store = new Store(stateFromUrl(location.search));
  const shell = new Shell(layout, store);
  // While the database is down a banner says so; when it is back, the page reloads its data.
  let loaded = false;
  outageBanner(() => {
    if (loaded) shell.load().catch((error) => console.error(error));
  });
  try {
    await loadWhenAvailable(() => shell.load());
  } catch (error) {
    app.textContent = `Could not load events: ${(error as Error).message}`;
    return;
  }
  loaded = true;
  syncUrl(store);
  app.classList.add("ready");

  layout.ingestButton.addEventListener("click", async () => {
    // The ingest dialog is its own chunk: most visits never open it.
    const { openIngest } = await import("./app/ingest.ts");
    openIngest({
      onIngested: async (firstEvent) => {
        await shell.load();
        if (firstEvent) store.set({ selection: firstEvent });
      },
    });
  });

  layout.reviewButton.addEventListener("click", async () => {
    const { openCandidateReview } = await import("./app/candidate-review.ts");
    openCandidateReview({ onChanged: () => shell.load() });
  });
  layout.duplicatesButton.addEventListener("click", async () => {
    const { openDuplicateReview } = await import("./app/duplicate-review.ts");
    openDuplicateReview({ onChanged: () => shell.load() });
  });
  // The as-of control shows the state's date and sets it (UTC, minute precision).
  const showAsOf = () => {
    const d = store.state.filters.asOf;
    layout.asOf.value = d ? d.toISOString().slice(0, 16) : "";
  };
  showAsOf();
  store.subscribe(showAsOf);
  layout.asOf.addEventListener("change", () => {
    const v = layout.asOf.value;
    const asOf = v ? new Date(`${v}:00Z`) : null;
    store.set({ filters: { ...store.state.filters, asOf: asOf && !Number.isNaN(asOf.getTime()) ? asOf : null } });
  });

  // Redraw when a panel changes size (window, splitter, maximise): the views take a size; the shell wraps them.
  const sizes = new Map<Element, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const resized = new ResizeObserver((entries) => {
    let changed = false;
    for (const e of entries) {
      const size = `${Math.round(e.contentRect.width / 8)}x${Math.round(e.contentRect.height / 8)}`;
      if (sizes.get(e.target) !== size) changed = sizes.has(e.target) || changed;
      sizes.set(e.target, size);
    }
    if (!changed) return;
    clearTimeout(timer);
    timer = setTimeout(() => shell.renderAll(), 150);
  });
  for (const slot of [layout.timeline.parentElement, layout.graph, layout.map]) if (slot) resized.observe(slot);

  document.addEventListener("keydown", (e) => {
    const target = e.target as HTMLElement;
    const typing = target.closest("input, textarea, select, dialog");
    if (e.key === "/" && !typing) {
      e.preventDefault();
      layout.search.focus();
    } else if (e.key === "Escape" && !typing && !e.defaultPrevented && store.state.selection)
      store.set({ selection: null });
  });
}

start();
