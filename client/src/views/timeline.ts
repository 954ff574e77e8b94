import * as d3 from "d3";
import type { TimeWindow } from "../data/filters.ts";
import type { LaneKey } from "../data/lanes.ts";
import type { Bucket } from "../data/load.ts";
import type { Event, TimelineMark } from "../data/model.ts";
import { asOfMarker } from "./timeline-as-of.ts";
import { timelineBrush } from "./timeline-brush.ts";
import { bucketRows } from "./timeline-buckets.ts";
import { marksPainter } from "./timeline-draw.ts";
import { defaultRowHeight, fittedRowHeight, timelineGeometry } from "./timeline-geometry.ts";
import { type Placed, timelineKeys } from "./timeline-keys.ts";
import { timelineLayers } from "./timeline-layers.ts";
import { timelinePointer } from "./timeline-pointer.ts";
import { type Row, timelineRows } from "./timeline-rows.ts";
import { describeItem } from "./timeline-svg.ts";
import { timelineZoom, transformFor } from "./timeline-zoom.ts";

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
  /** A row's height (26 px); with `height`, rows shrink to fit it, down to 16 px. */
  rowHeight?: number;
  /**
   * The height the view may take, axis included: rows shrink so all of them
   * show above the axis (a panel of whole rows, none half hidden under it);
   * only rows too many even at the smallest height scroll.
   */
  height?: number;
  /** The zoomed domain to open at; defaults to the data's extent. */
  domain?: TimeWindow;
  /** The whole time range (zoom level 1); defaults to the items' extent. */
  extent?: TimeWindow;
  /** The brushed window to show. */
  window?: TimeWindow;
  selection?: string | null;
  /** Events that belong to the selection (its actor's, place's or claim's): lit, the rest dimmed. */
  highlight?: Set<string> | null;
  /** The item keyboard focus starts on. */
  focus?: string | null;
  /** Above this many items the marks are drawn on a canvas. */
  svgLimit?: number;
  /** The date the views are read as of (null: now), shown as a marker on the articles-published row. */
  asOf?: Date | null;
  /** Given, the marker can be dragged or stepped with keys and reports the new date (null: now). */
  onAsOf?: (asOf: Date | null) => void;
}

/** What the timeline reports through `input` events. */
export interface TimelineValue {
  window: TimeWindow;
  domain: [Date, Date];
  selection: string | null;
}

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
 *
 * This function composes: layout (`timeline-geometry`), layers
 * (`timeline-layers`), drawing (`timeline-draw`) and the interactions —
 * zoom, brush, pointer hit-testing and keys — each in its own module.
 */
export function timeline(data: TimelineData, options: TimelineOptions): HTMLDivElement & { value: TimelineValue } {
  const { width, lanes = "type", svgLimit = 1500 } = options;
  if (!(width > 200)) invalid("width", width);
  if (!["type", "actor", "location"].includes(lanes)) invalid("lanes", lanes);
  const buckets = data.events.length ? null : (data.buckets ?? null);
  const rows = buckets ? bucketRows(buckets) : timelineRows(data.events, data.marks ?? [], lanes);
  const rowHeight = options.height
    ? fittedRowHeight(rows, options.height, options.rowHeight)
    : (options.rowHeight ?? defaultRowHeight);
  const itemCount = d3.sum(rows, (r) => r.items.length);
  const geometry = timelineGeometry(rows, { width, rowHeight, extent: options.extent });

  let x = geometry.x0.copy();
  let brushWindow: TimeWindow = options.window ?? null;
  let selection = options.selection ?? null;
  let focus = options.focus ?? selection;
  const highlight = options.highlight ?? null;
  // What the brush shows: a new brush shows none, so the first picture moves it only for a window.
  let drawnWindow = String(null);
  let frameRequested = false;

  const root = document.createElement("div") as HTMLDivElement & { value: TimelineValue };
  root.className = "timeline-view";
  root.dataset.detail = buckets ? "buckets" : "events";
  root.style.position = "relative";
  root.style.width = `${width}px`;
  // Given a height, the view fills it: what follows in the panel (the weekly strip) starts below the
  // fold rather than half a line of it showing under the axis.
  if (options.height) root.style.minHeight = `${options.height}px`;
  const layers = timelineLayers(root, rows, geometry, {
    canvas: !!buckets || itemCount > svgLimit,
    label: `Timeline of ${buckets ? `${d3.sum(buckets, (b) => b.count)} events (counts per period)` : `${data.events.length} events`}. Arrow keys move, Enter selects, Escape clears, + and - zoom.`,
  });
  const paint = marksPainter(rows, geometry, { canvas: layers.canvas, marks: layers.marks, buckets });

  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  // What the keyboard walks: built on the first key, not before the first picture (20 ms at 20,000 events).
  let allItems: Map<string, Placed> | null = null;
  let chronological: Placed[] | null = null;
  const keyIndex = {
    get byId() {
      if (!allItems) {
        allItems = new Map<string, Placed>();
        for (const row of rows)
          for (const item of row.items) if (!allItems.has(item.id)) allItems.set(item.id, { row, item });
      }
      return allItems;
    },
    get chronological() {
      chronological ??= rows
        .flatMap((row) => row.items.map((item) => ({ row, item })))
        .sort((a, b) => a.item.start - b.item.start || (rowIndex.get(a.row) ?? 0) - (rowIndex.get(b.row) ?? 0));
      return chronological;
    },
  };
  let focusRow: Row | undefined = focus ? rows.find((r) => r.items.some((i) => i.id === focus)) : undefined;

  const pointer = timelinePointer(root, layers.svg, rows, geometry, () => x);
  const brush = timelineBrush(layers.svg, geometry, {
    click(e) {
      // A click, not a brush: pick what is under it and keep the window.
      const id = pointer.pick(e);
      if (id) select(id);
      return !!id;
    },
    brushed(range) {
      brushWindow = range ? (range.map((v) => x.invert(v)) as [Date, Date]) : null;
      emit();
    },
  });
  // The as-of control lives on the publications row: it is a date of publication.
  const publicationRow = rows.find((r) => r.kind === "article");
  const asOf =
    options.onAsOf && publicationRow
      ? asOfMarker(layers.svg, geometry, publicationRow, { asOf: options.asOf ?? null, onAsOf: options.onAsOf })
      : null;
  const zoom = timelineZoom(geometry, (scale) => {
    x = scale;
    schedule();
  });
  // On the whole view (plot and axis strip), so the axis can be dragged too.
  const zoomed = d3.select(root as HTMLDivElement);
  zoomed.call(zoom).on("dblclick.zoom", null);
  layers.svg.on(
    "keydown",
    timelineKeys({
      rows,
      rowIndex,
      get chronological() {
        return keyIndex.chronological;
      },
      get byId() {
        return keyIndex.byId;
      },
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
      zoom: (k, t) => zoomed.call(zoom.scaleBy, k, [t == null ? (geometry.left + geometry.right) / 2 : x(t), 0]),
      viewStart: () => Number(x.domain()[0]),
    }),
  );

  zoomed.call(zoom.transform, transformFor(options.domain, geometry));
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
    const t = (w: TimeWindow) => (w ? `${+w[0]}-${+w[1]}` : "");
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

  /** Draws what changed since the last frame: the axis when the domain moved, the marks and brush when anything did. */
  function render() {
    layers.axis(x);
    asOf?.render(x);
    const painted = paint({ x, selection, focus, highlight });
    const windowKey = String(brushWindow);
    // The brush follows the marks only when there is one: an empty brush is not moved every frame.
    if (windowKey === drawnWindow && (!painted || !brushWindow)) return;
    drawnWindow = windowKey;
    // Programmatic: the brush follows the zoom without reporting a new window.
    brush.move(brushWindow ? [x(brushWindow[0]), x(brushWindow[1])] : null);
  }

  function select(id: string | null) {
    selection = id;
    if (id) focus = id;
    render();
    emit();
  }

  function moveFocus(item: Placed | undefined) {
    if (!item) return;
    focus = item.item.id;
    focusRow = item.row;
    const [t0, t1] = x.domain().map(Number);
    if (item.item.end < t0 || item.item.start > t1) {
      const mid = (item.item.start + item.item.end) / 2;
      zoomed.call(zoom.translateBy, (x(t0) + x(t1)) / 2 - x(mid), 0);
    } else render();
    layers.live.text(describeItem(item.item));
  }

  return root;
}
