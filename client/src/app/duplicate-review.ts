import {
  type DuplicateGroup,
  type DuplicateKind,
  type DuplicateMember,
  dismissDuplicates,
  loadDuplicates,
  mergeDuplicates,
} from "../data/duplicates.ts";
import { h } from "./dom.ts";
import { openReviewList } from "./review-list-dialog.ts";

/** The member kept by a merge unless the editor picks another: the one articles mention most. */
const keepOf = (g: DuplicateGroup) =>
  [...g.members].sort((a, b) => b.mentionCount - a.mentionCount || a.id.localeCompare(b.id))[0]?.id;

/** One member: names in both scripts, aliases, how much evidence, a quoted mention. */
function member(m: DuplicateMember, groupId: string, keep: boolean): HTMLElement {
  const radio = h("input", { type: "radio", name: `keep-${groupId}`, value: m.id, "aria-label": `Keep ${m.name}` });
  radio.checked = keep;
  const names: (Node | string)[] = [h("strong", { dir: "auto" }, m.name)];
  if (m.nameAr && m.nameAr !== m.name) names.push(" — ", h("span", { lang: "ar", dir: "rtl" }, m.nameAr));
  const aliases = m.aliases.filter((a) => a !== m.name && a !== m.nameAr);
  const sample = m.evidence[0];
  return h(
    "div",
    { class: "duplicate-member", "data-id": m.id },
    h("label", {}, radio, " keep "),
    ...names,
    h(
      "span",
      { class: "candidate-score" },
      ` · ${m.kind.replaceAll("_", " ").toLowerCase()} · ${m.mentionCount} mention${m.mentionCount === 1 ? "" : "s"} in ${m.articleCount} article${m.articleCount === 1 ? "" : "s"} · ${m.eventCount} event${m.eventCount === 1 ? "" : "s"} · ${m.id}`,
    ),
    aliases.length ? h("div", { class: "candidate-score" }, `also: ${aliases.join(", ")}`) : "",
    sample
      ? h("div", { class: "candidate-score" }, h("q", { dir: "auto" }, sample.quote), ` — ${sample.articleTitle}`)
      : "",
  );
}

/**
 * "Possible duplicates": actors or places with the same or similar names in
 * either script and different ids, each group with its evidence; Merge keeps
 * the chosen member (mergeEntities: names become aliases, evidence is kept),
 * Dismiss records that they are different (never suggested again). Keyboard:
 * ↑/↓ (or k/j) move between groups, M merges, D dismisses, Esc closes.
 */
export function openDuplicateReview(opts: { onChanged: () => void }): void {
  const kind = h(
    "select",
    { id: "duplicates-kind" },
    h("option", { value: "ACTOR" }, "actors"),
    h("option", { value: "LOCATION" }, "places"),
  );
  const keptIn = (li: HTMLLIElement, g: DuplicateGroup) =>
    li.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value ?? keepOf(g);
  const review = openReviewList<DuplicateGroup>({
    idPrefix: "duplicates",
    title: "Possible duplicates",
    dialogClass: "review-dialog duplicates-dialog",
    hint: "↑/↓ move between groups · M merge into the kept one · D dismiss · Esc close",
    listLabel: "Possible duplicates",
    controls: [h("label", {}, " Show ", kind)],
    needKey: "An editor key is needed to merge or dismiss.",
    noneLeft: "No duplicates left to review.",
    decisions: [
      {
        label: "Merge",
        className: "accept",
        key: "m",
        run: async (g, li, key) => {
          const keep = keptIn(li, g);
          const others = g.members.map((m) => m.id).filter((id) => id !== keep);
          await mergeDuplicates(keep, others, key);
          return `Merged into “${g.members.find((m) => m.id === keep)?.name ?? keep}” (${keep}).`;
        },
      },
      {
        label: "Dismiss",
        className: "reject",
        key: "d",
        run: async (g, _li, key) => {
          await dismissDuplicates(
            kind.value as DuplicateKind,
            g.members.map((m) => m.id),
            key,
          );
          return "Dismissed: they stay apart.";
        },
      },
    ],
    row: (g) => {
      const keep = keepOf(g);
      const shared = g.pairs.reduce((s, p) => s + p.sharedEventCount, 0);
      return {
        attrs: {
          "data-id": g.id,
          "aria-label": `${g.members.length} possible duplicates: ${g.members.map((m) => m.name).join(", ")}`,
        },
        children: [
          ...g.members.map((m) => member(m, g.id, m.id === keep)),
          h(
            "p",
            { class: "candidate-score" },
            `score ${g.score.toFixed(2)}: ${g.reasons.join("; ")}${shared ? ` · ${shared} shared event${shared === 1 ? "" : "s"}` : ""}`,
          ),
        ],
      };
    },
    onChanged: opts.onChanged,
  });

  const load = () => {
    review.loading();
    loadDuplicates(kind.value as DuplicateKind)
      .then(({ total, groups }) =>
        review.show(
          groups,
          `${total} group${total === 1 ? "" : "s"} to review, strongest first.`,
          "No possible duplicates.",
        ),
      )
      .catch((error: Error) => review.failed(`Could not load the suggestions: ${error.message}`));
  };
  kind.addEventListener("change", load);
  load();
}
