import type { GraphAction, GraphElement } from "../views/graph.ts";
import type { Layout } from "./layout.ts";
import type { AppState, Store } from "./state.ts";
import { type LazyViews, renderGraph } from "./view-slots.ts";
import type { WorkspaceData } from "./workspace-data.ts";

export type GraphButton = "expand" | "remove" | "pin" | "reset";

/**
 * The relationship graph's panel: what only the graph keeps (pinned nodes,
 * the sizing metric, the last rendering whose positions the next one
 * reuses) and what its actions and buttons ask of the state. `set` changes
 * the app state as coming from the graph or from a control; `redraw` asks
 * the shell to draw the graph again.
 */
export class GraphPanel {
  readonly pinned = new Set<string>();
  metric = "degree";
  view: GraphElement | null = null;
  readonly #layout: Layout;
  readonly #data: WorkspaceData;
  readonly #store: Store;
  readonly #set: (source: "graph" | null, patch: Partial<AppState>) => void;
  readonly #redraw: () => void;

  constructor(o: {
    layout: Layout;
    data: WorkspaceData;
    store: Store;
    set: (source: "graph" | null, patch: Partial<AppState>) => void;
    redraw: () => void;
  }) {
    this.#layout = o.layout;
    this.#data = o.data;
    this.#store = o.store;
    this.#set = o.set;
    this.#redraw = o.redraw;
  }

  #note(text: string) {
    this.#layout.graphNote.textContent = text;
  }

  /** Draws the graph for the state into its slot and listens to it. */
  render(lazy: LazyViews): void {
    const g = renderGraph(lazy, this.#layout.graph, this.#data, this.#store.state, {
      pinned: this.pinned,
      metric: this.metric,
      previous: this.view,
      note: (text) => {
        this.#layout.graphInfo.textContent = text;
        this.#layout.graphInfo.hidden = !text;
      },
    });
    g.addEventListener("input", () => this.#set("graph", { selection: g.value.selection }));
    g.addEventListener("graph-action", (e) => this.action((e as CustomEvent<GraphAction>).detail));
    this.view = g;
  }

  /** The ids of the nodes on screen (for "export what is shown"). */
  shownIds(): string[] {
    return this.view ? [...this.view.positions.keys()] : [];
  }

  /** Loads the new expansions and says how many unseen neighbours each brought. */
  async loadExpansions(): Promise<boolean> {
    const seen = new Set(this.view?.positions.keys() ?? []);
    const before = new Set(this.#data.expansions.keys());
    const expanded = this.#store.state.expanded;
    // Neighbourhoods are read as of the analyst's date, like every other view.
    const changed = await this.#data.loadExpansions(expanded, this.#store.state.filters.asOf);
    for (const id of expanded)
      if (!before.has(id)) {
        const fresh = (this.#data.expansions.get(id)?.nodes ?? []).filter((n) => !seen.has(n.id)).length;
        const name = this.#data.names.get(id) ?? id;
        this.#note(
          fresh
            ? `Expand: ${fresh} unseen neighbour${fresh === 1 ? "" : "s"} of ${name} added`
            : `${name} has no neighbours that are not already shown`,
        );
      }
    return changed;
  }

  /** What a node asked for (double-click, Delete, drag or "p"). */
  action({ action, id }: GraphAction): void {
    const s = this.#store.state;
    if (action === "expand") {
      if (s.graphMode === "actors") this.#set(null, { graphMode: "events" });
      if (this.#store.state.expanded.includes(id)) this.#note(`${this.#data.names.get(id) ?? id} is already expanded`);
      else
        this.#set(null, {
          expanded: [...this.#store.state.expanded, id],
          removed: s.removed.filter((r) => r !== id),
          selection: id,
        });
    } else if (action === "remove")
      this.#set(null, {
        removed: [...new Set([...s.removed, id])],
        expanded: s.expanded.filter((x) => x !== id),
        selection: s.selection === id ? null : s.selection,
      });
    else if (action === "pin") this.pinned.add(id);
    else if (action === "unpin") this.pinned.delete(id);
    // The context menu's "edit": the node's edit section is in the evidence panel.
    else if (action === "edit") this.#set(null, { selection: id });
  }

  /** The panel's buttons, which act on the selection. */
  button(action: GraphButton): void {
    const id = this.#store.state.selection;
    if (action === "reset") {
      this.pinned.clear();
      this.view = null;
      this.#note("");
      this.#set(null, { expanded: [], removed: [] });
      this.#redraw();
      return;
    }
    if (!id) {
      this.#note(`Select a node first, then ${action} it`);
      return;
    }
    if (action === "pin") {
      if (this.pinned.has(id)) this.pinned.delete(id);
      else this.pinned.add(id);
      this.#redraw();
    } else this.action({ action, id });
  }
}
