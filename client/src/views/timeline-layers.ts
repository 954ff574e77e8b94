import * as d3 from "d3";
import { type TwoLevelAxis, twoLevelAxis } from "./timeline-axis.ts";
import type { TimelineGeometry } from "./timeline-geometry.ts";
import { drawLanes } from "./timeline-lanes.ts";
import type { Row } from "./timeline-rows.ts";
import { ensureGradients } from "./timeline-svg.ts";

/** The timeline's layers, back to front; the interactions attach to `svg` and `root`. */
export interface TimelineLayers {
  /** Marks drawn on a canvas (many items or bucket counts), or null for SVG marks. */
  canvas: HTMLCanvasElement | null;
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  /** The SVG marks' group, clipped to the plot. */
  marks: d3.Selection<SVGGElement, unknown, null, undefined>;
  /** Draws the axis for a (zoomed) scale. */
  axis: TwoLevelAxis;
  /** A polite live region that reads out the focused item. */
  live: d3.Selection<HTMLDivElement, unknown, null, undefined>;
}

/**
 * Builds the layers into `root`: the canvas (when asked), the plot's SVG
 * with the lanes and a clip for the marks, and the axis as its own strip
 * (it stays in view while the lanes scroll; dragging it pans).
 */
export function timelineLayers(
  root: HTMLDivElement,
  rows: Row[],
  g: TimelineGeometry,
  o: { canvas: boolean; label: string },
): TimelineLayers {
  const { width, height } = g;
  let canvas: HTMLCanvasElement | null = null;
  if (o.canvas) {
    canvas = document.createElement("canvas");
    const ratio = globalThis.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    // In a box of the plot's size over the lanes (under it their opaque bands hid every mark), taking no
    // pointer events (the SVG below hit-tests); the canvas keeps the view's coordinates, at -left in the box,
    // and is moved by a CSS transform while the view moves (timeline-interim.ts).
    canvas.style.cssText = `position:absolute;left:${-g.left}px;top:0;width:${width}px;height:${height}px;transform-origin:0 0;will-change:transform;z-index:1`;
    canvas.getContext("2d")?.scale(ratio, ratio);
    const clip = document.createElement("div");
    clip.className = "timeline-plot";
    clip.style.cssText = `position:absolute;left:${g.left}px;top:0;width:${g.right - g.left}px;height:${height}px;overflow:hidden;pointer-events:none;z-index:1`;
    clip.append(canvas);
    root.append(clip);
  }
  const svg = d3
    .select(root)
    .append("svg")
    .attr("class", `timeline${canvas ? " timeline-canvas" : ""}`)
    .attr("width", width)
    .attr("height", height)
    .attr("tabindex", 0)
    .attr("role", "application")
    .attr("aria-roledescription", "timeline")
    .attr("aria-label", o.label)
    .style("position", "relative");
  const defs = svg.append("defs");
  // The items' colours, read in one pass (no per-item arrays: this runs before the first picture).
  const colours = new Set<string>();
  for (const r of rows) for (const it of r.items) colours.add(it.colour);
  ensureGradients(defs, [...colours].slice(0, 64));
  const clipId = `tl-clip-${Math.random().toString(36).slice(2)}`;
  defs
    .append("clipPath")
    .attr("id", clipId)
    .append("rect")
    .attr("x", g.left)
    .attr("y", 0)
    .attr("width", g.right - g.left)
    .attr("height", height);
  drawLanes(svg.append("g").attr("class", "rows"), rows, g);

  // The axis is a strip of its own (sticky below the lanes), HTML rather than SVG: its ticks move by CSS
  // transforms while the view moves (timeline-axis.ts). The grip takes the drags that pan.
  const strip = document.createElement("div");
  strip.className = "timeline-axis";
  strip.style.cssText = `width:${width}px;height:${g.margin.bottom}px`;
  const grip = document.createElement("div");
  grip.className = "axis-grip";
  grip.title = "Drag to pan, wheel to zoom";
  grip.style.cssText = `left:${g.left}px;width:${g.right - g.left}px`;
  const ticks = document.createElement("div");
  ticks.className = "axis";
  strip.append(grip, ticks);
  root.append(strip);
  const axis = twoLevelAxis(ticks, g.left, g.right);
  const marks = svg
    .append("g")
    .attr("class", "marks")
    .attr("clip-path", `url(#${clipId})`)
    .style("pointer-events", "none");
  const live = d3.select(root).append("div").attr("class", "visually-hidden").attr("aria-live", "polite");
  return { canvas, svg, marks, axis, live };
}
