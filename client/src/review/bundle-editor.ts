import { h } from "../app/dom.ts";
import type { Issue } from "../data/api.ts";
import { type GraphContext, namedItemEditor } from "./actor-editor.ts";
import type { BundleEditorState } from "./bundle-editor-state.ts";
import { claimEditor } from "./claim-editor.ts";
import { eventEditor } from "./event-editor.ts";
import { graphContextOf } from "./graph-context.ts";
import { articlePane } from "./span-selection.ts";

/** More than this many items of one kind are summarised, so a huge bundle stays responsive. */
const shown = 200;

function section(title: string, kind: string, count: number, items: (i: number) => HTMLLIElement): HTMLElement {
  const details = h(
    "details",
    { class: `review-${kind}`, "data-key": `section/${kind}` },
    h("summary", {}, `${title} (${count})`),
  );
  details.open = true;
  const ul = h("ul", {});
  for (let i = 0; i < Math.min(count, shown); i++) ul.append(items(i));
  if (count > shown) ul.append(h("li", { class: "elided" }, `… and ${count - shown} more`));
  details.append(ul);
  return details;
}

/** Each refusal is shown next to the item its path points into; the rest are returned. */
function placeIssues(root: HTMLElement, issues: Issue[]): Issue[] {
  const unplaced: Issue[] = [];
  for (const issue of issues) {
    const parts = issue.path.split("/");
    let host: HTMLElement | null = null;
    // The deepest listed item on the path: /events/2/participants/0/actor → that participant, else the event.
    for (let n = parts.length; n >= 3 && !host; n--)
      host = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(parts.slice(0, n).join("/"))}"]`);
    if (!host) unplaced.push(issue);
    else
      host.append(
        h("p", { class: "error review-issue", role: "alert" }, h("code", {}, issue.path), ` ${issue.message}`),
      );
  }
  return unplaced;
}

/**
 * The review as an editor: the article (select words to add them) beside its
 * events, actors, places and claims, each editable. It redraws after every
 * edit and puts the keyboard focus back on the same control. `showIssues`
 * places the server's refusals next to their items.
 */
export function bundleEditor(state: BundleEditorState) {
  const b = state.bundle;
  const title = h("h3", { dir: "auto" }, b.article.title ?? "(untitled)");
  const meta = [b.article.publisher, b.article.publishedAt, b.article.language].filter(Boolean).join(" · ");
  const lists = h("div", { class: "review-lists" });
  const root = h(
    "div",
    { class: "bundle-review bundle-editor" },
    h("div", { class: "review-head" }, title, h("p", { class: "review-meta" }, meta)),
    h("div", { class: "review-columns" }, articlePane(state), lists),
  );
  const graph: GraphContext = { existing: new Set(), similar: new Map() };
  let issues: Issue[] = [];
  let unplaced: Issue[] = [];

  const render = () => {
    const active = document.activeElement as HTMLElement | null;
    const key = active && lists.contains(active) ? active.dataset.key : undefined;
    // What is being typed in the focused field survives the redraw, unless the edit changed that field.
    const typing =
      active instanceof HTMLInputElement && active.type !== "checkbox" && active.value !== active.defaultValue
        ? { value: active.value, was: active.defaultValue }
        : null;
    // …and so does where the caret is or what is selected: a redraw that lands between "select all"
    // and the next keystroke would otherwise put the caret at the start, and the typing in front of the old text.
    const selection =
      active instanceof HTMLInputElement && active.selectionStart !== null && active.selectionEnd !== null
        ? ([active.selectionStart, active.selectionEnd, active.selectionDirection ?? "none"] as const)
        : null;
    // A redraw (after an edit, or when the graph's answer arrives) keeps what the analyst opened or closed.
    const openness = new Map(
      [...lists.querySelectorAll<HTMLDetailsElement>("details[data-key]")].map((d) => [d.dataset.key, d.open]),
    );
    if (active && lists.contains(active)) active.dataset.redrawn = "";
    lists.replaceChildren(
      section("Events", "events", b.events.length, (i) => eventEditor(state, i)),
      section("Actors", "actors", b.actors.length, (i) => namedItemEditor(state, "actors", i, graph)),
      section("Places", "places", b.locations.length, (i) => namedItemEditor(state, "locations", i, graph)),
      section("Claims", "claims", b.claims.length, (i) => claimEditor(state, i)),
    );
    for (const d of lists.querySelectorAll<HTMLDetailsElement>("details[data-key]")) {
      const open = openness.get(d.dataset.key);
      if (open !== undefined) d.open = open;
    }
    unplaced = placeIssues(lists, issues);
    const again = key ? lists.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : null;
    if (again instanceof HTMLInputElement && typing && again.defaultValue === typing.was) {
      again.value = typing.value;
      again.dispatchEvent(new Event("input"));
    }
    again?.focus();
    if (again instanceof HTMLInputElement && selection && again.selectionStart !== null)
      again.setSelectionRange(...selection);
  };
  // An edit commits as the focus moves on (a blur's "change"); redrawing after the focus has
  // landed lets it land on the same control in the new list.
  let scheduled = false;
  const later = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      render();
    });
  };
  state.addEventListener("change", () => {
    // Refusals name items by position, which an edit may change: they are for the bundle as it was sent.
    issues = [];
    later();
  });
  render();
  // What the graph already holds is asked once; the review is usable before the answer comes.
  graphContextOf(state).then(
    (g) => {
      graph.existing = g.existing;
      graph.similar = g.similar;
      render();
    },
    () => {},
  );

  return {
    element: root,
    /** Shows the server's refusal next to the items it names; returns the issues no item was found for. */
    showIssues(found: Issue[]): Issue[] {
      issues = found;
      render();
      return unplaced;
    },
  };
}
