/**
 * Scripted pan and zoom for any view, the way a browser delivers them: each
 * step's events go to the element under the pointer (pointer events, then the
 * compatible mouse events, as Chromium sends both), one step per animation
 * frame, so a view that draws slowly gets fewer steps per second, as a user's
 * gesture would feel it.
 */

/** Frame times (ms between animation frames) and the synchronous input work per step. */
export interface Frames {
  frames: number[];
  work: number[];
}

export const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** After the next frame's paint: a first render counts only once it is on screen. */
export const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

type Step =
  | { type: "wheel"; deltaY: number; x: number; y: number }
  | { type: "down" | "move" | "up"; x: number; y: number };

function dispatch(step: Step, shiftKey: boolean) {
  const target = document.elementFromPoint(step.x, step.y) ?? document.body;
  const common = {
    clientX: step.x,
    clientY: step.y,
    bubbles: true,
    cancelable: true,
    composed: true,
    shiftKey,
    view: window,
  };
  if (step.type === "wheel") {
    target.dispatchEvent(new WheelEvent("wheel", { ...common, deltaY: step.deltaY, deltaMode: 0 }));
    return;
  }
  const buttons = step.type === "up" ? 0 : 1;
  const pointer = { pointerdown: "down", pointermove: "move", pointerup: "up" } as const;
  const mouse = { down: "mousedown", move: "mousemove", up: "mouseup" } as const;
  const ptype = (Object.keys(pointer) as (keyof typeof pointer)[]).find((k) => pointer[k] === step.type) as string;
  target.dispatchEvent(
    new PointerEvent(ptype, { ...common, button: 0, buttons, pointerId: 1, pointerType: "mouse", isPrimary: true }),
  );
  target.dispatchEvent(new MouseEvent(mouse[step.type], { ...common, button: 0, buttons }));
}

/** Sends each step's events at the start of a frame and times the frames, for at most `maxMs`. */
async function drive(steps: Step[][], shiftKey: boolean, maxMs: number): Promise<Frames> {
  const frames: number[] = [];
  const work: number[] = [];
  let last = await nextFrame();
  const until = last + maxMs;
  for (const events of steps) {
    if (last > until) break;
    const t0 = performance.now();
    for (const e of events) dispatch(e, shiftKey);
    work.push(performance.now() - t0);
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  return { frames, work };
}

export interface Gesture {
  /** Where the wheel turns (over the marks). */
  zoomAt: [number, number];
  /** Where the drag starts (a spot that pans: the background, or a timeline's axis strip). */
  panAt: [number, number];
  /** Wheel delta per zoom step, chosen per view so each step zooms by about the same factor (×1.09). */
  wheelDelta: number;
  /** Hold shift while dragging. */
  shift?: boolean;
}

/**
 * `count` frames: a third zooming in around a wandering point, a third zooming
 * back out, a third dragging back and forth by 12 px a frame; a view too slow
 * to take them all within `maxMs` gets a third of that time for each part.
 */
export async function panZoom(g: Gesture, count: number, maxMs = Number.POSITIVE_INFINITY): Promise<Frames> {
  const third = Math.floor(count / 3);
  const steps: Step[][] = [];
  for (let i = 0; i < 2 * third; i++)
    steps.push([
      {
        type: "wheel",
        deltaY: i < third ? -g.wheelDelta : g.wheelDelta,
        x: g.zoomAt[0] + ((i * 37) % 200) - 100,
        y: g.zoomAt[1],
      },
    ]);
  let x = g.panAt[0];
  const y = g.panAt[1];
  for (let i = 0; i < count - 2 * third; i++) {
    if (i === 0) steps.push([{ type: "down", x, y }]);
    else {
      x += i % 40 < 20 ? 12 : -12;
      steps.push([{ type: "move", x, y }]);
    }
  }
  // A slow view gets each part of the gesture in turn within the time allowed.
  const result = { frames: [] as number[], work: [] as number[] };
  for (const part of [steps.slice(0, third), steps.slice(third, 2 * third), steps.slice(2 * third)]) {
    const r = await drive(part, !!g.shift, maxMs / 3);
    result.frames.push(...r.frames);
    result.work.push(...r.work);
  }
  dispatch({ type: "up", x, y }, !!g.shift);
  return result;
}
