import { factGroups } from "../data/fact-groups.ts";
import type { EventSources } from "../data/sources.ts";
import { formatDay } from "../data/text.ts";
import { el } from "./element.ts";
import { factChart } from "./fact-chart.ts";

/**
 * "Reported by N independent sources": the reports of one event (publisher,
 * language, time, each evidence span in its own script and direction) and a
 * table of what they disagree on. view(data) → Element; text goes in as text.
 */
function inLanguage<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, language: string, className?: string) {
  const node = el(tag, className, text);
  node.lang = language;
  node.dir = language === "ar" ? "rtl" : "ltr";
  return node;
}

const time = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export interface SourcesOptions {
  /** The panel's width, for the chart of the numbers the reports give. */
  width: number;
}

export function sourcesView(s: EventSources, options: SourcesOptions): HTMLElement {
  const root = el("section", "sources");
  root.setAttribute("aria-label", "Sources of this event");
  const n = s.independentSources;
  const heading = el(
    "h3",
    `sources-count ${n >= 2 ? "corroborated" : "single-source"}`,
    `Reported by ${n} independent source${n === 1 ? "" : "s"}`,
  );
  root.append(heading);
  const note = [`${s.reportCount} report${s.reportCount === 1 ? "" : "s"}`];
  if (s.firstReportedAt) note.push(`first ${time(s.firstReportedAt)}`);
  if (s.lastReportedAt && s.reportCount > 1) note.push(`last ${time(s.lastReportedAt)}`);
  if (s.asOf) note.push(`as of ${time(s.asOf)}`);
  root.append(el("p", "sources-note", note.join(" · ")));
  if (s.dateConflict)
    root.append(el("p", "sources-conflict", "The reports' dates do not agree; the event spans all of them."));
  // Casualties and other counts, when the reports give any: a chart shows at a glance who says what.
  const chart = factChart(factGroups(s), { width: Math.max(240, options.width) });
  if (chart) root.append(chart);

  const list = el("ol", "reports");
  for (const r of s.reports) {
    const li = el("li", "report");
    const head = el("div", "report-head");
    head.append(
      el("span", "report-publisher", r.publisher),
      " ",
      el("span", "badge report-language", r.language.toUpperCase()),
      " ",
      el("time", "report-time", time(r.publishedAt)),
    );
    if (r.copyOf) head.append(" ", el("span", "badge report-copy", "syndicated copy"));
    if (r.source.startsWith("actor:")) head.append(" ", el("span", "report-credit", `credits ${r.source.slice(6)}`));
    li.append(head, inLanguage("div", r.title, r.language, "report-title"));
    for (const span of r.spans) li.append(inLanguage("blockquote", span, r.language, "report-span"));
    list.append(li);
  }
  root.append(list);

  if (s.disagreements.length > 0) {
    const table = el("table", "disagreements");
    table.append(el("caption", undefined, "Where the reports disagree"));
    const head = el("tr");
    for (const h of ["What", "Value", "Who says so"]) head.append(el("th", undefined, h));
    table.append(head);
    for (const d of s.disagreements)
      d.values.forEach((v, i) => {
        const tr = el("tr");
        if (i === 0) {
          const what = el("th", undefined, `${d.what.toLowerCase()}${d.unit ? ` (${d.unit})` : ""}`);
          what.rowSpan = d.values.length;
          what.scope = "rowgroup";
          tr.append(what);
        }
        tr.append(el("td", "value", v.value));
        const who = el("td");
        for (const r of v.reports) {
          const p = el("p", "who");
          p.append(el("span", "report-publisher", r.publisher), " ");
          if (r.quote) p.append(inLanguage("q", r.quote, r.language));
          who.append(p);
        }
        tr.append(who);
        table.append(tr);
      });
    root.append(table);
  } else if (s.reportCount > 1) root.append(el("p", "sources-agree", "The reports agree on the numbers they give."));
  return root;
}

/** The short line for an event that has no report as of the chosen date. */
export function notYetReported(asOf: Date): HTMLElement {
  return el("p", "sources-note", `Not reported yet as of ${formatDay(asOf)}.`);
}
