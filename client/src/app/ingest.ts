import { ingestBundle } from "../data/load.ts";
import { h } from "./dom.ts";

interface BundleLike {
  article?: { id?: string; title?: string; publisher?: string; publishedAt?: string; language?: string };
  actors?: { name?: string; nameAr?: string; kind?: string }[];
  locations?: { name?: string; nameAr?: string }[];
  events?: { id?: string; title?: string; type?: string; edtf?: string }[];
  claims?: { text?: string; gloss?: string; certainty?: string }[];
}

const keyStorage = "rasd.editorKey";

function list(title: string, items: string[]): HTMLElement {
  const ul = h("ul");
  for (const t of items.slice(0, 40)) ul.append(h("li", { dir: "auto" }, t));
  if (items.length > 40) ul.append(h("li", {}, `… and ${items.length - 40} more`));
  return h("details", { open: "" }, h("summary", {}, `${title} (${items.length})`), ul);
}

/**
 * The ingest dialog: paste or upload an article bundle (JSON, as the seed),
 * review what it holds, and accept it with an editor key. Raw article text
 * is refused with a clear message until the server offers extraction.
 */
export function openIngest(opts: {
  extraction: boolean;
  onIngested: (articleId: string, firstEvent: string | null) => void;
}) {
  const key = h("input", { type: "password", id: "ingest-key", autocomplete: "off", placeholder: "editor API key" });
  key.value = sessionStorage.getItem(keyStorage) ?? "";
  const text = h("textarea", {
    id: "ingest-text",
    rows: "10",
    dir: "auto",
    placeholder: "Paste an article bundle (JSON)…",
  });
  const file = h("input", { type: "file", id: "ingest-file", accept: ".json,.txt,.html,application/json,text/plain" });
  const review = h("div", { class: "ingest-review", "aria-live": "polite" });
  const previewButton = h("button", { type: "button", id: "ingest-preview" }, "Review");
  const accept = h("button", { type: "button", id: "ingest-accept", disabled: "" }, "Accept into the graph");
  const close = h("button", { type: "button", id: "ingest-close" }, "Close");
  const dialog = h(
    "dialog",
    { class: "ingest-dialog", "aria-labelledby": "ingest-title" },
    h("h2", { id: "ingest-title" }, "Ingest an article"),
    h("label", {}, "Editor key ", key),
    h("label", {}, "Upload ", file),
    text,
    h("div", { class: "dialog-buttons" }, previewButton, accept, close),
    review,
  );
  document.body.append(dialog);
  let bundle: BundleLike | null = null;

  const preview = () => {
    accept.disabled = true;
    bundle = null;
    const raw = text.value.trim();
    if (!raw) return review.replaceChildren(h("p", {}, "Paste or upload something first."));
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return review.replaceChildren(
        h(
          "p",
          { class: "error" },
          opts.extraction
            ? "This is not a bundle; use `rasd ingest FILE` to extract raw article text for now."
            : "This is not an article bundle (JSON). Extraction of raw text is not offered by this server yet: run `rasd extract FILE` and paste the bundle it prints.",
        ),
      );
    }
    const b = parsed as BundleLike;
    if (!b || typeof b !== "object" || !b.article || !Array.isArray(b.events))
      return review.replaceChildren(
        h("p", { class: "error" }, "JSON, but not an article bundle: it needs `article` and `events`."),
      );
    bundle = b;
    review.replaceChildren(
      h("h3", { dir: "auto" }, b.article.title ?? "(untitled)"),
      h("p", {}, `${b.article.publisher ?? ""} · ${b.article.publishedAt ?? ""} · ${b.article.language ?? ""}`),
      list(
        "Events",
        (b.events ?? []).map((e) => `${e.type ?? ""} — ${e.title ?? ""} ${e.edtf ? `(${e.edtf})` : ""}`),
      ),
      list(
        "Actors",
        (b.actors ?? []).map((a) => `${a.name ?? ""}${a.nameAr ? ` — ${a.nameAr}` : ""} (${a.kind ?? ""})`),
      ),
      list(
        "Places",
        (b.locations ?? []).map((l) => `${l.name ?? ""}${l.nameAr ? ` — ${l.nameAr}` : ""}`),
      ),
      list(
        "Claims",
        (b.claims ?? []).map((c) => `${c.certainty ?? ""}: ${c.gloss ?? c.text ?? ""}`),
      ),
    );
    accept.disabled = false;
  };

  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    text.value = await f.text();
    preview();
  });
  previewButton.addEventListener("click", preview);
  accept.addEventListener("click", async () => {
    if (!bundle) return;
    if (!key.value) return review.prepend(h("p", { class: "error" }, "An editor key is needed to write to the graph."));
    accept.disabled = true;
    try {
      const result = await ingestBundle(bundle, key.value);
      sessionStorage.setItem(keyStorage, key.value);
      review.replaceChildren(
        h(
          "p",
          { class: "ok" },
          `Stored: ${result.events} events, ${result.actors} actors, ${result.locations} places, ${result.claims} claims.`,
        ),
      );
      opts.onIngested(result.articleId, bundle.events?.[0]?.id ?? null);
    } catch (error) {
      accept.disabled = false;
      review.prepend(h("p", { class: "error" }, `Refused: ${(error as Error).message}`));
    }
  });
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => dialog.remove());
  dialog.showModal();
  return dialog;
}
