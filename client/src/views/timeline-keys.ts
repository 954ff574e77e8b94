import * as d3 from "d3";
import type { Row, RowItem } from "./timeline-rows.ts";

export interface Placed {
  row: Row;
  item: RowItem;
}

/** What the keyboard needs from the timeline it drives. */
export interface KeyTarget {
  rows: Row[];
  rowIndex: Map<Row, number>;
  /** Every item, in time order (then row order). */
  chronological: Placed[];
  byId: Map<string, Placed>;
  focus(): { id: string | null; row: Row | undefined };
  moveFocus(item: Placed | undefined): void;
  select(id: string | null): void;
  selection(): string | null;
  /** Clears the brushed window; false when there is none. */
  clearWindow(): boolean;
  /** Zooms by `k` around the time `t` (or the middle). */
  zoom(k: number, t: number | null): void;
  /** The start of the view, for a row with nothing focused. */
  viewStart(): number;
}

/**
 * The timeline's keys: ←/→ the previous/next item in time whatever its row,
 * ↑/↓ the nearest item in the adjacent lane, Home/End, Enter/Space select,
 * Escape clears the selection then the window, +/− zoom.
 */
export function timelineKeys(t: KeyTarget) {
  return (e: KeyboardEvent) => {
    const { id: focus, row: focusRow } = t.focus();
    const entry = focus ? t.byId.get(focus) : undefined;
    const row = focusRow ?? entry?.row ?? t.rows[0];
    if (!row) return;
    const mid = entry ? (entry.item.start + entry.item.end) / 2 : t.viewStart();
    switch (e.key) {
      case "ArrowRight":
      case "ArrowLeft": {
        const step = e.key === "ArrowRight" ? 1 : -1;
        const list = t.chronological;
        const at = focus ? list.findIndex((c) => c.item.id === focus && c.row === row) : -1;
        t.moveFocus(list[at < 0 ? (step > 0 ? 0 : list.length - 1) : at + step]);
        break;
      }
      case "ArrowDown":
      case "ArrowUp": {
        const next = t.rows[(t.rowIndex.get(row) ?? 0) + (e.key === "ArrowDown" ? 1 : -1)];
        if (!next?.items.length) break;
        const nearest = d3.least(next.items, (i) => Math.abs((i.start + i.end) / 2 - mid));
        if (nearest) t.moveFocus({ row: next, item: nearest });
        break;
      }
      case "Home":
      case "End":
        t.moveFocus({ row, item: row.items[e.key === "Home" ? 0 : row.items.length - 1] });
        break;
      case "Enter":
      case " ":
        if (focus) t.select(focus);
        break;
      case "Escape":
        if (t.selection()) t.select(null);
        else if (!t.clearWindow()) return;
        break;
      case "+":
      case "=":
      case "-":
        t.zoom(e.key === "-" ? 0.5 : 2, entry ? mid : null);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
}
