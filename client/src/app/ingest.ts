import { type IngestOutcome, ingestArticle, ingestBundle } from "../data/load.ts";
import { h } from "./dom.ts";

interface BundleLike {
  article?: { id?: string; title?: string; publisher?: string; publishedAt?: string; language?: string };
  actors?: { name?: string; nameAr?: string | null; kind?: string }[];
  locations?: { name?: string; nameAr?: string | null }[];
  events?: { id?: string; title?: string; type?: string; edtf?: string | null }[];
  claims?: { text?: string; gloss?: string | null; certainty?: string; claimant?: { name: string } | null }[];
}

const keyStorage = "rasd.editorKey";

function list(title: string, items: string[]): HTMLElement {
  const ul = h("ul");
  for (const t of items.slice(0, 40)) ul.append(h("li", { dir: "auto" }, t));
  if (items.length > 40) ul.append(h("li", {}, `… and ${items.length - 40} more`));
  return h("details", { open: "" }, h("summary", {}, `${title} (${items.length})`), ul);
}

/** What a bundle (pasted, or as the server extracted it) holds, as lists; text only through textContent. */
function summary(b: BundleLike): HTMLElement[] {
  const a = b.article ?? {};
  return [
    h("h3", { dir: "auto" }, a.title ?? "(untitled)"),
    h("p", {}, [a.publisher, a.publishedAt, a.language].filter(Boolean).join(" · ")),
    list(
      "Events",
      (b.events ?? []).map((e) => `${e.type ?? ""} — ${e.title ?? ""}${e.edtf ? ` (${e.edtf})` : ""}`),
    ),
    list(
      "Actors",
      (b.actors ?? []).map((x) => `${x.name ?? ""}${x.nameAr ? ` — ${x.nameAr}` : ""} (${x.kind ?? ""})`),
    ),
    list(
      "Places",
      (b.locations ?? []).map((l) => `${l.name ?? ""}${l.nameAr ? ` — ${l.nameAr}` : ""}`),
    ),
    list(
      "Claims",
      (b.claims ?? []).map(
        (c) => `${c.claimant?.name ? `${c.claimant.name}, ` : ""}${c.certainty ?? ""}: ${c.gloss ?? c.text ?? ""}`,
      ),
    ),
  ];
}

/** A pasted bundle (JSON with `article` and `events`), or null for raw article text/HTML/JSON. */
function asBundle(raw: string): BundleLike | null {
  if (!raw.startsWith("{")) return null;
  try {
    const b = JSON.parse(raw) as BundleLike;
    return b && typeof b === "object" && b.article && Array.isArray(b.events) ? b : null;
  } catch {
    return null;
  }
}

/**
 * The ingest dialog: paste or upload an article — raw text, HTML or JSON goes
 * to the server's extraction (`ingestArticle`), an article bundle is shown for
 * review and stored as it is (`ingestBundle`) — with an editor key; then shows
 * what the graph gained and offers to look at it.
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
  const review = h("div", { class: "ingest-review", "aria-live": "polite" });
  const accept = h("button", { type: "button", id: "ingest-accept" }, "Extract and store");
  const show = h("button", { type: "button", id: "ingest-show", hidden: "" }, "Show in the workspace");
  const close = h("button", { type: "button", id: "ingest-close" }, "Close");
  const dialog = h(
    "dialog",
    { class: "ingest-dialog", "aria-labelledby": "ingest-title" },
    h("h2", { id: "ingest-title" }, "Ingest an article"),
    h("label", {}, "Editor key ", key),
    h("label", {}, "Upload ", file),
    text,
    h("div", { class: "dialog-buttons" }, accept, show, close),
    review,
  );
  document.body.append(dialog);
  let filename: string | null = null;
  let firstEvent: string | null = null;

  // A bundle is shown before it is stored; raw text is extracted by the server as it is stored.
  const inspect = () => {
    show.hidden = true;
    const bundle = asBundle(text.value.trim());
    accept.textContent = bundle ? "Accept into the graph" : "Extract and store";
    if (bundle)
      review.replaceChildren(h("p", { class: "hint" }, "An article bundle: stored as it is."), ...summary(bundle));
    else review.replaceChildren();
  };

  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    filename = f.name;
    text.value = await f.text();
    inspect();
  });
  text.addEventListener("input", () => {
    filename = null;
    inspect();
  });
  accept.addEventListener("click", async () => {
    const raw = text.value.trim();
    if (!raw) return review.replaceChildren(h("p", { class: "error" }, "Paste or upload an article first."));
    if (!key.value) return review.prepend(h("p", { class: "error" }, "An editor key is needed to write to the graph."));
    const bundle = asBundle(raw);
    accept.disabled = true;
    review.replaceChildren(h("p", { class: "hint" }, bundle ? "Storing…" : "Extracting…"));
    let result: IngestOutcome;
    try {
      result = bundle ? await ingestBundle(bundle, key.value) : await ingestArticle(raw, filename, key.value);
    } catch (error) {
      accept.disabled = false;
      review.replaceChildren(h("p", { class: "error" }, `Refused: ${(error as Error).message}`));
      return;
    }
    accept.disabled = false;
    sessionStorage.setItem(keyStorage, key.value);
    const extracted: BundleLike = result.article
      ? {
          ...result.article,
          article: {
            ...result.article,
            publishedAt: result.article.publishedAt ?? undefined,
            publisher: result.article.publisher ?? undefined,
            language: result.article.language ?? undefined,
          },
        }
      : (bundle ?? {});
    firstEvent = extracted.events?.[0]?.id ?? null;
    review.replaceChildren(
      h(
        "p",
        { class: "ok" },
        `Stored: ${result.events} events, ${result.actors} actors, ${result.locations} places, ${result.claims} claims.`,
      ),
      ...summary(extracted),
    );
    show.hidden = false;
    opts.onIngested(null);
  });
  show.addEventListener("click", () => {
    opts.onIngested(firstEvent);
    dialog.close();
  });
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => dialog.remove());
  dialog.showModal();
  return dialog;
}
