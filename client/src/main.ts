import { openIngest } from "./app/ingest.ts";
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

  layout.ingestButton.addEventListener("click", () => {
    openIngest({
      onIngested: async (firstEvent) => {
        await shell.load();
        if (firstEvent) store.set({ selection: firstEvent });
      },
    });
  });

  // Redraw on resize: the views take a width; the shell wraps them.
  let width = app.clientWidth;
  let timer: ReturnType<typeof setTimeout> | undefined;
  new ResizeObserver(() => {
    if (Math.abs(app.clientWidth - width) < 8) return;
    width = app.clientWidth;
    clearTimeout(timer);
    timer = setTimeout(() => shell.renderAll(), 150);
  }).observe(app);

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
