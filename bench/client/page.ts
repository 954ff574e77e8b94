import type { Event, GraphData } from "../../client/src/data/model.ts";
import { forceGraph, type Mounted, rasdGraph, rasdTimeline, visTimeline } from "./cases.ts";
import { afterPaint, type Frames, panZoom } from "./drive.ts";
import { syntheticEvents, syntheticGraph } from "./synthetic.ts";

/**
 * The bench page's steps, called one at a time from bench/client/run.ts so the
 * heap can be read (after a garbage collection) between them: make the data,
 * mount the view (first render, until painted), pan and zoom it.
 */
export type ViewName = "rasd-timeline" | "vis-timeline" | "rasd-graph" | "force-graph";

let data: Event[] | GraphData | null = null;
let mounted: Mounted | null = null;
const root = () => document.getElementById("bench") as HTMLElement;

function prepare(view: ViewName, n: number) {
  data = view.endsWith("timeline") ? syntheticEvents(n) : syntheticGraph(n, 2 * n);
}

/** Milliseconds from the call to the first picture on screen. */
async function mount(view: ViewName): Promise<number> {
  const t0 = performance.now();
  if (view === "rasd-timeline") mounted = rasdTimeline(root(), data as Event[]);
  else if (view === "vis-timeline") mounted = await visTimeline(root(), data as Event[]);
  else if (view === "rasd-graph") mounted = rasdGraph(root(), data as GraphData);
  else mounted = await forceGraph(root(), data as GraphData);
  await afterPaint();
  data = null;
  return performance.now() - t0;
}

async function interact(count: number): Promise<Frames & { layoutRunning: boolean }> {
  if (!mounted) throw new Error("interact before mount");
  const layoutRunning = mounted.layoutRunning();
  return { ...(await panZoom(mounted.gesture, count)), layoutRunning };
}

/** Waits (up to `ms`) for the view's layout to come to rest; true if it did. */
async function settle(ms: number): Promise<boolean> {
  const until = performance.now() + ms;
  while (mounted?.layoutRunning() && performance.now() < until) await new Promise((r) => setTimeout(r, 200));
  return !mounted?.layoutRunning();
}

function dispose() {
  mounted?.dispose();
  mounted = null;
}

Object.assign(window, { bench: { prepare, mount, interact, settle, dispose } });
