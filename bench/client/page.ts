import { graph } from "../../client/src/views/graph.ts";
import { timeline } from "../../client/src/views/timeline.ts";
import { syntheticEvents, syntheticGraph } from "./synthetic.ts";

/** Frame times (ms between animation frames) and the synchronous work per input event. */
interface Frames {
  frames: number[];
  work: number[];
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Sends `count` wheel or drag steps to `target`, one per animation frame, timing each frame. */
async function drive(target: Element, count: number, step: (i: number) => Event[]): Promise<Frames> {
  const frames: number[] = [];
  const work: number[] = [];
  let last = await nextFrame();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    for (const e of step(i)) (e.type.startsWith("mouse") && e.type !== "mousedown" ? window : target).dispatchEvent(e);
    work.push(performance.now() - t0);
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  return { frames, work };
}

function wheel(x: number, y: number, deltaY: number) {
  return new WheelEvent("wheel", { deltaY, clientX: x, clientY: y, bubbles: true, cancelable: true, view: window });
}
function mouse(type: string, x: number, y: number, shiftKey = false) {
  return new MouseEvent(type, {
    clientX: x,
    clientY: y,
    bubbles: true,
    cancelable: true,
    shiftKey,
    view: window,
    button: 0,
  });
}

async function panZoom(svg: Element, count: number, shift: boolean): Promise<Frames> {
  const box = svg.getBoundingClientRect();
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  // Zoom in, zoom out, then pan back and forth.
  const third = Math.floor(count / 3);
  const zoom = await drive(svg, 2 * third, (i) => [wheel(cx + ((i * 37) % 200) - 100, cy, i < third ? -60 : 60)]);
  let x = cx;
  const pan = await drive(svg, count - 2 * third, (i) => {
    if (i === 0) return [mouse("mousedown", x, cy, shift)];
    x += i % 40 < 20 ? 12 : -12;
    return [mouse("mousemove", x, cy, shift)];
  });
  window.dispatchEvent(mouse("mouseup", x, cy, shift));
  return { frames: [...zoom.frames, ...pan.frames], work: [...zoom.work, ...pan.work] };
}

async function benchTimeline(n: number, count: number): Promise<Frames & { build: number }> {
  const root = document.getElementById("bench") as HTMLElement;
  const events = syntheticEvents(n);
  const t0 = performance.now();
  const view = timeline({ events }, { width: 1400 });
  root.replaceChildren(view);
  const build = performance.now() - t0;
  await nextFrame();
  return { ...(await panZoom(view.querySelector("svg.timeline") as Element, count, true)), build };
}

async function benchGraph(n: number, m: number, count: number): Promise<Frames & { build: number; worker: boolean }> {
  const root = document.getElementById("bench") as HTMLElement;
  const data = syntheticGraph(n, m);
  const t0 = performance.now();
  const view = graph(data, { width: 1400, height: 900 });
  root.replaceChildren(view);
  const build = performance.now() - t0;
  await nextFrame();
  // Measured while the worker is still laying out: the main thread keeps drawing frames.
  const result = await panZoom(view.querySelector("svg.graph") as Element, count, false);
  view.dispose();
  return { ...result, build, worker: true };
}

Object.assign(window, { benchTimeline, benchGraph });
