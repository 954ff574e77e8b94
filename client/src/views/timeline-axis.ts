import * as d3 from "d3";

type Scale = d3.ScaleTime<number, number>;

interface Level {
  name: string;
  /** The lower row's tick format. */
  tick: (d: Date) => string;
  /** The upper row: the enclosing period and its label (null when the ticks are years already). */
  parent: d3.CountableTimeInterval | null;
  parentLabel: (d: Date) => string;
}

const day = 864e5;
const levels: Level[] = [
  { name: "years", tick: d3.utcFormat("%Y"), parent: null, parentLabel: () => "" },
  { name: "months", tick: d3.utcFormat("%b"), parent: d3.utcYear, parentLabel: d3.utcFormat("%Y") },
  { name: "days", tick: d3.utcFormat("%-d"), parent: d3.utcMonth, parentLabel: d3.utcFormat("%B %Y") },
  { name: "hours", tick: d3.utcFormat("%H:%M"), parent: d3.utcDay, parentLabel: d3.utcFormat("%-d %b %Y") },
];

/** Picks the two rows from the tick step: hours over days, days over months, months over years, years alone. */
function levelFor(step: number): Level {
  return levels[step >= 360 * day ? 0 : step >= 28 * day ? 1 : step >= day ? 2 : 3];
}

/** Draws the axis for a scale; a no-op when its domain did not change. */
export type TwoLevelAxis = (x: Scale) => void;

/**
 * Keeps one element per key in `parent`: reuses the ones drawn last time,
 * creates the new ones (`make`) and removes the ones gone.
 */
function keyed(parent: HTMLElement, make: () => HTMLElement) {
  let shown = new Map<string, HTMLElement>();
  return (keys: string[]): HTMLElement[] => {
    const next = new Map<string, HTMLElement>();
    const out = keys.map((k) => {
      let el = shown.get(k);
      if (el) shown.delete(k);
      else {
        el = make();
        parent.append(el);
      }
      next.set(k, el);
      return el;
    });
    for (const el of shown.values()) el.remove();
    shown = next;
    return out;
  };
}

function element(className: string, label?: string): HTMLElement {
  const el = document.createElement("div");
  el.className = className;
  if (label) el.append(Object.assign(document.createElement("span"), { className: label }));
  return el;
}

function place(el: HTMLElement, x: number, text: string) {
  // A transform, not `left`: moving a tick is then a paint, not a layout.
  el.style.transform = `translateX(${Math.round(x)}px)`;
  const label = el.firstElementChild as HTMLElement;
  if (label.textContent !== text) label.textContent = text;
}

/**
 * A two-level time axis (never a month without its year) in `axis`, an
 * element of the strip's size: ticks with short labels on the lower row, the
 * enclosing periods on the upper row, the first one held at the left edge so
 * the year (or month and year) is always in view. Each tick and period is an
 * element kept while its date stays in view and moved by a CSS transform, so
 * a frame of a pan or zoom restyles a few dozen transforms and creates only
 * the ticks coming into view (an SVG axis re-laid out its text every frame).
 */
export function twoLevelAxis(axis: HTMLElement, left: number, right: number): TwoLevelAxis {
  let drawn = "";
  const ticks = keyed(axis, () => element("tick", "tick-label"));
  const periods = keyed(axis, () => element("period", "period-label"));
  return (x: Scale) => {
    const [d0, d1] = x.domain();
    const key = `${+d0}|${+d1}`;
    if (key === drawn) return;
    drawn = key;
    const at = x.ticks(Math.max(2, Math.floor((right - left) / 70)));
    const step = at.length > 1 ? +at[1] - +at[0] : +d1 - +d0;
    const level = levelFor(step);
    ticks(at.map((d) => `${level.name}|${+d}`)).forEach((el, i) => {
      place(el, x(at[i]), level.tick(at[i]));
    });
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
    periods(placed.map((p) => `${level.name}|${+p.d}`)).forEach((el, i) => {
      const p = placed[i];
      place(el, p.x, level.parentLabel(p.d));
      // A period's boundary line only where the period really starts (not on the clamped label).
      el.classList.toggle("clamped", x(p.d) < left);
    });
  };
}
