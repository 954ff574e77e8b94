import type * as d3 from "d3";
import { formatDay, formatRange } from "../data/text.ts";
import { singleSource } from "./corroboration.ts";
import { textWidth } from "./label-placement.ts";
import type { Row, RowItem } from "./timeline-rows.ts";

export interface SvgFrame {
  x: (t: number) => number;
  /** The plot's left and right edges: labels stay between them. */
  left: number;
  right: number;
  rowY: (row: Row) => number;
  slotH: (row: Row) => number;
  selection: string | null;
  focus: string | null;
  highlight?: Set<string> | null;
}

/** Labels narrower than this are left out (the title is on hover). */
const minLabel = 28;
const fitted = new Map<string, string>();

/** The longest start of `text` (with an ellipsis when cut) that fits in `px` at 10px. */
function fit(text: string, px: number): string {
  const key = `${Math.floor(px / 6)}|${text}`;
  let out = fitted.get(key);
  if (out !== undefined) return out;
  const room = Math.floor(px / 6) * 6;
  if (textWidth(text, 10) <= room) out = text;
  else {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (textWidth(`${text.slice(0, mid)}…`, 10) <= room) lo = mid;
      else hi = mid - 1;
    }
    out = lo >= 3 ? `${text.slice(0, lo).trimEnd()}…` : "";
  }
  if (fitted.size > 5000) fitted.clear();
  fitted.set(key, out);
  return out;
}

/**
 * Where each event's label goes: inside its bar when the bar is wide enough,
 * else just after the mark, never past the next item of the same sub-row
 * (sub-rows never overlap, so labels never collide) nor the plot's edges.
 */
function labelSpans(rows: Row[], f: SvgFrame): Map<string, { x: number; text: string }> {
  const out = new Map<string, { x: number; text: string }>();
  for (const row of rows) {
    if (row.kind !== "events") continue;
    const next = new Map<number, number>();
    for (let i = row.items.length - 1; i >= 0; i--) {
      const it = row.items[i];
      const x0 = f.x(it.start);
      const x1 = f.x(it.end);
      const limit = Math.min(f.right - 2, (next.get(it.slot) ?? Number.POSITIVE_INFINITY) - 6);
      next.set(it.slot, x1 - x0 < 5 ? (x0 + x1) / 2 - 6 : x0);
      if (x1 < f.left || x0 > f.right) continue;
      const title = it.event?.title ?? "";
      const inside = x1 - x0 >= minLabel + 6;
      const start = Math.max(f.left + 2, inside ? x0 + 3 : x1 - x0 < 5 ? (x0 + x1) / 2 + 8 : x1 + 3);
      const end = inside ? Math.min(x1 - 3, limit) : limit;
      if (end - start < minLabel) continue;
      const text = fit(title, end - start);
      if (text) out.set(`${row.key}|${it.id}`, { x: start, text });
    }
  }
  return out;
}

interface Placed {
  key: string;
  row: Row;
  item: RowItem;
}

/** The accessible name of a mark: what it is and when, as uncertain as the data. */
export function describeItem(item: RowItem): string {
  const e = item.event;
  if (e) {
    const when = formatRange(e.start, e.end, e.precision, e);
    const where = e.locations.map((l) => l.name).join(", ");
    return `${e.title} — ${when}${e.edtf ? ` (EDTF ${e.edtf})` : ""}${where ? ` — ${where}` : ""}`;
  }
  const m = item.mark;
  return m ? `${m.kind === "claim" ? "Claim" : "Article"}: ${m.label} — ${formatDay(m.date)}` : item.id;
}

function gradientId(item: RowItem): string {
  const e = item.event;
  const variant = e?.startOpen
    ? "open-start"
    : e?.endOpen
      ? "open-end"
      : e?.precision === "APPROXIMATE"
        ? "approx"
        : "range";
  return `tl-${variant}-${item.colour.slice(1)}`;
}

/** Linear gradients for fuzzy-ended ranges, one per colour and kind of uncertainty. */
export function ensureGradients(defs: d3.Selection<SVGDefsElement, unknown, null, undefined>, colours: string[]) {
  const variants: [string, [number, number][]][] = [
    [
      "range",
      [
        [0, 0.08],
        [0.14, 0.5],
        [0.86, 0.5],
        [1, 0.08],
      ],
    ],
    [
      "approx",
      [
        [0, 0],
        [0.3, 0.45],
        [0.7, 0.45],
        [1, 0],
      ],
    ],
    [
      "open-start",
      [
        [0, 0],
        [0.75, 0.4],
        [1, 0.55],
      ],
    ],
    [
      "open-end",
      [
        [0, 0.55],
        [0.25, 0.4],
        [1, 0],
      ],
    ],
  ];
  const specs = colours.flatMap((c) => variants.map(([v, stops]) => ({ id: `tl-${v}-${c.slice(1)}`, c, stops })));
  defs
    .selectAll("linearGradient")
    .data(specs, (d) => (d as { id: string }).id)
    .join((enter) =>
      enter
        .append("linearGradient")
        .attr("id", (d) => d.id)
        .call((g) =>
          g
            .selectAll("stop")
            .data((d) => d.stops.map(([offset, opacity]) => ({ offset, opacity, c: d.c })))
            .join("stop")
            .attr("offset", (s) => s.offset)
            .attr("stop-color", (s) => s.c)
            .attr("stop-opacity", (s) => s.opacity),
        ),
    );
}

/** Keyed join of one SVG group per visible item: a fuzzy range, or a point when narrower than 5px. */
export function joinMarks(g: d3.Selection<SVGGElement, unknown, null, undefined>, rows: Row[], f: SvgFrame) {
  const placed: Placed[] = rows.flatMap((row) =>
    row.items.map((item) => ({ key: `${row.key}|${item.id}`, row, item })),
  );
  const marks = g
    .selectAll<SVGGElement, Placed>("g.mark")
    .data(placed, (d) => d.key)
    .join((enter) => {
      const m = enter
        .append("g")
        .attr("class", (d) => `mark ${d.item.event ? "event" : d.item.mark?.kind}`)
        .attr("data-id", (d) => d.item.id)
        .attr("role", "img")
        .attr("aria-label", (d) => describeItem(d.item));
      m.append("title").text((d) => describeItem(d.item));
      m.append("rect").attr("class", "event-range");
      m.append("path").attr("class", "event-point");
      m.append("text").attr("class", "mark-label").attr("dy", "0.35em");
      return m;
    });
  const labels = labelSpans(rows, f);
  marks
    .classed("selected", (d) => d.item.id === f.selection)
    .classed("focused", (d) => d.item.id === f.focus)
    .classed("related", (d) => !!f.highlight?.has(d.item.id))
    .classed("dimmed", (d) => !!f.highlight && !f.highlight.has(d.item.id))
    .classed("single-source", (d) => singleSource(d.item))
    .attr("data-row", (d) => d.row.key);
  marks.each(function (d) {
    const x0 = f.x(d.item.start);
    const x1 = f.x(d.item.end);
    const h = f.slotH(d.row);
    const y = f.rowY(d.row) + d.item.slot * h;
    const point = x1 - x0 < 5;
    const self = this as SVGGElement;
    const rect = self.querySelector("rect") as SVGRectElement;
    const path = self.querySelector("path") as SVGPathElement;
    const text = self.querySelector("text") as SVGTextElement;
    const label = labels.get(d.key);
    text.style.display = label ? "" : "none";
    if (label) {
      text.setAttribute("x", String(label.x));
      text.setAttribute("y", String(y + h / 2));
      if (text.textContent !== label.text) text.textContent = label.text;
    }
    rect.style.display = point ? "none" : "";
    path.style.display = point ? "" : "none";
    if (point) {
      const cx = (x0 + x1) / 2;
      const cy = y + h / 2;
      const r = Math.min(6, h / 3);
      // Claims are triangles, articles squares, events circles: the row says what they are, the shape says it too.
      const shape =
        d.row.kind === "claim"
          ? `M${cx},${cy - r}L${cx + r},${cy + r}L${cx - r},${cy + r}Z`
          : d.row.kind === "article"
            ? `M${cx - r * 0.8},${cy - r * 0.8}h${1.6 * r}v${1.6 * r}h${-1.6 * r}Z`
            : `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
      path.setAttribute("d", shape);
      path.setAttribute("fill", d.item.colour);
      // A single-source event's ring takes its colour from here (styles.css draws it hollow).
      path.style.setProperty("--mark-colour", d.item.colour);
    } else {
      rect.setAttribute("x", String(x0));
      rect.setAttribute("width", String(x1 - x0));
      rect.setAttribute("y", String(y + 2));
      rect.setAttribute("height", String(h - 4));
      rect.setAttribute("fill", `url(#${gradientId(d.item)})`);
      rect.setAttribute("stroke", d.item.colour);
    }
  });
  return marks;
}
