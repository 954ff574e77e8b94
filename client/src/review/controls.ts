import { h } from "../app/dom.ts";

/**
 * The labelled inputs the review editor is made of. Each carries a
 * `data-key` that stays the same across re-renders, so the editor can put
 * the keyboard focus back where it was after an edit redraws the list.
 */

/** A text field that commits on Enter or when it loses focus, and reverts on Escape. */
export function textField(
  label: string,
  shown: string,
  key: string,
  commit: (value: string) => void,
  attrs: Record<string, string> = {},
): HTMLLabelElement {
  const input = h("input", { type: "text", "data-key": key, dir: "auto", ...attrs });
  input.defaultValue = shown;
  /** The value last committed. The editor redraws after an edit on a timer, so until then an Escape
   * must compare with what was committed, not with what was drawn, or it would "undo" a stored edit. */
  let value = shown;
  const commitTyped = () => {
    // A redraw that removes the focused field makes Chromium blur it, which fires "change": that is not
    // the analyst's commit. What was typed lives on in the redrawn field (review/bundle-editor.ts), and
    // committing here would redraw again and drop the keys typed in between.
    if ("redrawn" in input.dataset) return;
    if (input.value === value) return;
    value = input.value;
    input.defaultValue = value;
    commit(value);
  };
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commitTyped();
    } else if (event.key === "Escape" && input.value !== value) {
      // Escape undoes the typing; only a second Escape closes the dialog.
      event.preventDefault();
      input.value = value;
      input.dispatchEvent(new Event("input"));
    }
  });
  input.addEventListener("change", commitTyped);
  return h("label", { class: "field" }, `${label} `, input);
}

/** A select over `options` ([value, text]); picking one commits it. */
export function selectField(
  label: string,
  options: readonly (readonly [string, string])[],
  value: string,
  key: string,
  commit: (value: string) => void,
): HTMLLabelElement {
  const select = h("select", { "data-key": key });
  for (const [v, text] of options) select.append(h("option", { value: v }, text));
  select.value = value;
  select.addEventListener("change", () => commit(select.value));
  return h("label", { class: "field" }, `${label} `, select);
}

/** A small button with an accessible name saying what it acts on. */
export function actionButton(text: string, name: string, key: string, act: () => void): HTMLButtonElement {
  const button = h("button", { type: "button", "aria-label": name, "data-key": key }, text);
  button.addEventListener("click", act);
  return button;
}

/** Vocabulary values as select options: INITIATOR → "initiator". */
export const optionsOf = (values: readonly string[]): [string, string][] =>
  values.map((v) => [v, v.replaceAll("_", " ").toLowerCase()]);
