import { ApiError, type Issue } from "../data/api.ts";
import { asBundle, type Bundle } from "../data/bundle.ts";
import { extractArticle, ingestBundle } from "../data/ingest-api.ts";
import { bundleEditor } from "../review/bundle-editor.ts";
import { BundleEditorState } from "../review/bundle-editor-state.ts";
import { confirmDialog } from "./confirm-dialog.ts";
import { h } from "./dom.ts";

const keyStorage = "rasd.editorKey";

/** Typing pauses this long before a raw article is sent for extraction. */
const extractDelay = 400;

/** A refusal as the editor reads it: the message, then each issue with where it is. */
function refusal(prefix: string, error: unknown, issues: Issue[] = error instanceof ApiError ? error.issues : []) {
  const box = h("div", { class: "error", role: "alert" }, h("p", {}, `${prefix}: ${(error as Error).message}`));
  if (issues.length) {
    const ul = h("ul", { class: "issues" });
    for (const i of issues) ul.append(h("li", {}, h("code", {}, i.path || "input"), ` ${i.message}`));
    box.append(ul);
  }
  return box;
}

/** What to do without an editor key: keys are set by whoever runs the server. */
function noKeyHelp(): HTMLElement {
  return h(
    "p",
    { class: "error", role: "alert" },
    "An editor key is needed to write to the graph. Keys are set by whoever runs the Rasd server: start it with ",
    h("code", {}, "RASD_API_KEYS=a-long-secret:editor"),
    " and paste that secret here. See “Editor keys” in the README (",
    h("code", {}, "README.md#editor-keys"),
    ").",
  );
}

/**
 * The ingest dialog: paste or upload an article. Raw text, HTML or JSON is
 * extracted by the server without storing (`extractArticle`); a pasted
 * article bundle is read as it is. Either way the bundle is shown as an
 * editor (review/bundle-editor.ts), and "Accept" stores exactly the edited
 * bundle (`ingestBundle`, editor key): the review is the bundle. Changing the
 * article once a review is on screen never drops it: the dialog warns, and
 * "Extract" replaces the review only when asked. Closing the dialog (Escape
 * or "Close") with review edits not yet stored asks first. After storing, the
 * dialog offers to show the article in the workspace.
 */
export function openIngest(opts: { onIngested: (firstEvent: string | null) => void }) {
  const key = h("input", { type: "password", id: "ingest-key", autocomplete: "off", placeholder: "editor API key" });
  key.value = sessionStorage.getItem(keyStorage) ?? "";
  const text = h("textarea", {
    id: "ingest-text",
    rows: "10",
    dir: "auto",
    placeholder: "Paste an article (text, HTML or JSON) or an article bundle…",
  });
  const file = h("input", {
    type: "file",
    id: "ingest-file",
    accept: ".json,.txt,.html,.htm,application/json,text/plain,text/html",
  });
  const status = h("div", { class: "ingest-status" });
  const body = h("div", { class: "ingest-body" });
  const review = h("div", { class: "ingest-review", "aria-live": "polite" }, status, body);
  const extractButton = h("button", { type: "button", id: "ingest-extract" }, "Extract");
  const stale = h("div", { class: "ingest-stale", role: "alert", hidden: "" });
  const accept = h("button", { type: "button", id: "ingest-accept", disabled: "" }, "Accept into the graph");
  const show = h("button", { type: "button", id: "ingest-show", hidden: "" }, "Show in the workspace");
  const close = h("button", { type: "button", id: "ingest-close" }, "Close");
  const dialog = h(
    "dialog",
    { class: "ingest-dialog", "aria-labelledby": "ingest-title" },
    h("h2", { id: "ingest-title" }, "Ingest an article"),
    h("label", {}, "Editor key ", key),
    h("label", {}, "Upload ", file),
    text,
    h("div", { class: "dialog-buttons" }, extractButton, accept, show, close),
    stale,
    review,
  );
  document.body.append(dialog);
  let filename: string | null = null;
  /** The bundle on screen, as edited, which is what Accept stores; null while there is none. */
  let pending: BundleEditorState | null = null;
  let editor: ReturnType<typeof bundleEditor> | null = null;
  let extraction: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstEvent: string | null = null;

  const say = (className: string, message: string) => status.replaceChildren(h("p", { class: className }, message));
  const showBundle = (bundle: Bundle, note: string) => {
    pending = new BundleEditorState(bundle);
    editor = bundleEditor(pending);
    accept.disabled = false;
    show.hidden = true;
    stale.hidden = true;
    say("hint", note);
    body.replaceChildren(editor.element);
  };

  const extract = async () => {
    const raw = text.value.trim();
    if (!raw) return;
    extraction = new AbortController();
    const { signal } = extraction;
    say("hint", "Extracting… (nothing is stored)");
    try {
      // A key is sent when given, so extraction also works where reads need one.
      const bundle = await extractArticle(raw, filename, { key: key.value || undefined, signal });
      if (signal.aborted) return;
      showBundle(bundle, "Extracted by the server; nothing is stored yet. Review it, then accept.");
    } catch (error) {
      if (signal.aborted) return;
      status.replaceChildren(refusal("Could not extract", error));
    }
  };

  /** Reads what is in the box now: a pasted bundle is shown at once, an article is extracted after `delay`. */
  const read = (delay: number) => {
    extraction?.abort();
    clearTimeout(timer);
    const raw = text.value.trim();
    const bundle = asBundle(raw);
    if (bundle) showBundle(bundle, "An article bundle, as pasted. Review and edit it, then accept.");
    else if (raw) timer = setTimeout(extract, delay);
  };

  // A first paste is read at once; once a review is on screen (maybe edited), a change to the
  // article only warns: the review stays, and Accept still stores the reviewed article and edits.
  const changed = (delay: number) => {
    if (!pending) return read(delay);
    stale.replaceChildren(
      h(
        "p",
        {},
        "The article changed after it was reviewed. The review below (and Accept) is still of the earlier text. ",
        "Press “Extract” to review the new text instead: your edits to this review will be dropped.",
      ),
    );
    stale.hidden = false;
  };

  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    filename = f.name;
    text.value = await f.text();
    changed(0);
  });
  text.addEventListener("input", () => {
    filename = null;
    changed(extractDelay);
  });
  extractButton.addEventListener("click", () => {
    pending = null;
    editor = null;
    accept.disabled = true;
    body.replaceChildren();
    stale.hidden = true;
    read(0);
  });
  accept.addEventListener("click", async () => {
    const state = pending;
    if (!state) return;
    const bundle = state.bundle;
    if (!key.value) return status.replaceChildren(noKeyHelp());
    accept.disabled = true;
    say("hint", "Storing…");
    try {
      const result = await ingestBundle(bundle, key.value);
      sessionStorage.setItem(keyStorage, key.value);
      pending = null;
      firstEvent = bundle.events[0]?.id ?? null;
      say(
        "ok",
        `Stored: ${result.events} events, ${result.actors} actors, ${result.locations} places, ${result.claims} claims.`,
      );
      show.hidden = false;
      opts.onIngested(null);
    } catch (error) {
      accept.disabled = pending !== state;
      // Each issue goes next to the item it names; the rest are listed with the message.
      const rest =
        error instanceof ApiError && pending === state ? (editor?.showIssues(error.issues) ?? []) : undefined;
      status.replaceChildren(refusal("Refused", error, rest));
    }
  });
  show.addEventListener("click", () => {
    opts.onIngested(firstEvent);
    dialog.close();
  });
  /** Set once the editor chose to drop the review's edits, so closing no longer asks. */
  let discarded = false;
  /** Closes the dialog, unless the review holds edits not stored and the editor chooses to keep them. */
  let asking = false;
  const leave = async () => {
    if (asking) return;
    if (pending?.edited && !discarded) {
      asking = true;
      const discard = await confirmDialog({
        title: "Discard your review edits?",
        message: "The review has edits that are not stored. Closing drops them; “Accept into the graph” stores them.",
        confirm: "Discard edits",
        cancel: "Keep editing",
      }).finally(() => {
        asking = false;
      });
      if (!discard) return;
      discarded = true;
    }
    dialog.close();
  };
  close.addEventListener("click", leave);
  // Escape is taken before it becomes a close request: Chrome lets a page hold back a `cancel` only once per
  // user activation, and Escape itself is none, so a second Escape would close the dialog regardless.
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    void leave();
  });
  // Any other close request (e.g. a platform back gesture) asks too, where the browser lets it be held back.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    void leave();
  });
  dialog.addEventListener("close", () => {
    // A close the page could not hold back (a repeated Escape the browser does not let it cancel): reopen and ask.
    if (pending?.edited && !discarded && document.contains(dialog)) {
      dialog.showModal();
      void leave();
      return;
    }
    extraction?.abort();
    clearTimeout(timer);
    dialog.remove();
  });
  dialog.showModal();
  return dialog;
}
