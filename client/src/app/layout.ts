import { exportFormats } from "../data/export-url.ts";
import { h } from "./dom.ts";

/** The workspace's fixed frame; views are rendered into its slots. */
export function createLayout(root: HTMLElement) {
  const search = h("input", {
    type: "search",
    id: "search",
    placeholder: "Search actors, places, events, claims — Arabic or English  ( / )",
    "aria-label": "Search",
    autocomplete: "off",
  });
  const results = h("div", { class: "search-popup", hidden: "" });
  const lanes = h(
    "select",
    { id: "lanes", "aria-label": "Timeline lanes" },
    h("option", { value: "type" }, "lanes: event type"),
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
  const graphMode = h(
    "select",
    { id: "graph-mode", "aria-label": "Graph" },
    h("option", { value: "events" }, "actors, events, places, claims"),
    h("option", { value: "actors" }, "actor network (shared events)"),
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
  const exportLink = h("a", { id: "export", class: "button", download: "" }, "Export");
  const ingestButton = h("button", { type: "button", id: "ingest-open", class: "button" }, "Ingest article…");
  const legendButton = h("button", { type: "button", id: "legend-toggle", "aria-expanded": "false" }, "Legend");
  const chips = h("div", { class: "chips-slot" });
  const status = h("span", { class: "status", role: "status" });
  const toolbar = h(
    "div",
    { class: "toolbar", role: "toolbar", "aria-label": "Search, filters, export" },
    h("div", { class: "search-box" }, search, results),
    lanes,
    confidence,
    h("span", { class: "export-group" }, exportScope, exportFormat, exportLink),
    ingestButton,
    legendButton,
  );
  const legend = h("div", { class: "legend-slot", hidden: "" });
  const timeline = h("div", { class: "slot timeline-slot" });
  const graphTools = h(
    "div",
    { class: "panel-tools" },
    graphMode,
    h(
      "button",
      { type: "button", id: "graph-expand", title: "Add the selection's neighbours (or double-click a node)" },
      "Expand",
    ),
    h("button", { type: "button", id: "graph-remove", title: "Remove the selected node (Delete)" }, "Remove"),
    h("button", { type: "button", id: "graph-pin", title: "Pin or unpin the selected node (p; dragging pins)" }, "Pin"),
    h("button", { type: "button", id: "graph-reset", title: "Undo expansions and removals" }, "Reset"),
  );
  const graph = h("div", { class: "slot graph-slot" });
  const map = h("div", { class: "slot map-slot" });
  const evidence = h("div", { class: "slot evidence-slot" });
  const panel = (title: string, id: string, ...content: Node[]) =>
    h(
      "section",
      { class: `panel panel-${id}`, "aria-labelledby": `${id}-title` },
      h("h2", { id: `${id}-title` }, title),
      ...content,
    );
  const timelineTitle = h("span", {}, "");
  const workspace = h(
    "div",
    { class: "workspace" },
    h(
      "div",
      { class: "views" },
      panel("Timeline", "timeline", timelineTitle, timeline),
      h("div", { class: "pair" }, panel("Relationships", "graph", graphTools, graph), panel("Map", "map", map)),
    ),
    panel("Evidence", "evidence", evidence),
  );
  root.replaceChildren(toolbar, h("div", { class: "filter-bar" }, chips, status), legend, workspace);
  return {
    search,
    results,
    lanes,
    confidence,
    graphMode,
    exportFormat,
    exportScope,
    exportLink,
    ingestButton,
    legendButton,
    legend,
    chips,
    status,
    timeline,
    timelineTitle,
    graph,
    map,
    evidence,
  };
}

export type Layout = ReturnType<typeof createLayout>;
