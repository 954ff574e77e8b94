import { acceptCandidate, type CandidatePairItem, loadCandidates, rejectCandidatePair } from "../data/sources.ts";
import { h } from "./dom.ts";
import { openReviewList } from "./review-list-dialog.ts";

/** One side of a pair: the event's title, type and start day. */
const side = (e: CandidatePairItem["a"]) =>
  h(
    "div",
    { class: "candidate-event", dir: "auto" },
    h("strong", {}, e.title),
    ` — ${e.type}, ${e.start?.slice(0, 10) ?? "undated"}`,
  );

/**
 * The review list of candidate duplicates (POSSIBLY_SAME_AS): each pair with
 * its score and reasons, Accept (merge) or Reject. Keyboard: ↑/↓ (or k/j)
 * move between pairs, A accepts, R rejects; the list moves on by itself.
 */
export function openCandidateReview(opts: { onChanged: () => void }): void {
  const review = openReviewList<CandidatePairItem>({
    idPrefix: "review",
    title: "Review possible duplicates",
    dialogClass: "review-dialog",
    hint: "↑/↓ move between pairs · A accept (merge) · R reject · Esc close",
    listLabel: "Candidate duplicates",
    needKey: "An editor key is needed to merge or reject.",
    noneLeft: "No candidates left to review.",
    decisions: [
      {
        label: "Accept (merge)",
        className: "accept",
        key: "a",
        run: async (pair, _li, key) => {
          await acceptCandidate(pair, key);
          return `Merged into “${pair.a.title}”.`;
        },
      },
      {
        label: "Reject",
        className: "reject",
        key: "r",
        run: async (pair, _li, key) => {
          await rejectCandidatePair(pair, key);
          return "Rejected: they stay two events.";
        },
      },
    ],
    row: (pair) => ({
      attrs: { "aria-label": `${pair.a.title} and ${pair.b.title}, score ${pair.score ?? "?"}` },
      children: [
        side(pair.a),
        side(pair.b),
        h("p", { class: "candidate-score" }, `score ${pair.score?.toFixed(2) ?? "?"}: ${pair.reasons.join("; ")}`),
      ],
    }),
    onChanged: opts.onChanged,
  });
  review.loading();
  loadCandidates()
    .then(({ total, pairs }) =>
      review.show(
        pairs,
        `${total} pair${total === 1 ? "" : "s"} to review, best match first.`,
        "No candidates to review.",
      ),
    )
    .catch((error: Error) => review.failed(`Could not load the candidates: ${error.message}`));
}
