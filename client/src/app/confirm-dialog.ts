import { h } from "./dom.ts";

/** What {@link confirmDialog} asks. */
export interface ConfirmOptions {
  /** The question, as a heading. */
  title: string;
  /** What happens if the user goes on. */
  message: string;
  /** The button that goes on (e.g. "Discard edits"). */
  confirm: string;
  /** The button that keeps things as they are (default "Cancel"); it has the focus, so Enter is the safe choice. */
  cancel?: string;
}

/**
 * An in-page `confirm()`: a small modal dialog over the page (or over another
 * modal dialog), resolving true when the user confirms and false when they
 * cancel — with its button, Escape, or closing it any other way. The safe
 * button has the focus, and the browser keeps Tab inside the modal.
 */
export function confirmDialog(opts: ConfirmOptions): Promise<boolean> {
  const keep = h("button", { type: "button", class: "confirm-cancel", autofocus: "" }, opts.cancel ?? "Cancel");
  const go = h("button", { type: "button", class: "confirm-ok" }, opts.confirm);
  const dialog = h(
    "dialog",
    {
      class: "confirm-dialog",
      role: "alertdialog",
      "aria-labelledby": "confirm-title",
      "aria-describedby": "confirm-message",
    },
    h("h3", { id: "confirm-title" }, opts.title),
    h("p", { id: "confirm-message" }, opts.message),
    h("div", { class: "dialog-buttons" }, keep, go),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    keep.addEventListener("click", () => dialog.close("cancel"));
    go.addEventListener("click", () => dialog.close("confirm"));
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(dialog.returnValue === "confirm");
    });
    dialog.showModal();
    keep.focus();
  });
}
