import { exportFormats, exportUrl } from "../data/export-url.ts";
import { formatDay } from "../data/text.ts";
import type { Layout } from "./layout.ts";
import type { AppState } from "./state.ts";

/** What an export was asked for, as the analyst chose it. */
export interface ExportRequest {
  href: string;
  format: string;
  /** "what is shown", "selection + 1 hop" or "everything", with the window and filters in words. */
  scope: string;
}

/** Counts of what a downloaded export holds, read from its text where the format allows. */
export function exportCounts(format: string, text: string): string {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  try {
    if (format === "node-link") {
      const j = JSON.parse(text) as { nodes?: unknown[]; links?: unknown[]; edges?: unknown[] };
      return `${j.nodes?.length ?? 0} nodes, ${(j.links ?? j.edges)?.length ?? 0} links`;
    }
    if (format === "cytoscape") {
      const j = JSON.parse(text) as { elements?: { nodes?: unknown[]; edges?: unknown[] } | { group?: string }[] };
      const el = j.elements;
      if (Array.isArray(el))
        return `${el.filter((e) => e.group === "nodes").length} nodes, ${el.filter((e) => e.group === "edges").length} edges`;
      return `${el?.nodes?.length ?? 0} nodes, ${el?.edges?.length ?? 0} edges`;
    }
    if (format === "geojson") return `${(JSON.parse(text) as { features?: unknown[] }).features?.length ?? 0} features`;
  } catch {
    return "";
  }
  if (format === "graphml" || format === "gexf") return `${count(/<node[\s>]/g)} nodes, ${count(/<edge[\s>]/g)} edges`;
  if (format === "cypher") return `${count(/^\s*(MERGE|CREATE|UNWIND)\b/gm)} statements`;
  return "";
}

const kb = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`);

/**
 * Downloads an export and reports what it held: format, scope (window,
 * filters), counts where the format tells them, size and file name. Shows the
 * bytes received while it streams, so a long export is visibly moving.
 */
export async function runExport(request: ExportRequest, report: (message: string, done: boolean) => void) {
  const label = exportFormats.find(([v]) => v === request.format)?.[1] ?? request.format;
  report(`Exporting ${label}: ${request.scope}…`, false);
  const response = await fetch(request.href);
  if (!response.ok) {
    const body = await response.text();
    let reason = body;
    try {
      reason = (JSON.parse(body) as { error?: string }).error ?? body;
    } catch {}
    report(`Export failed (${response.status}): ${reason}`, true);
    return;
  }
  const reader = response.body?.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  let last = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    if (performance.now() - last > 200) {
      last = performance.now();
      report(`Exporting ${label}: ${request.scope}… ${kb(received)} received`, false);
    }
  }
  const type = response.headers.get("content-type") ?? "application/octet-stream";
  const blob = new Blob(parts as BlobPart[], { type });
  const filename =
    /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
    `rasd-export.${request.format}`;
  const counts = type.startsWith("application/zip") ? "" : exportCounts(request.format, await blob.text());
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  report(
    `Exported ${label} — ${request.scope}${counts ? ` — ${counts}` : ""} — ${kb(received)}, saved as ${filename} (your downloads folder)`,
    true,
  );
}

/** The export scope in words: what (and how many graph nodes), which window, which filters. */
export function scopeWords(s: AppState, scope: string, names: Map<string, string>, shown: number): string {
  if (scope === "all") return "everything in the graph";
  const what =
    scope === "selection" && s.selection
      ? `${names.get(s.selection) ?? s.selection} + 1 hop`
      : `what is shown (${shown} graph nodes)`;
  const period = s.window ? `${formatDay(s.window[0])} – ${formatDay(s.window[1])}` : "all time";
  const f = s.filters;
  const filters = [
    ...f.types.map((t) => t.toLowerCase()),
    ...[...f.actors, ...f.locations].map((id) => names.get(id) ?? id),
    ...(f.minConfidence ? [`confidence ≥ ${f.minConfidence * 100}%`] : []),
  ];
  return `${what}, ${period}${filters.length ? `, filters: ${filters.join(", ")}` : ", no filters"}`;
}

/** The graph nodes an export of "what is shown" names, at most this many (the URL carries them). */
const shownCap = 2000;

/** Points the Export link at what the scope and format controls and the state ask for. */
export function updateExportLink(layout: Layout, s: AppState, shownIds: string[]): void {
  const scope = layout.exportScope.value;
  layout.exportLink.href = exportUrl({
    format: layout.exportFormat.value,
    all: scope === "all",
    ids:
      scope === "selection" && s.selection
        ? [s.selection]
        : scope === "shown" && (s.expanded.length || s.removed.length)
          ? shownIds.slice(0, shownCap)
          : [],
    hops: scope === "selection" ? 1 : 0,
    window: s.window,
    filters: s.filters,
  });
}

/** Runs the export the link points at (instead of following it) and reports in the notice line. */
export function exportFromLink(layout: Layout, s: AppState, names: Map<string, string>, shown: number): void {
  const notice = layout.notice;
  notice.hidden = false;
  const scope = scopeWords(s, layout.exportScope.value, names, shown);
  runExport({ href: layout.exportLink.href, format: layout.exportFormat.value, scope }, (message) => {
    notice.textContent = message;
  }).catch((error) => {
    notice.textContent = `Export failed: ${(error as Error).message}`;
  });
}
