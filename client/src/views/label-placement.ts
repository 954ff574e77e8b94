/** A label that wants a place beside its mark, in screen pixels. */
export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  /** The mark's radius: the label starts clear of it. */
  r: number;
  /** How far from (x, y) other labels must stay: the mark's outermost drawing (default `r`). */
  clear?: number;
  text: string;
  /** Higher goes first; the selection and hovered node get the highest. */
  priority: number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Where the text is drawn (SVG `x`, `y` with `dy=0.35em`) and how it is anchored. */
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
  box: [number, number, number, number];
}

export interface PlacementOptions {
  width: number;
  height: number;
  fontSize?: number;
  /** The longest label in characters (longer ones are cut with an ellipsis; the full name is on hover). */
  maxChars?: number;
  /** Labels at most this many (the most important that fit). */
  limit?: number;
  /**
   * Which marks a label must not cover: "all" the candidates' (a map's few
   * places), or only those of labelled candidates (a dense graph, where
   * avoiding every node would leave its hubs unlabelled and label only the
   * periphery).
   */
  avoid?: "all" | "labelled";
}

let measurer: CanvasRenderingContext2D | null = null;

const widths = new Map<string, number>();

/** Text width in px for the workspace's font (canvas measureText, cached: labels are placed again every still frame). */
export function textWidth(text: string, fontSize: number): number {
  const key = `${fontSize}|${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  measurer ??= document.createElement("canvas").getContext("2d");
  if (!measurer) return text.length * fontSize * 0.6;
  measurer.font = `${fontSize}px system-ui, "Noto Sans", "DejaVu Sans", sans-serif`;
  const w = measurer.measureText(text).width;
  if (widths.size > 20_000) widths.clear();
  widths.set(key, w);
  return w;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const overlaps = (a: number[], b: number[]) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Whether the box [x0, y0, x1, y1] comes within the circle (the point of the box nearest the centre). */
const coversCircle = (box: number[], x: number, y: number, r: number) => {
  const dx = x - Math.max(box[0], Math.min(x, box[2]));
  const dy = y - Math.max(box[1], Math.min(y, box[3]));
  return dx * dx + dy * dy < r * r;
};

/**
 * A uniform grid over the panel: each cell lists the items whose box touches
 * it, so a label asks only its neighbourhood (linear in marks and labels, not
 * quadratic: thousands of graph nodes are obstacles on every still frame).
 */
class Grid {
  readonly #cells = new Map<number, number[]>();
  readonly #size: number;
  constructor(size: number) {
    this.#size = size;
  }
  #each(box: number[], f: (key: number) => void) {
    const s = this.#size;
    const [c0, c1] = [Math.floor(box[0] / s), Math.floor(box[2] / s)];
    const [r0, r1] = [Math.floor(box[1] / s), Math.floor(box[3] / s)];
    // Keys for cells within ±32k cells; marks far off the panel are never asked about.
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) f((r + 32768) * 65536 + (c + 32768));
  }
  add(box: number[], item: number) {
    this.#each(box, (key) => {
      const cell = this.#cells.get(key);
      if (cell) cell.push(item);
      else this.#cells.set(key, [item]);
    });
  }
  some(box: number[], test: (item: number) => boolean): boolean {
    let hit = false;
    this.#each(box, (key) => {
      if (!hit) hit = this.#cells.get(key)?.some(test) ?? false;
    });
    return hit;
  }
}

/**
 * Greedy label placement: in order of priority, each label takes the first of
 * right, left, above, below its mark (then its four corners) where it stays inside the panel, clear
 * of every label placed before it and of the other candidates' marks (all of
 * them, or those labelled so far: `avoid`); a label with no such place is
 * left for hover. Marks and placed labels are kept in grids, so the cost is
 * linear in the candidates; `limit` bounds the labels.
 */
export function placeLabels(candidates: LabelCandidate[], options: PlacementOptions): PlacedLabel[] {
  const { width, height, fontSize = 10, maxChars = 28, limit = 150, avoid = "all" } = options;
  const placed: PlacedLabel[] = [];
  const pad = 2;
  const lineH = fontSize * 1.3;
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority);
  const cell = Math.max(16, fontSize * 3);
  const marks = new Grid(cell);
  const obstacles = sorted.map((c) => ({ x: c.x, y: c.y, r: c.clear ?? c.r }));
  const block = (i: number) => {
    const m = obstacles[i];
    marks.add([m.x - m.r, m.y - m.r, m.x + m.r, m.y + m.r], i);
  };
  if (avoid === "all") for (let i = 0; i < obstacles.length; i++) block(i);
  const labels = new Grid(cell);
  const boxes: number[][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i];
    if (placed.length >= limit) break;
    if (!(c.x >= 0 && c.x <= width && c.y >= 0 && c.y <= height)) continue;
    const text = truncate(c.text, maxChars);
    // A little wider than measured: SVG text and canvas text can differ by a pixel or two.
    const w = textWidth(text, fontSize) * 1.06 + 2;
    const gap = c.r + 3;
    const options: [number, number, PlacedLabel["anchor"], number[]][] = [
      [c.x + gap, c.y, "start", [c.x + gap, c.y - lineH / 2, c.x + gap + w, c.y + lineH / 2]],
      [c.x - gap, c.y, "end", [c.x - gap - w, c.y - lineH / 2, c.x - gap, c.y + lineH / 2]],
      [c.x, c.y - gap - lineH / 2, "middle", [c.x - w / 2, c.y - gap - lineH, c.x + w / 2, c.y - gap]],
      [c.x, c.y + gap + lineH / 2, "middle", [c.x - w / 2, c.y + gap, c.x + w / 2, c.y + gap + lineH]],
      // Then the corners: a mark hemmed in on its four sides (a hub among its neighbours) still gets its label.
      [c.x + gap, c.y - gap, "start", [c.x + gap, c.y - gap - lineH / 2, c.x + gap + w, c.y - gap + lineH / 2]],
      [c.x + gap, c.y + gap, "start", [c.x + gap, c.y + gap - lineH / 2, c.x + gap + w, c.y + gap + lineH / 2]],
      [c.x - gap, c.y - gap, "end", [c.x - gap - w, c.y - gap - lineH / 2, c.x - gap, c.y - gap + lineH / 2]],
      [c.x - gap, c.y + gap, "end", [c.x - gap - w, c.y + gap - lineH / 2, c.x - gap, c.y + gap + lineH / 2]],
    ];
    for (const [x, y, anchor, box] of options) {
      if (box[0] < pad || box[1] < pad || box[2] > width - pad || box[3] > height - pad) continue;
      if (labels.some(box, (j) => overlaps(boxes[j], box))) continue;
      if (
        marks.some(box, (j) => {
          const m = obstacles[j];
          return j !== i && coversCircle(box, m.x, m.y, m.r);
        })
      )
        continue;
      placed.push({ id: c.id, text, x, y, anchor, box: box as PlacedLabel["box"] });
      boxes.push(box);
      labels.add(box, boxes.length - 1);
      if (avoid === "labelled") block(i);
      break;
    }
  }
  return placed;
}
