/**
 * What the canvas shows while the view is moving. Drawing the marks exactly
 * costs with the marks in view (about a microsecond each on a quiet machine,
 * ten times that on a loaded one: `npm run bench:client`'s "marks drawing
 * cost" line), so no level of detail keeps every pan/zoom frame of 20,000 or
 * 100,000 events inside 16.7 ms. While input keeps coming, a frame instead
 * copies bitmaps, which costs the same whatever the events:
 *
 *  - the last exact drawing, moved and stretched from the domain it was drawn
 *    for to the current one (as a map stretches its tiles while zooming), and
 *  - beside it, where the view has moved past what that drawing covered, a
 *    density overview of the whole extent, binned once when first needed.
 *
 * Once the input has settled, the caller draws exactly again and hands the
 * result back with {@link Interim.keep}.
 */

/** A drawing of the plot over a time domain. */
interface Drawn {
  bitmap: HTMLCanvasElement;
  t0: number;
  t1: number;
}

/** Overview columns across the whole extent: at zoom level 1 about three per pixel of a 1,200 px plot. */
const OVERVIEW_COLUMNS = 4096;

export interface Interim {
  /** Takes a copy of the exact drawing now on `canvas`, drawn for [t0, t1]. */
  keep(canvas: HTMLCanvasElement, t0: number, t1: number): void;
  /** Paints the moving view for the scale `x` from the copies; false when there is no exact drawing yet. */
  paint(ctx: CanvasRenderingContext2D, x: (t: number) => number): boolean;
  /** Drops the copies (the data or the highlight changed). */
  reset(): void;
}

/**
 * `overview(ctx, left, right, t0, t1)` draws every row as a density strip
 * over [t0, t1] between `left` and `right` (device-independent px) on a
 * canvas of the plot's height; it is called once, for the whole extent.
 */
export function timelineInterim(o: {
  width: number;
  height: number;
  left: number;
  right: number;
  /** The whole extent (zoom level 1): the overview covers it; nothing is drawn outside. */
  extent: [number, number];
  overview: (ctx: CanvasRenderingContext2D, left: number, right: number, t0: number, t1: number) => void;
}): Interim {
  const ratio = globalThis.devicePixelRatio || 1;
  let exact: Drawn | null = null;
  let spare: HTMLCanvasElement | null = null;
  let overview: HTMLCanvasElement | null = null;

  function canvasOf(w: number, h: number): HTMLCanvasElement {
    const c = document.createElement("canvas");
    [c.width, c.height] = [Math.ceil(w * ratio), Math.ceil(h * ratio)];
    return c;
  }

  function overviewBitmap(): HTMLCanvasElement {
    if (!overview) {
      overview = canvasOf(OVERVIEW_COLUMNS / ratio, o.height);
      const ctx = overview.getContext("2d") as CanvasRenderingContext2D;
      ctx.scale(ratio, ratio);
      o.overview(ctx, 0, OVERVIEW_COLUMNS / ratio, o.extent[0], o.extent[1]);
    }
    return overview;
  }

  /**
   * Copies the part of `src` (drawn for [s0, s1] across source x sx0..sx1 in
   * device px) that falls in [clipL, clipR] of the current view.
   */
  function blit(
    ctx: CanvasRenderingContext2D,
    x: (t: number) => number,
    src: HTMLCanvasElement,
    sx0: number,
    sx1: number,
    s0: number,
    s1: number,
    clipL: number,
    clipR: number,
  ) {
    if (clipR <= clipL || s1 <= s0) return;
    // Only the source columns that land inside the clip: a deep zoom would otherwise stretch the whole bitmap far offscreen.
    const pxPerMs = (x(s1) - x(s0)) / (s1 - s0);
    if (!(pxPerMs > 0)) return;
    const a = Math.max(s0, s0 + (clipL - x(s0)) / pxPerMs);
    const b = Math.min(s1, s0 + (clipR - x(s0)) / pxPerMs);
    if (b <= a) return;
    const perMs = (sx1 - sx0) / (s1 - s0);
    const u0 = sx0 + (a - s0) * perMs;
    const u1 = sx0 + (b - s0) * perMs;
    if (u1 - u0 < 1e-3) return;
    ctx.drawImage(src, u0, 0, u1 - u0, src.height, x(a), 0, x(b) - x(a), o.height);
  }

  return {
    keep(canvas, t0, t1) {
      // Two bitmaps swapped, so a frame never allocates one.
      const bitmap =
        spare && spare.width === canvas.width && spare.height === canvas.height ? spare : canvasOf(o.width, o.height);
      const c = bitmap.getContext("2d") as CanvasRenderingContext2D;
      c.clearRect(0, 0, bitmap.width, bitmap.height);
      c.drawImage(canvas, 0, 0);
      spare = exact?.bitmap ?? null;
      exact = { bitmap, t0, t1 };
    },
    paint(ctx, x) {
      if (!exact) return false;
      const { left, right } = o;
      const e = exact;
      const el = Math.max(left, x(e.t0));
      const er = Math.min(right, x(e.t1));
      const ov = overviewBitmap();
      const [o0, o1] = o.extent;
      ctx.imageSmoothingEnabled = false;
      // The overview only where the exact drawing does not reach.
      blit(ctx, x, ov, 0, ov.width, o0, o1, left, Math.min(right, el));
      blit(ctx, x, ov, 0, ov.width, o0, o1, Math.max(left, er), right);
      blit(ctx, x, e.bitmap, left * ratio, right * ratio, e.t0, e.t1, el, er);
      ctx.imageSmoothingEnabled = true;
      return true;
    },
    reset() {
      exact = null;
    },
  };
}
