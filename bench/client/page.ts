import type { Event, GraphData } from "../../client/src/data/model.ts";
import { drawRows } from "../../client/src/views/timeline-canvas.ts";
import { timelineRows } from "../../client/src/views/timeline-rows.ts";
import { blankPage, forceGraph, type Mounted, rasdGraph, rasdTimeline, visTimeline } from "./cases.ts";
import { afterPaint, type Frames, panZoom } from "./drive.ts";
import { syntheticEvents, syntheticGraph } from "./synthetic.ts";

/**
 * The bench page's steps, called one at a time from bench/client/run.ts so the
 * heap can be read (after a garbage collection) between them: make the data,
 * mount the view (first render, until painted), pan and zoom it.
 */
export type ViewName = "rasd-timeline" | "vis-timeline" | "rasd-graph" | "force-graph" | "blank-page";

let data: Event[] | GraphData | null = null;
let mounted: Mounted | null = null;
const root = () => document.getElementById("bench") as HTMLElement;

function prepare(view: ViewName, n: number) {
  data = view === "blank-page" ? null : view.endsWith("timeline") ? syntheticEvents(n) : syntheticGraph(n, 2 * n);
}

/** Milliseconds from the call to the first picture on screen. */
async function mount(view: ViewName): Promise<number> {
  const t0 = performance.now();
  if (view === "blank-page") mounted = blankPage(root());
  else if (view === "rasd-timeline") mounted = rasdTimeline(root(), data as Event[]);
  else if (view === "vis-timeline") mounted = await visTimeline(root(), data as Event[]);
  else if (view === "rasd-graph") mounted = rasdGraph(root(), data as GraphData);
  else mounted = await forceGraph(root(), data as GraphData);
  await afterPaint();
  data = null;
  return performance.now() - t0;
}

async function interact(count: number, maxMs?: number): Promise<Frames & { layoutRunning: boolean }> {
  if (!mounted) throw new Error("interact before mount");
  const layoutRunning = mounted.layoutRunning();
  return { ...(await panZoom(mounted.gesture, count, maxMs)), layoutRunning };
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

/**
 * Where the timeline's canvas drawing breaks the frame budget: milliseconds
 * (median of 9 draws, the window shifted each time) to draw `marks` marks of
 * 100,000 events at 1400 px, and to draw every row as a density strip.
 */
function marksCost(counts: number[]): { marks: number; ms: number }[] {
  const events = syntheticEvents(100_000);
  const rows = timelineRows(events, [], "type");
  const canvas = document.createElement("canvas");
  [canvas.width, canvas.height] = [1400, 400];
  const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
  const [lo, hi] = [+events[0].start, +events[events.length - 1].end];
  const time = (marks: number, density: number) => {
    const samples: number[] = [];
    for (let i = 0; i < 9; i++) {
      const span = ((hi - lo) * marks) / events.length;
      const t0 = lo + ((hi - lo - span) * i) / 9;
      const t1 = t0 + span;
      const x = (t: number) => 160 + ((t - t0) / (t1 - t0)) * 1224;
      const t = performance.now();
      ctx.clearRect(0, 0, 1400, 400);
      drawRows(ctx, rows, {
        x,
        t0,
        t1,
        left: 160,
        right: 1384,
        rowY: (r) => rows.indexOf(r) * 40,
        rowH: () => 40,
        slotH: (r) => 40 / r.slots,
        selection: null,
        focus: null,
        density,
      });
      ctx.getImageData(0, 0, 1, 1); // waits for the drawing to be done, not just queued
      samples.push(performance.now() - t);
    }
    return samples.sort((a, b) => a - b)[4];
  };
  return [
    ...counts.map((m) => ({ marks: m, ms: time(m, Number.POSITIVE_INFINITY) })),
    { marks: 0, ms: time(events.length, 0) },
  ];
}

Object.assign(window, { bench: { prepare, mount, interact, settle, dispose, marksCost } });
