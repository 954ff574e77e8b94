/**
 * What the canvas shows while the view is moving. Drawing the marks exactly
 * costs with the marks in view (about a microsecond each on a quiet machine,
 * ten times that on a loaded one: `npm run bench:client`'s "marks drawing
 * cost" line), and even copying a stretched bitmap into the canvas costs a
 * raster and a texture upload per frame. So while input keeps coming nothing
 * is drawn: the last exact drawing is moved and stretched by a CSS transform
 * from the domain it was drawn for to the current one (as a map stretches its
 * tiles while zooming), which the compositor does without the main thread.
 * Where the view has moved past what that drawing covers, a density overview
 * of the whole extent (binned once, when first needed) shows instead, moved
 * the same way. Once the input has settled, the caller draws exactly again
 * and says so with {@link Interim.keep}.
 */

/** Overview columns across the whole extent: at zoom level 1 about three per pixel of a 1,200 px plot. */
const OVERVIEW_COLUMNS = 4096;

export interface Interim {
  /** The exact drawing now on the canvas was drawn for [t0, t1]: show it as it is. */
  keep(t0: number, t1: number): void;
  /** Shows the view for the scale `x` by moving the drawings; false when there is no exact drawing yet. */
  move(x: (t: number) => number): boolean;
}

/**
 * `clip` is the plot's box (the canvas inside it, at -left); `overview(ctx,
 * left, right, t0, t1)` draws every row as a density strip over [t0, t1]
 * between `left` and `right` on a canvas of the plot's height.
 */
export function timelineInterim(o: {
  clip: HTMLElement;
  canvas: HTMLCanvasElement;
  height: number;
  left: number;
  right: number;
  /** The whole extent (zoom level 1): the overview covers it; nothing is drawn outside. */
  extent: [number, number];
  overview: (ctx: CanvasRenderingContext2D, left: number, right: number, t0: number, t1: number) => void;
}): Interim {
  const ratio = globalThis.devicePixelRatio || 1;
  const width = OVERVIEW_COLUMNS / ratio;
  let exact: { t0: number; t1: number } | null = null;
  // Two copies of the overview, one each side of the exact drawing (a clip cannot cut a hole).
  let fringes: [HTMLCanvasElement, HTMLCanvasElement] | null = null;

  function overviewCanvases(): [HTMLCanvasElement, HTMLCanvasElement] {
    if (!fringes) {
      const make = () => {
        const c = document.createElement("canvas");
        [c.width, c.height] = [OVERVIEW_COLUMNS, Math.ceil(o.height * ratio)];
        c.className = "timeline-overview";
        c.style.cssText = `position:absolute;left:0;top:0;width:${width}px;height:${o.height}px;transform-origin:0 0;will-change:transform;z-index:0;display:none`;
        return c;
      };
      const first = make();
      const ctx = first.getContext("2d") as CanvasRenderingContext2D;
      ctx.scale(ratio, ratio);
      o.overview(ctx, 0, width, o.extent[0], o.extent[1]);
      const second = make();
      second.getContext("2d")?.drawImage(first, 0, 0);
      o.clip.append(first, second);
      fringes = [first, second];
    }
    return fringes;
  }

  return {
    keep(t0, t1) {
      exact = { t0, t1 };
      o.canvas.style.transform = "";
      if (fringes) for (const f of fringes) f.style.display = "none";
    },
    move(x) {
      if (!exact) return false;
      const { t0, t1 } = exact;
      const { left, right } = o;
      // The canvas sits at -left in the clip, so its pixel p shows at x(t(p)) − left. A pan keeps the scale
      // exactly 1 and the shift whole pixels: the compositor then copies the bitmap rather than resampling it.
      let k = (x(t1) - x(t0)) / (right - left);
      let shift = x(t0) - left * k;
      if (Math.abs(k - 1) < 1e-6) [k, shift] = [1, Math.round(shift)];
      o.canvas.style.transform = k === 1 ? `translateX(${shift}px)` : `translate(${shift}px,0) scale(${k},1)`;
      // The overview shows only on a side the exact drawing no longer covers (each layer shown costs
      // compositing every frame).
      const uncovered = [x(t0) > left, x(t1) < right] as const;
      if (!uncovered[0] && !uncovered[1]) {
        if (fringes) for (const f of fringes) f.style.display = "none";
        return true;
      }
      const [e0, e1] = o.extent;
      const ko = (x(e1) - x(e0)) / width;
      // The exact drawing's edges in the overview's own pixels: each copy shows one side of it.
      const p0 = ((t0 - e0) / (e1 - e0)) * width;
      const p1 = ((t1 - e0) / (e1 - e0)) * width;
      const [before, after] = overviewCanvases();
      const transform = `translate(${x(e0) - left}px,0) scale(${ko},1)`;
      for (const [i, c, clip] of [
        [0, before, `inset(0 ${Math.max(0, width - p0)}px 0 0)`],
        [1, after, `inset(0 0 0 ${Math.max(0, p1)}px)`],
      ] as const) {
        c.style.display = uncovered[i] ? "block" : "none";
        if (!uncovered[i]) continue;
        c.style.transform = transform;
        c.style.clipPath = clip;
      }
      return true;
    },
  };
}
