import { ACTOR_KINDS, LOCATION_KINDS } from "../../../server/src/model/vocabulary.ts";
import { h } from "../app/dom.ts";
import type { NamedKind } from "../data/bundle.ts";
import type { BundleEditorState } from "./bundle-editor-state.ts";

/** [start, end) of the selection in UTF-16 code units of the pane's text, or null when none is inside it. */
export function selectedSpan(pane: HTMLElement): { start: number; end: number } | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!pane.contains(range.startContainer) || !pane.contains(range.endContainer)) return null;
  // Offsets are counted on a range from the pane's start, so they hold however the text is split into nodes.
  const before = document.createRange();
  before.setStart(pane, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

/** Leading and trailing blanks are not part of a mention. */
function trimmed(text: string, span: { start: number; end: number }) {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/**
 * The article as extracted (the text every span points into), in its own
 * direction, with what a selection can become: a new actor or place, one more
 * mention of an item already listed, or a claim by a chosen speaker. The
 * span is exactly the selected characters of article.text.
 */
export function articlePane(state: BundleEditorState): HTMLElement {
  const { text, language } = state.bundle.article;
  const pane = h("div", {
    class: "review-article",
    id: "review-article",
    lang: language,
    dir: language === "ar" ? "rtl" : "auto",
    tabindex: "0",
    "aria-label": "Article text: select words to add them to the review",
  });
  pane.textContent = text;
  const picked = h(
    "p",
    { class: "review-selected", "aria-live": "polite" },
    "Select words in the article to add them.",
  );
  const actorKind = h("select", { id: "span-actor-kind", "aria-label": "Type of the new actor" });
  for (const k of ACTOR_KINDS) actorKind.append(h("option", { value: k }, k.replaceAll("_", " ").toLowerCase()));
  const placeKind = h("select", { id: "span-place-kind", "aria-label": "Type of the new place" });
  for (const k of LOCATION_KINDS) placeKind.append(h("option", { value: k }, k.replaceAll("_", " ").toLowerCase()));
  const target = h("select", { id: "span-target", "aria-label": "Actor, place or speaker for the selection" });
  const button = (id: string, label: string) => h("button", { type: "button", id, disabled: "" }, label);
  const asActor = button("span-actor", "New actor");
  const asPlace = button("span-place", "New place");
  const asMention = button("span-mention", "Mention of…");
  const asClaim = button("span-claim", "Claim by…");
  let span: { start: number; end: number } | null = null;
  const controls: HTMLElement[] = [asActor, asPlace, asMention, asClaim, actorKind, placeKind, target];

  const fillTargets = () => {
    const keep = target.value;
    target.replaceChildren(
      ...state.bundle.actors.map((a) => h("option", { value: `actors ${a.id}` }, `actor: ${a.name}`)),
      ...state.bundle.locations.map((l) => h("option", { value: `locations ${l.id}` }, `place: ${l.name}`)),
    );
    if (keep) target.value = keep;
  };
  const update = () => {
    // The dialog is gone: stop listening (the document outlives it).
    if (!pane.isConnected) return document.removeEventListener("selectionchange", update);
    const now = selectedSpan(pane);
    // Pressing one of these buttons or picking a kind can collapse the selection before the
    // click lands: the span chosen stays until another selection is made.
    if (!now && controls.some((c) => c === document.activeElement)) return;
    span = now && trimmed(text, now);
    for (const b of [asActor, asPlace, asMention, asClaim]) b.disabled = !span;
    picked.replaceChildren(
      span
        ? h(
            "span",
            {},
            `Selected ${span.start}–${span.end}: `,
            h("q", { dir: "auto" }, text.slice(span.start, span.end)),
          )
        : "Select words in the article to add them.",
    );
  };
  document.addEventListener("selectionchange", update);

  const targetOf = (): [NamedKind, string] | null => {
    const [kind, id] = target.value.split(" ");
    return kind && id ? [kind as NamedKind, id] : null;
  };
  asActor.addEventListener("click", () => span && state.addNamed("actors", span.start, span.end, actorKind.value));
  asPlace.addEventListener("click", () => span && state.addNamed("locations", span.start, span.end, placeKind.value));
  asMention.addEventListener("click", () => {
    const t = targetOf();
    if (span && t) state.addMention(t[0], t[1], span.start, span.end);
  });
  asClaim.addEventListener("click", () => {
    const t = targetOf();
    if (span && t?.[0] === "actors") state.addClaim(span.start, span.end, t[1]);
    else picked.textContent = "A claim needs an actor as its speaker: pick one in the list.";
  });
  state.addEventListener("change", fillTargets);
  fillTargets();
  return h(
    "section",
    { class: "review-article-pane", "aria-label": "Article" },
    pane,
    picked,
    h(
      "div",
      { class: "review-row span-actions" },
      h("label", { class: "field" }, "Actor type ", actorKind),
      asActor,
      h("label", { class: "field" }, "Place type ", placeKind),
      asPlace,
      h("label", { class: "field" }, "Item ", target),
      asMention,
      asClaim,
    ),
  );
}
