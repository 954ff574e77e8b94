import * as d3 from "d3";
import type { Window } from "../data/filters.ts";
import type { LaneKey } from "../data/lanes.ts";
import type { Bucket } from "../data/load.ts";
import type { Event, TimelineMark } from "../data/model.ts";
import { twoLevelAxis } from "./timeline-axis.ts";
import { bucketRows, drawBuckets } from "./timeline-buckets.ts";
import { drawRows, LevelOfDetail } from "./timeline-canvas.ts";
import { timelineKeys } from "./timeline-keys.ts";
import { drawLanes, itemAt } from "./timeline-lanes.ts";
import { type Row, type RowItem, timelineRows } from "./timeline-rows.ts";
import { describeItem, ensureGradients, joinMarks } from "./timeline-svg.ts";

export interface TimelineData {
  /** Events sorted by start. */
  events: Event[];
  /** Claims and article publications, drawn on their own rows. */
  marks?: TimelineMark[];
  /** The server's counts per bucket and type, drawn instead of events when these were too many to send. */
  buckets?: Bucket[] | null;
}

export interface TimelineOptions {
  width: number;
  /** Lanes by event type, actor or location. */
  lanes?: LaneKey;
  rowHeight?: number;
  /** The zoomed domain to open at; defaults to the data's extent. */
  domain?: Window;
  /** The whole time range (zoom level 1); defaults to the items' extent. */
  extent?: Window;
  /** The brushed window to show. */
  window?: Window;
  selection?: string | null;
  /** Events that belong to the selection (its actor's, place's or claim's): lit, the rest dimmed. */
  highlight?: Set<string> | null;
  /** The item keyboard focus starts on. */
  focus?: string | null;
  /** Above this many items the marks are drawn on a canvas. */
  svgLimit?: number;
}

/** What the timeline reports through `input` events. */
export interface TimelineValue {
  window: Window;
  domain: [Date, Date];
  selection: string | null;
}

const hour = 3600 * 1000;
const century = 100 * 365.25 * 24 * hour;

function invalid(name: string, value: unknown): never {
  throw new Error(`invalid ${name}: ${value}`);
}

/**
 * A zoomable timeline (wheel, shift-drag or drag on the axis; decades to
 * hours) with a brush for the window and a two-level axis. Uncertain dates
 * are ranges with fuzzy ends; open-ended ranges fade out. Few items are SVG
 * marks labelled where they fit, many are drawn on a canvas with density
 * strips. Input only records the zoom; drawing happens once per animation
 * frame. Reports `{window, domain, selection}`.
 */
export function timeline(data: TimelineData, options: TimelineOptions): HTMLDivElement & { value: TimelineValue } {
  const { width, lanes = "type", rowHeight = 26, svgLimit = 1500 } = options;
  if (!(width > 200)) invalid("width", width);
  if (!["type", "actor", "location"].includes(lanes)) invalid("lanes", lanes);
  const buckets = data.events.length ? null : (data.buckets ?? null);
  const rows = buckets ? bucketRows(buckets) : timelineRows(data.events, data.marks ?? [], lanes);
  const itemCount = d3.sum(rows, (r) => r.items.length);
  const useCanvas = !!buckets || itemCount > svgLimit;
  const margin = { top: 6, right: 16, bottom: 36, left: 160 };
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const rowH = (row: Row) => (row.slots > 1 ? Math.round(row.slots * rowHeight * 0.7) : rowHeight);
  const tops = new Map<Row, number>();
  let plotBottom = margin.top;
  for (const row of rows) {
    tops.set(row, plotBottom);
    plotBottom += rowH(row);
  }
  if (!rows.length) plotBottom += rowHeight;
  // The plot; the axis is its own strip that stays in view while the lanes scroll.
  const height = plotBottom + 2;
  const rowY = (row: Row) => tops.get(row) ?? margin.top;
  const slotH = (row: Row) => rowH(row) / row.slots;

  const times = rows.flatMap((r) => (r.items.length ? [r.items[0].start, d3.max(r.items, (i) => i.end) ?? 0] : []));
  let [lo, hi] = options.extent
    ? options.extent.map(Number)
    : times.length
      ? (d3.extent(times) as [number, number])
      : [Date.now() - 30 * 24 * hour, Date.now()];
  const pad = Math.max((hi - lo) * 0.05, 24 * hour);
  [lo, hi] = [lo - pad, hi + pad];
  const x0 = d3
    .scaleUtc()
    .domain([lo, hi])
    .range([margin.left, width - margin.right]);
  const span = hi - lo;

  let x = x0.copy();
  let brushWindow: Window = options.window ?? null;
  let selection = options.selection ?? null;
  let focus = options.focus ?? selection;
  const highlight = options.highlight ?? null;
  const lod = new LevelOfDetail();
  // What the marks were last drawn for, and whether a frame is already asked for.
  let drawn = "";
  let frameRequested = false;

  const root = document.createElement("div") as HTMLDivElement & { value: TimelineValue };
  root.className = "timeline-view";
  root.dataset.detail = buckets ? "buckets" : "events";
  root.style.position = "relative";
  root.style.width = `${width}px`;
  let canvas: HTMLCanvasElement | null = null;
  if (useCanvas) {
    canvas = document.createElement("canvas");
    const ratio = globalThis.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${height}px`;
    canvas.getContext("2d")?.scale(ratio, ratio);
    root.append(canvas);
  }
  const svg = d3
    .select(root)
    .append("svg")
    .attr("class", `timeline${useCanvas ? " timeline-canvas" : ""}`)
    .attr("width", width)
    .attr("height", height)
    .attr("tabindex", 0)
    .attr("role", "application")
    .attr("aria-roledescription", "timeline")
    .attr(
      "aria-label",
      `Timeline of ${buckets ? `${d3.sum(buckets, (b) => b.count)} events (counts per period)` : `${data.events.length} events`}. Arrow keys move, Enter selects, Escape clears, + and - zoom.`,
    )
    .style("position", "relative");
  const defs = svg.append("defs");
  ensureGradients(defs, [...new Set(rows.flatMap((r) => r.items.map((i) => i.colour)))].slice(0, 64));
  const clipId = `tl-clip-${Math.random().toString(36).slice(2)}`;
  defs
    .append("clipPath")
    .attr("id", clipId)
    .append("rect")
    .attr("x", margin.left)
    .attr("y", 0)
    .attr("width", width - margin.left - margin.right)
    .attr("height", height);

  drawLanes(svg.append("g").attr("class", "rows"), rows, {
    left: margin.left,
    right: width - margin.right,
    rowY,
    rowH,
  });
  const axisG = d3
    .select(root)
    .append("svg")
    .attr("class", "timeline-axis")
    .attr("width", width)
    .attr("height", margin.bottom)
    .append("g")
    .attr("class", "axis");
  axisG
    .append("rect")
    .attr("class", "axis-grip")
    .attr("x", margin.left)
    .attr("width", width - margin.left - margin.right)
    .attr("height", margin.bottom)
    .append("title")
    .text("Drag to pan, wheel to zoom");
  const axis = twoLevelAxis(axisG.append("g").attr("class", "axis-ticks"), margin.left, width - margin.right);
  const brushG = svg.append("g").attr("class", "brush");
  const marksG = svg
    .append("g")
    .attr("class", "marks")
    .attr("clip-path", `url(#${clipId})`)
    .style("pointer-events", "none");
  const tooltip = d3
    .select(root)
    .append("div")
    .attr("class", "tooltip")
    .attr("role", "tooltip")
    .style("display", "none");
  const live = d3.select(root).append("div").attr("class", "visually-hidden").attr("aria-live", "polite");

  const allItems = new Map<string, { row: Row; item: RowItem }>();
  for (const row of rows)
    for (const item of row.items) if (!allItems.has(item.id)) allItems.set(item.id, { row, item });
  const chronological = rows
    .flatMap((row) => row.items.map((item) => ({ row, item })))
    .sort((a, b) => a.item.start - b.item.start || (rowIndex.get(a.row) ?? 0) - (rowIndex.get(b.row) ?? 0));
  let focusRow: Row | undefined = focus ? allItems.get(focus)?.row : undefined;

  const brush = d3
    .brushX()
    .extent([
      [margin.left, margin.top],
      [width - margin.right, plotBottom],
    ])
    .filter((e) => !e.shiftKey && !e.button)
    .on("end", brushed);
  brushG.call(brush);

  const zoom = d3
    .zoom<HTMLDivElement, unknown>()
    .scaleExtent([Math.min(1, span / century), Math.max(1, span / hour)])
    .extent([
      [margin.left, 0],
      [width - margin.right, height],
    ])
    .filter((e) => {
      if (e.type === "wheel" || e.type === "dblclick" || e.type.startsWith("touch")) return true;
      return !e.button && (e.shiftKey || (e.target as Element).classList?.contains("axis-grip"));
    })
    .on("zoom", (e) => {
      // Only record the view here: wheel and drag events come faster than frames.
      x = e.transform.rescaleX(x0);
      schedule();
    });
  // On the whole view (plot and axis strip), so the axis can be dragged too.
  const zoomed = d3.select(root as HTMLDivElement);
  zoomed.call(zoom).on("dblclick.zoom", null);

  let pointerDown: [number, number] | null = null;
  svg.on("mousedown.hit", (e: MouseEvent) => {
    pointerDown = [e.clientX, e.clientY];
  });
  svg.on("mousemove.hit", (e: MouseEvent) => hover(e));
  svg.on("mouseleave.hit", () => tooltip.style("display", "none"));
  svg.on(
    "keydown",
    timelineKeys({
      rows,
      rowIndex,
      chronological,
      byId: allItems,
      focus: () => ({ id: focus, row: focusRow }),
      moveFocus,
      select,
      selection: () => selection,
      clearWindow: () => {
        if (!brushWindow) return false;
        brushWindow = null;
        render();
        emit();
        return true;
      },
      zoom: (k, t) => zoomed.call(zoom.scaleBy, k, [t == null ? (margin.left + width - margin.right) / 2 : x(t), 0]),
      viewStart: () => Number(x.domain()[0]),
    }),
  );

  const domain = options.domain;
  const transform = domain
    ? (() => {
        const k = (x0.range()[1] - x0.range()[0]) / (x0(domain[1]) - x0(domain[0]));
        return d3.zoomIdentity.translate(margin.left - k * x0(domain[0]), 0).scale(k);
      })()
    : d3.zoomIdentity;
  zoomed.call(zoom.transform, transform);
  render();
  root.value = current();

  /** Coalesces the zooms of one frame into one drawing and one report. */
  function schedule() {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      render();
      emit();
    });
  }

  function current(): TimelineValue {
    return { window: brushWindow, domain: x.domain() as [Date, Date], selection };
  }

  function emit() {
    const next = current();
    const prev = root.value;
    const t = (w: Window) => (w ? `${+w[0]}-${+w[1]}` : "");
    if (
      prev &&
      t(prev.window) === t(next.window) &&
      t(prev.domain) === t(next.domain) &&
      prev.selection === next.selection
    )
      return;
    root.value = next;
    root.dispatchEvent(new Event("input", { bubbles: true }));
  }

  /** Draws what changed since the last frame: the axis when the domain moved, the marks when anything did. */
  function render() {
    axis(x);
    const [t0, t1] = x.domain().map(Number);
    const key = `${t0}|${t1}|${selection}|${focus}|${String(brushWindow)}`;
    if (key === drawn) return;
    drawn = key;
    const frame = {
      x: (t: number) => x(t),
      t0,
      t1,
      left: margin.left,
      right: width - margin.right,
      rowY,
      rowH,
      slotH,
      selection,
      focus,
      highlight,
      density: lod.threshold,
    };
    if (canvas) {
      const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
      const t = performance.now();
      ctx.clearRect(0, 0, width, height);
      if (buckets) drawBuckets(ctx, rows, buckets, frame);
      else drawRows(ctx, rows, frame);
      lod.observe(performance.now() - t);
    } else joinMarks(marksG, rows, frame);
    // Programmatic: the brush follows the zoom without reporting a new window.
    if (brushWindow) {
      const a = Math.max(margin.left, x(brushWindow[0]));
      const b = Math.min(width - margin.right, x(brushWindow[1]));
      brushG.call(brush.move, b > a ? [a, b] : null);
    } else brushG.call(brush.move, null);
  }

  function hit(e: MouseEvent): RowItem | null {
    const [px, py] = d3.pointer(e, svg.node());
    return itemAt(px, py, rows, { x, left: margin.left, right: width - margin.right, rowY, rowH, slotH });
  }

  function hover(e: MouseEvent) {
    const item = hit(e);
    if (!item) {
      tooltip.style("display", "none");
      return;
    }
    const [px, py] = d3.pointer(e, root);
    tooltip
      .style("display", "block")
      .style("left", `${Math.min(px + 12, width - 280)}px`)
      .style("top", `${py + 14}px`)
      .text(describeItem(item));
    if (item.event?.summary) tooltip.append("div").attr("class", "tooltip-summary").text(item.event.summary);
  }

  function brushed(e: d3.D3BrushEvent<unknown>) {
    if (!e.sourceEvent) return;
    const start = pointerDown;
    pointerDown = null;
    const src = e.sourceEvent as MouseEvent;
    const click = !e.selection && start && Math.hypot(src.clientX - start[0], src.clientY - start[1]) < 4;
    if (click) {
      // A click, not a brush: pick what is under it and keep the window.
      // A bar's label (drawn beside it) names the same event as the bar.
      const id = hit(src)?.id ?? labelledMarkAt(src);
      if (id) {
        select(id);
        render();
        return;
      }
    }
    brushWindow = e.selection ? ((e.selection as [number, number]).map((v) => x.invert(v)) as [Date, Date]) : null;
    emit();
  }

  /** The mark drawn under the pointer, its label included (labels sit beside their bars, outside hit-testing's reach). */
  function labelledMarkAt(e: MouseEvent): string | null {
    for (const el of document.elementsFromPoint(e.clientX, e.clientY)) {
      const id = el.closest<SVGGElement>(".timeline g.mark")?.dataset.id;
      if (id) return id;
    }
    return null;
  }

  function select(id: string | null) {
    selection = id;
    if (id) focus = id;
    render();
    emit();
  }

  function moveFocus(item: { row: Row; item: RowItem } | undefined) {
    if (!item) return;
    focus = item.item.id;
    focusRow = item.row;
    const [t0, t1] = x.domain().map(Number);
    if (item.item.end < t0 || item.item.start > t1) {
      const mid = (item.item.start + item.item.end) / 2;
      zoomed.call(zoom.translateBy, (x(t0) + x(t1)) / 2 - x(mid), 0);
    } else render();
    live.text(describeItem(item.item));
  }

  return root;
}
