import { exportFormats } from "../data/export-url.ts";
import { h } from "./dom.ts";
import { panel, splitter } from "./panels.ts";

/** A toolbar button that opens a small panel of controls under it (a native `<details>`). */
function toolbarMenu(id: string, label: string, title: string, ...items: Node[]): HTMLDetailsElement {
  return h(
    "details",
    { class: "toolbar-menu", id },
    h("summary", { class: "button", title }, label),
    h("div", { class: "menu-items" }, ...items),
  );
}

/** A menu closes once one of its buttons or links is used, on Escape, and on a click elsewhere. */
function closesWhenDone(menu: HTMLDetailsElement): void {
  menu.addEventListener("click", (e) => {
    if ((e.target as Element).closest(".menu-items button, .menu-items a")) menu.open = false;
  });
  menu.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && menu.open) {
      menu.open = false;
      menu.querySelector("summary")?.focus();
    }
  });
  document.addEventListener("click", (e) => {
    if (menu.open && !menu.contains(e.target as Node)) menu.open = false;
  });
}

/** The workspace's fixed frame; views are rendered into its slots. */
export function createLayout(root: HTMLElement) {
  const search = h("input", {
    type: "search",
    id: "search",
    placeholder: "Search actors, places, events ( / )",
    title: "Search actors, places, events and claims, in Arabic or English ( / )",
    "aria-label": "Search",
    autocomplete: "off",
  });
  const results = h("div", { class: "search-popup", hidden: "" });
  const lanes = h(
    "select",
    { id: "lanes", "aria-label": "Timeline lanes" },
    h("option", { value: "type" }, "lanes: type"),
    h("option", { value: "actor" }, "lanes: actor"),
    h("option", { value: "location" }, "lanes: place"),
  );
  const confidence = h(
    "select",
    { id: "confidence", "aria-label": "Minimum confidence" },
    h("option", { value: "0" }, "any confidence"),
    h("option", { value: "0.5" }, "confidence ≥ 50%"),
    h("option", { value: "0.7" }, "confidence ≥ 70%"),
    h("option", { value: "0.9" }, "confidence ≥ 90%"),
  );
  // Corroboration: hide events fewer independent sources back (kept in the URL as ?sources=).
  const sources = h(
    "select",
    { id: "min-sources", "aria-label": "Minimum independent sources", title: "Minimum independent sources" },
    h("option", { value: "0" }, "any sources"),
    h("option", { value: "2" }, "≥ 2 sources"),
    h("option", { value: "3" }, "≥ 3 sources"),
  );
  const graphMode = h(
    "select",
    { id: "graph-mode", "aria-label": "Graph" },
    h("option", { value: "events" }, "events, who, where"),
    h("option", { value: "actors" }, "actor network"),
  );
  const graphMetric = h(
    "select",
    { id: "graph-metric", "aria-label": "Node size by", title: "What sizes the nodes (and whose labels show first)" },
    h("option", { value: "degree" }, "by degree"),
    h("option", { value: "pagerank" }, "by PageRank"),
    h("option", { value: "betweenness" }, "by betweenness"),
    h("option", { value: "weight" }, "by events"),
  );
  const exportFormat = h(
    "select",
    { id: "export-format", "aria-label": "Export format" },
    ...exportFormats.map(([v, label]) => h("option", { value: v }, label)),
  );
  const exportScope = h(
    "select",
    { id: "export-scope", "aria-label": "What to export" },
    h("option", { value: "shown" }, "what is shown"),
    h("option", { value: "selection" }, "selection + 1 hop"),
    h("option", { value: "all" }, "everything"),
  );
  const exportLink = h("a", { id: "export", class: "button", download: "" }, "Download");
  const ingestButton = h("button", { type: "button", id: "ingest-open", class: "button" }, "Ingest article…");
  const reviewButton = h("button", { type: "button", id: "review-open", class: "button" }, "Review duplicates…");
  const duplicatesButton = h(
    "button",
    {
      type: "button",
      id: "duplicates-open",
      class: "button",
      title: "Actors and places that may be one: merge or dismiss",
    },
    "Possible duplicates…",
  );
  // "As of": only what had been published by then (kept in the URL as ?asof=).
  const asOf = h("input", {
    type: "datetime-local",
    id: "as-of",
    "aria-label": "As of (UTC): only what was published by then",
  });
  const legendButton = h("button", { type: "button", id: "legend-toggle", "aria-expanded": "false" }, "Legend");
  // Export's choices and the dialogs an analyst opens now and then sit in menus, so the toolbar
  // stays one line at 1280 px (the readability test checks it).
  const exportMenu = toolbarMenu(
    "export-menu",
    "Export",
    "Download what is shown, the selection or everything, for Gephi, Cytoscape, networkx, QGIS or Neo4j",
    h("label", {}, "What ", exportScope),
    h("label", {}, "Format ", exportFormat),
    exportLink,
  );
  const more = toolbarMenu(
    "toolbar-more",
    "More",
    "Review duplicates, possible duplicates",
    reviewButton,
    duplicatesButton,
  );
  const chips = h("div", { class: "chips-slot" });
  const status = h("span", { class: "status", role: "status" });
  const notice = h("div", { class: "notice", role: "status", hidden: "" });
  const toolbar = h(
    "div",
    { class: "toolbar", role: "toolbar", "aria-label": "Search, filters, export" },
    h("div", { class: "search-box" }, search, results),
    lanes,
    confidence,
    sources,
    h("label", { class: "as-of", title: "Only what had been published by then (UTC)" }, "As of ", asOf),
    exportMenu,
    ingestButton,
    legendButton,
    more,
  );
  const legend = h("div", { class: "legend-slot", hidden: "" });
  const button = (id: string, title: string, text: string) => h("button", { type: "button", id, title }, text);
  const expand = button("graph-expand", "Add the selection's unseen neighbours (or double-click a node)", "Expand");
  const remove = button("graph-remove", "Remove the selected node (Delete)", "Remove");
  const pin = button("graph-pin", "Pin or unpin the selected node (p; dragging pins)", "Pin");
  const reset = button("graph-reset", "Undo expansions and removals", "Reset");
  const graphNote = h("span", { class: "panel-note", role: "status" });
  const graphInfo = h("p", { class: "panel-info" });
  const timeline = h("div", { class: "slot timeline-slot" });
  const strip = h("div", { class: "strip-slot" });
  const graph = h("div", { class: "slot graph-slot" });
  const map = h("div", { class: "slot map-slot" });
  const evidence = h("div", { class: "slot evidence-slot" });
  const timelineTitle = h("span", { class: "panel-note" }, "");
  const timelinePanel = panel("Timeline", "timeline", [timelineTitle], [timeline, strip]);
  const graphPanel = panel(
    "Relationships",
    "graph",
    [graphMode, graphMetric, expand, remove, pin, reset, graphNote],
    [graphInfo, graph],
  );
  const mapPanel = panel("Map", "map", [], [map]);
  const evidencePanel = panel("Evidence", "evidence", [], [evidence]);
  const pair = h(
    "div",
    { class: "pair" },
    graphPanel,
    splitter("col", "--map-width", "Resize graph and map"),
    mapPanel,
  );
  const views = h(
    "div",
    { class: "views" },
    timelinePanel,
    splitter("row", "--timeline-height", "Resize timeline"),
    pair,
  );
  const workspace = h(
    "div",
    { class: "workspace" },
    views,
    splitter("col", "--evidence-width", "Resize evidence panel"),
    evidencePanel,
  );
  root.replaceChildren(toolbar, h("div", { class: "filter-bar" }, chips, status), notice, legend, workspace);
  return {
    search,
    results,
    lanes,
    confidence,
    sources,
    graphMode,
    graphMetric,
    exportFormat,
    exportScope,
    exportLink,
    ingestButton,
    reviewButton,
    duplicatesButton,
    asOf,
    legendButton,
    menus: [exportMenu, more],
    legend,
    chips,
    status,
    notice,
    timeline,
    timelineTitle,
    strip,
    graph,
    graphNote,
    graphInfo,
    graphButtons: { expand, remove, pin, reset },
    map,
    evidence,
    workspace,
  };
}

export type Layout = ReturnType<typeof createLayout>;

/** What the controls ask of the app; the layout only wires them. */
export interface ControlHandlers {
  lanes(value: string): void;
  confidence(value: number): void;
  graphMode(value: string): void;
  graphMetric(value: string): void;
  exportChanged(): void;
  exportClicked(event: MouseEvent): void;
  graphButton(action: "expand" | "remove" | "pin" | "reset"): void;
}

/** Binds the toolbar and panel controls to the handlers. */
export function bindControls(layout: Layout, on: ControlHandlers): void {
  const { lanes, confidence, graphMode, graphMetric, exportFormat, exportScope, exportLink } = layout;
  lanes.addEventListener("change", () => on.lanes(lanes.value));
  confidence.addEventListener("change", () => on.confidence(Number(confidence.value)));
  graphMode.addEventListener("change", () => on.graphMode(graphMode.value));
  graphMetric.addEventListener("change", () => on.graphMetric(graphMetric.value));
  exportFormat.addEventListener("change", () => on.exportChanged());
  exportScope.addEventListener("change", () => on.exportChanged());
  exportLink.addEventListener("click", (e) => on.exportClicked(e));
  for (const menu of layout.menus) closesWhenDone(menu);
  layout.legendButton.addEventListener("click", () => {
    layout.legend.hidden = !layout.legend.hidden;
    layout.legendButton.setAttribute("aria-expanded", String(!layout.legend.hidden));
  });
  for (const [action, b] of Object.entries(layout.graphButtons))
    b.addEventListener("click", () => on.graphButton(action as "expand" | "remove" | "pin" | "reset"));
}
