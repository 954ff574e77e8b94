import { CERTAINTIES } from "../../../server/src/model/vocabulary.ts";
import { h } from "../app/dom.ts";
import type { BundleEditorState } from "./bundle-editor-state.ts";
import { actionButton, optionsOf, selectField } from "./controls.ts";

/**
 * One claim of the bundle: the article's words (verbatim, in its language and
 * direction), who said it, how surely, which event it is about, and remove.
 */
export function claimEditor(state: BundleEditorState, index: number): HTMLLIElement {
  const c = state.bundle.claims[index];
  const language = c.language || state.bundle.article.language;
  const li = h("li", { class: "review-item", "data-path": `/claims/${index}`, "data-id": c.id });
  const quote = h("q", { class: "review-quote", lang: language, dir: language === "ar" ? "rtl" : "auto" }, c.text);
  const speakers: [string, string][] = state.bundle.actors.map((a) => [a.id, a.name]);
  const events: [string, string][] = [
    ["", "(no event)"],
    ...state.bundle.events.map((e): [string, string] => [e.id, e.title]),
  ];
  const eventIds = new Set(state.bundle.events.map((e) => e.id));
  const about = c.about.find((a) => eventIds.has(a)) ?? "";
  li.append(
    quote,
    c.gloss ? h("p", { class: "review-gloss" }, c.gloss) : "",
    h(
      "div",
      { class: "review-row" },
      selectField("Speaker", speakers, c.claimant, `${c.id}/claimant`, (v) => state.setClaim(c.id, { claimant: v })),
      selectField("Certainty", optionsOf(CERTAINTIES), c.certainty, `${c.id}/certainty`, (v) =>
        state.setClaim(c.id, { certainty: v }),
      ),
      selectField("About event", events, about, `${c.id}/event`, (v) => state.setClaimEvent(c.id, v || null)),
      actionButton("Remove", `Remove the claim “${c.text.slice(0, 40)}”`, `${c.id}/remove`, () =>
        state.removeClaim(c.id),
      ),
    ),
  );
  return li;
}
