import { acceptCandidate, type CandidatePairItem, loadCandidates, rejectCandidatePair } from "../data/sources.ts";
import { h } from "./dom.ts";

const keyStorage = "rasd.editorKey";

/**
 * The review list of candidate duplicates (POSSIBLY_SAME_AS): each pair with
 * its score and reasons, Accept (merge) or Reject. Keyboard: ↑/↓ (or k/j)
 * move between pairs, A accepts, R rejects; the list moves on by itself.
 */
export function openCandidateReview(opts: { onChanged: () => void }): void {
  const key = h("input", { type: "password", id: "review-key", autocomplete: "off", placeholder: "editor API key" });
  key.value = sessionStorage.getItem(keyStorage) ?? "";
  const status = h("p", { class: "hint", "aria-live": "polite" });
  const list = h("ol", { class: "candidates", "aria-label": "Candidate duplicates" });
  const close = h("button", { type: "button", id: "review-close" }, "Close");
  const dialog = h(
    "dialog",
    { class: "review-dialog", "aria-labelledby": "review-title" },
    h("h2", { id: "review-title" }, "Review possible duplicates"),
    h("p", { class: "hint" }, "↑/↓ move between pairs · A accept (merge) · R reject · Esc close"),
    h("label", {}, "Editor key ", key),
    status,
    list,
    h("div", { class: "dialog-buttons" }, close),
  );
  document.body.append(dialog);
  let changed = false;
  const done = () => {
    dialog.close();
    dialog.remove();
    if (changed) opts.onChanged();
  };
  close.addEventListener("click", done);
  dialog.addEventListener("close", () => dialog.isConnected && done());

  const items = () => [...list.querySelectorAll<HTMLLIElement>("li.candidate")];
  const focusAt = (i: number) => {
    const all = items();
    all[Math.max(0, Math.min(i, all.length - 1))]?.focus();
  };

  const decide = async (li: HTMLLIElement, pair: CandidatePairItem, accept: boolean) => {
    if (!key.value) {
      status.textContent = "An editor key is needed to merge or reject.";
      key.focus();
      return;
    }
    const at = items().indexOf(li);
    li.setAttribute("aria-busy", "true");
    try {
      await (accept ? acceptCandidate(pair, key.value) : rejectCandidatePair(pair, key.value));
      sessionStorage.setItem(keyStorage, key.value);
      changed = true;
      status.textContent = accept ? `Merged into “${pair.a.title}”.` : "Rejected: they stay two events.";
      li.remove();
      focusAt(at);
      if (items().length === 0) list.replaceChildren(h("li", { class: "hint" }, "No candidates left to review."));
    } catch (error) {
      status.textContent = `Not done: ${(error as Error).message}`;
      li.removeAttribute("aria-busy");
    }
  };

  const row = (pair: CandidatePairItem) => {
    const accept = h("button", { type: "button", class: "accept" }, "Accept (merge)");
    const reject = h("button", { type: "button", class: "reject" }, "Reject");
    const side = (e: CandidatePairItem["a"]) =>
      h(
        "div",
        { class: "candidate-event", dir: "auto" },
        h("strong", {}, e.title),
        ` — ${e.type}, ${e.start?.slice(0, 10) ?? "undated"}`,
      );
    const li = h(
      "li",
      {
        class: "candidate",
        tabindex: "0",
        "aria-label": `${pair.a.title} and ${pair.b.title}, score ${pair.score ?? "?"}`,
      },
      side(pair.a),
      side(pair.b),
      h("p", { class: "candidate-score" }, `score ${pair.score?.toFixed(2) ?? "?"}: ${pair.reasons.join("; ")}`),
      h("div", { class: "dialog-buttons" }, accept, reject),
    );
    accept.addEventListener("click", () => decide(li, pair, true));
    reject.addEventListener("click", () => decide(li, pair, false));
    li.addEventListener("keydown", (event) => {
      if (event.target !== li && !(event.target instanceof HTMLButtonElement)) return;
      const at = items().indexOf(li);
      const k = event.key.toLowerCase();
      if (k === "arrowdown" || k === "j") focusAt(at + 1);
      else if (k === "arrowup" || k === "k") focusAt(at - 1);
      else if (k === "a") decide(li, pair, true);
      else if (k === "r") decide(li, pair, false);
      else return;
      event.preventDefault();
    });
    return li;
  };

  dialog.showModal();
  status.textContent = "Loading…";
  loadCandidates()
    .then(({ total, pairs }) => {
      status.textContent = `${total} pair${total === 1 ? "" : "s"} to review, best match first.`;
      list.replaceChildren(
        ...(pairs.length ? pairs.map(row) : [h("li", { class: "hint" }, "No candidates to review.")]),
      );
      focusAt(0);
    })
    .catch((error: Error) => {
      status.textContent = `Could not load the candidates: ${error.message}`;
    });
}
