import * as d3 from "d3";
import type { TimeWindow } from "../data/filters.ts";
import type { LaneGeometry } from "./timeline-lanes.ts";
import type { Row } from "./timeline-rows.ts";

const hour = 3600 * 1000;

/** The plot's frame: margins, each row's top and height, and the unzoomed time scale. */
export interface TimelineGeometry extends LaneGeometry {
  width: number;
  /** The plot's height (the axis is a strip of its own, `margin.bottom` high). */
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The bottom of the last row. */
  plotBottom: number;
  slotH: (row: Row) => number;
  /** Time → x at zoom level 1 (the whole extent, padded). */
  x0: d3.ScaleTime<number, number>;
  /** The extent's length in ms, which bounds the zoom. */
  span: number;
}

const margin = { top: 6, right: 16, bottom: 36, left: 160 };
export const defaultRowHeight = 26;
/** Rows shrink to fit no further than this, nor a sub-row below `smallestSlot`: a label's 10 px text must fit. */
const smallestRowHeight = 18;
const smallestSlot = 17;

/** A row's height for a row height of `h` (one with sub-rows is taller, not `slots` times taller). */
const rowHeightAt = (row: Row, h: number) =>
  row.slots > 1 ? Math.max(Math.round(row.slots * h * 0.7), row.slots * smallestSlot) : h;

/** The view's height, axis included, at row height `h`. */
const viewHeight = (rows: Row[], h: number) =>
  margin.top + (rows.length ? rows.reduce((s, r) => s + rowHeightAt(r, h), 0) : h) + 2 + margin.bottom;

/**
 * The tallest row height (at most `max`, at least 18 px) at which every row
 * and the axis fit in `height`.
 */
export function fittedRowHeight(rows: Row[], height: number, max = defaultRowHeight): number {
  let h = max;
  while (h > smallestRowHeight && viewHeight(rows, h) > height) h--;
  return h;
}

/**
 * Lays the rows out top to bottom (a row with sub-rows is taller, not
 * `slots` times taller) and fits the extent, or the items' own, padded by 5%
 * and at least a day, across the width.
 */
export function timelineGeometry(
  rows: Row[],
  o: { width: number; rowHeight: number; extent?: TimeWindow },
): TimelineGeometry {
  const { width, rowHeight } = o;
  const rowH = (row: Row) => rowHeightAt(row, rowHeight);
  const tops = new Map<Row, number>();
  let plotBottom = margin.top;
  for (const row of rows) {
    tops.set(row, plotBottom);
    plotBottom += rowH(row);
  }
  if (!rows.length) plotBottom += rowHeight;

  // The first start and latest end of each row, in a plain loop (it runs over every item before the first picture).
  const times: number[] = [];
  for (const r of rows) {
    if (!r.items.length) continue;
    let end = Number.NEGATIVE_INFINITY;
    for (const it of r.items) if (it.end > end) end = it.end;
    times.push(r.items[0].start, Number.isFinite(end) ? end : 0);
  }
  let [lo, hi] = o.extent
    ? o.extent.map(Number)
    : times.length
      ? (d3.extent(times) as [number, number])
      : [Date.now() - 30 * 24 * hour, Date.now()];
  const pad = Math.max((hi - lo) * 0.05, 24 * hour);
  [lo, hi] = [lo - pad, hi + pad];
  return {
    width,
    height: plotBottom + 2,
    margin: { ...margin },
    plotBottom,
    left: margin.left,
    right: width - margin.right,
    rowY: (row) => tops.get(row) ?? margin.top,
    rowH,
    slotH: (row) => rowH(row) / row.slots,
    x0: d3
      .scaleUtc()
      .domain([lo, hi])
      .range([margin.left, width - margin.right]),
    span: hi - lo,
  };
}
