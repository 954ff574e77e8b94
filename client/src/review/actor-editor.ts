import { ACTOR_KINDS, LOCATION_KINDS } from "../../../server/src/model/vocabulary.ts";
import { h } from "../app/dom.ts";
import type { ExistingEntity, NamedItem, NamedKind } from "../data/bundle.ts";
import type { BundleEditorState } from "./bundle-editor-state.ts";
import { actionButton, optionsOf, selectField, textField } from "./controls.ts";
import { describeEntity, entityLinkSearch } from "./entity-link-search.ts";

/** What the editor knows about the graph for one item. */
export interface GraphContext {
  /** Ids already in the graph (the extractor recognised the name, or the editor linked it). */
  existing: Set<string>;
  /** Graph nodes that look like a new item (same or similar name in either script), by item id. */
  similar: Map<string, ExistingEntity[]>;
}

/** The number of mentions, and the first one quoted: what the article says about it. */
function mentions(item: NamedItem): HTMLElement {
  const first = item.evidence[0]?.text;
  const p = h(
    "p",
    { class: "review-mentions" },
    `${item.evidence.length} mention${item.evidence.length === 1 ? "" : "s"}`,
  );
  if (first) p.append(": ", h("q", { dir: "auto" }, first));
  return p;
}

/** Where the item stands: already a graph node, linked to one by the editor, or new. */
function standing(state: BundleEditorState, kind: NamedKind, item: NamedItem, graph: GraphContext): HTMLElement {
  const before = state.linkedFrom(item.id);
  if (before)
    return h(
      "p",
      { class: "review-standing linked" },
      `Linked to the graph’s “${item.name}” (was “${before.name}”). `,
      actionButton(
        "Keep as new",
        `Keep “${before.name}” as a new ${kind === "actors" ? "actor" : "place"}`,
        `${item.id}/unlink`,
        () => state.unlink(kind, item.id),
      ),
    );
  if (graph.existing.has(item.id)) return h("p", { class: "review-standing existing" }, "Already in the graph.");
  return h("p", { class: "review-standing new" }, "New: not in the graph yet.");
}

/** "Looks like an existing actor": the similar graph nodes, each with a Link button. */
function lookAlikes(
  state: BundleEditorState,
  kind: NamedKind,
  item: NamedItem,
  graph: GraphContext,
): HTMLElement | null {
  const similar = graph.similar.get(item.id);
  if (!similar?.length || graph.existing.has(item.id) || state.linkedFrom(item.id)) return null;
  const box = h(
    "div",
    { class: "review-warning", role: "note" },
    h("p", {}, `Looks like ${similar.length === 1 ? "an existing node" : "existing nodes"}:`),
  );
  const ul = h("ul", {});
  for (const e of similar)
    ul.append(
      h(
        "li",
        {},
        ...describeEntity(e),
        " ",
        actionButton(
          "Link to existing",
          `Link “${item.name}” to the graph’s “${e.name}”`,
          `${item.id}/similar/${e.id}`,
          () => state.link(kind, item.id, e),
        ),
      ),
    );
  box.append(ul);
  return box;
}

/**
 * One actor or place of the bundle, editable: its name, its type, remove,
 * link to an existing graph node (or back to new), with a warning when a new
 * one looks like a node the graph already has.
 */
export function namedItemEditor(
  state: BundleEditorState,
  kind: NamedKind,
  index: number,
  graph: GraphContext,
): HTMLLIElement {
  const item = state.bundle[kind][index];
  const noun = kind === "actors" ? "actor" : "place";
  const kinds = kind === "actors" ? ACTOR_KINDS : LOCATION_KINDS;
  const li = h("li", { class: "review-item", "data-path": `/${kind}/${index}`, "data-id": item.id });
  const name = textField("Name", item.name, `${item.id}/name`, (v) => state.rename(kind, item.id, v), {
    "aria-label": `Name of ${noun} “${item.name}”`,
  });
  const type = selectField("Type", optionsOf(kinds), item.kind, `${item.id}/kind`, (v) =>
    state.retype(kind, item.id, v),
  );
  const remove = actionButton("Remove", `Remove ${noun} “${item.name}”`, `${item.id}/remove`, () =>
    state.removeNamed(kind, item.id),
  );
  li.append(h("div", { class: "review-row" }, name, type, remove));
  if (item.nameAr && item.nameAr !== item.name)
    li.append(h("p", { class: "name-ar", lang: "ar", dir: "rtl" }, item.nameAr));
  li.append(standing(state, kind, item, graph), mentions(item));
  const warning = lookAlikes(state, kind, item, graph);
  if (warning) li.append(warning);
  // Collapsed, so a long list stays readable.
  const link = h(
    "details",
    { class: "review-link", "data-key": `${item.id}/link-open` },
    h("summary", {}, "Link to an existing node…"),
  );
  link.append(entityLinkSearch(kind, item.id, item.name, (e) => state.link(kind, item.id, e)));
  li.append(link);
  return li;
}
