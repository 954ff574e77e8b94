/** A label that wants a place beside its mark, in screen pixels. */
export interface LabelCandidate {
  id: string;
  x: number;
  y: number;
  /** The mark's radius: the label starts clear of it. */
  r: number;
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

/**
 * Greedy label placement: in order of priority, each label takes the first of
 * right, left, above, below its mark where it stays inside the panel and
 * clear of every label placed before it (and of the marks of those labels);
 * a label with no such place is left for hover. Quadratic in the labels
 * placed, which `limit` bounds.
 */
export function placeLabels(candidates: LabelCandidate[], options: PlacementOptions): PlacedLabel[] {
  const { width, height, fontSize = 10, maxChars = 28, limit = 150 } = options;
  const placed: PlacedLabel[] = [];
  const taken: number[][] = [];
  const pad = 2;
  const lineH = fontSize * 1.3;
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority);
  for (const c of sorted) {
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
    ];
    for (const [x, y, anchor, box] of options) {
      if (box[0] < pad || box[1] < pad || box[2] > width - pad || box[3] > height - pad) continue;
      if (taken.some((t) => overlaps(t, box))) continue;
      placed.push({ id: c.id, text, x, y, anchor, box: box as PlacedLabel["box"] });
      taken.push(box, [c.x - c.r, c.y - c.r, c.x + c.r, c.y + c.r]);
      break;
    }
  }
  return placed;
}
