import * as d3 from "d3";

type Scale = d3.ScaleTime<number, number>;

interface Level {
  /** The lower row's tick format. */
  tick: (d: Date) => string;
  /** The upper row: the enclosing period and its label (null when the ticks are years already). */
  parent: d3.CountableTimeInterval | null;
  parentLabel: (d: Date) => string;
}

const day = 864e5;

/** Picks the two rows from the tick step: hours over days, days over months, months over years, years alone. */
function levelFor(step: number): Level {
  if (step >= 360 * day) return { tick: d3.utcFormat("%Y"), parent: null, parentLabel: () => "" };
  if (step >= 28 * day) return { tick: d3.utcFormat("%b"), parent: d3.utcYear, parentLabel: d3.utcFormat("%Y") };
  if (step >= day) return { tick: d3.utcFormat("%-d"), parent: d3.utcMonth, parentLabel: d3.utcFormat("%B %Y") };
  return { tick: d3.utcFormat("%H:%M"), parent: d3.utcDay, parentLabel: d3.utcFormat("%-d %b %Y") };
}

/** Draws the axis for a scale; a no-op when neither its domain nor the plot's edges changed. */
export type TwoLevelAxis = (x: Scale) => void;

/**
 * A two-level time axis (never a month without its year): ticks with short
 * labels on the lower row, the enclosing periods on the upper row, the first
 * one held at the left edge so the year (or month and year) is always in view.
 * Redrawn only when the domain or width changed.
 */
export function twoLevelAxis(
  g: d3.Selection<SVGGElement, unknown, null, undefined>,
  left: number,
  right: number,
): TwoLevelAxis {
  let drawn = "";
  return (x: Scale) => {
    const [d0, d1] = x.domain();
    const key = `${+d0}|${+d1}|${left}|${right}`;
    if (key === drawn) return;
    drawn = key;
    const ticks = x.ticks(Math.max(2, Math.floor((right - left) / 70)));
    const step = ticks.length > 1 ? +ticks[1] - +ticks[0] : +d1 - +d0;
    const level = levelFor(step);
    g.selectAll<SVGLineElement, Date>("line.tick")
      .data(ticks, (d) => +d)
      .join("line")
      .attr("class", "tick")
      .attr("x1", (d) => x(d))
      .attr("x2", (d) => x(d))
      .attr("y1", 0)
      .attr("y2", 5);
    g.selectAll<SVGTextElement, Date>("text.tick-label")
      .data(ticks, (d) => +d)
      .join("text")
      .attr("class", "tick-label")
      .attr("x", (d) => x(d))
      .attr("y", 15)
      .attr("text-anchor", "middle")
      .text(level.tick);
    const parents = level.parent ? [level.parent.floor(d0), ...level.parent.range(d0, d1)] : [];
    const unique = [...new Map(parents.map((p) => [+p, p])).values()];
    // Clamped to the left edge; a later label that would collide with the one before it is left out.
    let lastEnd = Number.NEGATIVE_INFINITY;
    const placed: { d: Date; x: number }[] = [];
    for (const p of unique) {
      const px = Math.max(left, x(p));
      const w = level.parentLabel(p).length * 6.6 + 8;
      if (px < lastEnd) {
        // The clamped first label gives way to a real boundary coming in from the right.
        if (placed.length === 1 && x(p) > left) placed.pop();
        else continue;
      }
      if (px + w > right + 4 && placed.length) continue;
      placed.push({ d: p, x: px });
      lastEnd = px + w;
    }
    g.selectAll<SVGTextElement, { d: Date; x: number }>("text.period-label")
      .data(placed, (d) => +d.d)
      .join("text")
      .attr("class", "period-label")
      .attr("x", (d) => d.x + 2)
      .attr("y", 29)
      .text((d) => level.parentLabel(d.d));
    g.selectAll<SVGLineElement, { d: Date; x: number }>("line.period")
      .data(
        placed.filter((p) => x(p.d) >= left),
        (d) => +d.d,
      )
      .join("line")
      .attr("class", "period")
      .attr("x1", (d) => d.x)
      .attr("x2", (d) => d.x)
      .attr("y1", 0)
      .attr("y2", 32);
  };
}
