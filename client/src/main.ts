import { loadEvents } from "./data/events.ts";
import { graph } from "./views/graph.ts";
import { timeline } from "./views/timeline.ts";

function panel(title: string, content: Node): HTMLElement {
  const section = document.createElement("section");
  section.className = "panel";
  const h = document.createElement("h2");
  h.textContent = title;
  section.append(h, content);
  return section;
}

async function start() {
  const app = document.getElementById("app") as HTMLElement;
  try {
    const events = await loadEvents();
    const width = Math.max(600, app.clientWidth - 30);
    app.replaceChildren(
      panel(`Timeline (${events.length} events)`, timeline(events, { width })),
      panel("Who is connected to what", graph(events, { width })),
    );
  } catch (error) {
    app.textContent = `Could not load events: ${(error as Error).message}`;
  }
}

start();
