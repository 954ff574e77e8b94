import * as d3 from "d3";
import type { TimelineGeometry } from "./timeline-geometry.ts";
import type { Row } from "./timeline-rows.ts";

const minute = 60_000;
const day = 24 * 60 * minute;

/** What the as-of marker needs from the timeline. */
export interface AsOfMarkerOptions {
  /** The date read as of, or null for now (everything published). */
  asOf: Date | null;
  /** Sets the date (null: now); called once a drag ends or a key is pressed. */
  onAsOf: (asOf: Date | null) => void;
}

/** "2024-09-09 08:00 UTC", the minute the date-time picker shows too. */
const label = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * The "as of" control on the articles-published row: a marker at the date
 * the views are read as of (at the row's right end when they show
 * everything), with the not-yet-published time after it shaded. Drag it, or
 * focus it (it is a slider) and press ←/→ for the previous/next article's
 * publication, PageUp/PageDown for a day, Home for the first article, End
 * for now. Dropping it past the last time shown also means now. Dates are
 * whole minutes, rounded up; a key step lands on the minute after an
 * article's publication, so that article counts.
 */
export function asOfMarker(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  g: TimelineGeometry,
  row: Row,
  o: AsOfMarkerOptions,
) {
  const publications = [...new Set(row.items.map((i) => i.start))].sort((a, b) => a - b);
  const y = g.rowY(row);
  const h = g.rowH(row);
  let x: d3.ScaleTime<number, number> = g.x0;
  // The marker's own value while dragged or stepped, ahead of the reload that follows.
  let value: number | null = o.asOf ? o.asOf.getTime() : null;

  const layer = svg.append("g").attr("class", "as-of-layer");
  const shade = layer.append("rect").attr("class", "as-of-later").attr("y", y).attr("height", h);
  const handle = layer
    .append("g")
    .attr("class", "as-of-marker")
    .attr("tabindex", 0)
    .attr("role", "slider")
    .attr("aria-label", "As of: only what had been published by then")
    .attr("aria-orientation", "horizontal");
  handle.append("line").attr("class", "as-of-line").attr("y1", g.margin.top).attr("y2", g.plotBottom);
  handle
    .append("path")
    .attr("class", "as-of-grip")
    .attr("d", `M-6,${y}h12v${h - 6}l-6,6l-6,-6z`);
  handle.append("title").text("As of — drag, or use the arrow keys (End: now)");

  const clampX = (px: number) => Math.max(g.left, Math.min(g.right, px));
  const upToMinute = (t: number) => Math.ceil(t / minute) * minute;

  function draw() {
    const px = value === null ? g.right : clampX(x(value));
    handle.attr("transform", `translate(${px},0)`).classed("now", value === null);
    shade.attr("x", px).attr("width", Math.max(0, g.right - px));
    const [lo, hi] = x.domain().map(Number);
    handle
      .attr("aria-valuemin", Math.round(Math.min(lo, value ?? lo)))
      .attr("aria-valuemax", Math.round(Math.max(hi, value ?? hi)))
      .attr("aria-valuenow", Math.round(value ?? hi))
      .attr("aria-valuetext", value === null ? "now: everything published" : `as of ${label(value)}`);
  }

  function commit(next: number | null) {
    value = next === null ? null : upToMinute(next);
    draw();
    o.onAsOf(value === null ? null : new Date(value));
  }

  handle.call(
    d3
      .drag<SVGGElement, unknown>()
      .container(svg.node() as SVGSVGElement)
      .on("drag", (e: d3.D3DragEvent<SVGGElement, unknown, unknown>) => {
        value = e.x >= g.right ? null : x.invert(clampX(e.x)).getTime();
        draw();
      })
      .on("end", () => commit(value)),
  );

  handle.on("keydown", (e: KeyboardEvent) => {
    const at = value ?? Number.POSITIVE_INFINITY;
    let next: number | null | undefined;
    // A publication is stepped to the minute after it: the server compares publication times with their
    // own UTC offset, and an instant equal to one given in another offset may not count as "by then".
    const after = (t: number) => upToMinute(t + 1);
    if (e.key === "ArrowLeft" || e.key === "ArrowDown")
      next = d3.max(publications.filter((t) => after(t) < at).map(after)) ?? (value === null ? null : value - day);
    else if (e.key === "ArrowRight" || e.key === "ArrowUp") {
      const later = publications.map(after).find((t) => t > at);
      next = later ?? (value === null ? null : value + day);
    } else if (e.key === "PageDown") next = (value ?? x.domain()[1].getTime()) - day;
    else if (e.key === "PageUp") next = value === null ? null : value + day;
    else if (e.key === "Home") next = publications.length ? after(publications[0]) : null;
    else if (e.key === "End") next = null;
    if (next === undefined) return;
    // The timeline's own keys (move between items, zoom) stay out of the slider's way.
    e.preventDefault();
    e.stopPropagation();
    commit(next);
  });

  draw();
  return {
    /** Follows the zoom. */
    render(scale: d3.ScaleTime<number, number>) {
      x = scale;
      draw();
    },
  };
}
