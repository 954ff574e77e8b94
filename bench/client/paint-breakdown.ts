import type { Page } from "playwright-core";

/**
 * Where a first load's time goes, from the page's own clocks: the document
 * and entry script, each GraphQL operation (by name) and the world atlas
 * (request start to answer end), the timeline's first marks, and the app
 * marked ready (graph and map drawn too). Times in ms from navigation start.
 */
export interface PaintBreakdown {
  domContentLoaded: number;
  timelineDrawn: number;
  /** The first meaningful paint: the frame after the timeline's marks were drawn. */
  timelinePainted: number;
  ready: number;
  requests: { name: string; start: number; end: number }[];
}

/** Installs the watchers; call before `page.goto`. */
export async function watchPaint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: Record<string, number> = {};
    (globalThis as unknown as { __paint: Record<string, number> }).__paint = seen;
    new MutationObserver(() => {
      if (!seen.timeline && document.querySelector(".timeline g.mark, .timeline-view canvas")) {
        seen.timeline = performance.now();
        // On screen: the frame that paints the marks has run.
        requestAnimationFrame(() =>
          setTimeout(() => {
            seen.painted = performance.now();
          }, 0),
        );
      }
      if (!seen.ready && document.querySelector("#app.ready")) seen.ready = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
  });
}

/** Reads the clocks once the page is ready. */
export async function readPaint(page: Page, operationNames: Map<string, string>): Promise<PaintBreakdown> {
  const raw = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const seen = (globalThis as unknown as { __paint: Record<string, number> }).__paint;
    const requests = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((r) => r.name.includes("/graphql") || r.name.includes("countries-"))
      .map((r) => ({ url: r.name, start: r.startTime, end: r.responseEnd }));
    return {
      dcl: nav.domContentLoadedEventEnd,
      timeline: seen.timeline ?? -1,
      painted: seen.painted ?? -1,
      ready: seen.ready ?? -1,
      requests,
    };
  });
  // Resource timing has no request bodies: GraphQL requests are named in the order they were sent.
  const names = [...operationNames.values()];
  let g = 0;
  return {
    domContentLoaded: raw.dcl,
    timelineDrawn: raw.timeline,
    timelinePainted: raw.painted,
    ready: raw.ready,
    requests: raw.requests.map((r) => ({
      name: r.url.includes("/graphql") ? (names[g++] ?? "graphql") : `atlas ${/countries-(\w+)/.exec(r.url)?.[1]}`,
      start: r.start,
      end: r.end,
    })),
  };
}

/** The GraphQL requests a page sent, by name, with their bodies (the last of each name), for replaying. */
export const sentBodies = new Map<string, string>();

/** Names the GraphQL operations a page sends, in order (for `readPaint`). */
export function nameOperations(page: Page): Map<string, string> {
  const names = new Map<string, string>();
  let i = 0;
  page.on("request", (r) => {
    if (!r.url().includes("/graphql")) return;
    const body = r.postData() ?? "";
    // A GET (the preloaded start request) carries its query in the address.
    const text = r.method() === "GET" ? (new URL(r.url()).searchParams.get("query") ?? "") : body;
    const name = `${/(?:query|mutation)\s+(\w+)/.exec(text)?.[1] ?? "?"}${r.method() === "GET" ? " (GET)" : ""}`;
    names.set(String(i++), name);
    if (body) sentBodies.set(name, body);
    else if (text) sentBodies.set(name.replace(" (GET)", ""), JSON.stringify({ query: text }));
  });
  return names;
}

/**
 * The server alone: each operation the page sent, replayed one at a time
 * (`times` runs, median), so its cost is seen without the browser's
 * concurrent requests and rendering competing for the CPU.
 */
export async function printServerTimes(
  fetcher: (request: Request) => Promise<Response> | Response,
  times = 5,
): Promise<void> {
  console.log("  after: the server alone (each operation replayed sequentially, median ms)");
  for (const [name, body] of sentBodies) {
    const took: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      const r = await fetcher(
        new Request("http://bench/graphql", { method: "POST", body, headers: { "content-type": "application/json" } }),
      );
      await r.text();
      took.push(performance.now() - t0);
    }
    took.sort((a, b) => a - b);
    console.log(`    ${name.padEnd(28)} ${ms(took[Math.floor(times / 2)])} ms`);
  }
}

const ms = (n: number) => `${Math.round(n)}`.padStart(5);

/** One line per phase, medians over the runs. */
export function printBreakdown(label: string, runs: PaintBreakdown[]): void {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? -1;
  console.log(`  ${label}: where the time goes (median ms from navigation start)`);
  console.log(
    `    DOMContentLoaded ${ms(median(runs.map((r) => r.domContentLoaded)))}   timeline drawn ${ms(median(runs.map((r) => r.timelineDrawn)))}   painted ${ms(median(runs.map((r) => r.timelinePainted)))}   app ready (graph, map) ${ms(median(runs.map((r) => r.ready)))}`,
  );
  const byName = new Map<string, { start: number[]; end: number[] }>();
  for (const run of runs)
    for (const r of run.requests) {
      const e = byName.get(r.name) ?? { start: [], end: [] };
      e.start.push(r.start);
      e.end.push(r.end);
      byName.set(r.name, e);
    }
  for (const [name, e] of byName)
    console.log(
      `    ${name.padEnd(28)} sent ${ms(median(e.start))}  answered ${ms(median(e.end))}  (${ms(median(e.end.map((t, i) => t - e.start[i])))} ms)`,
    );
}
