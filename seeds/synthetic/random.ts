import type { BundleEvent, DatePrecision } from "../../server/src/bundle/types.ts";

export type Random = () => number;

/** mulberry32: tiny, fast and good enough for test data; the same seed gives the same stream everywhere. */
export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Dates as an article would give them: a day, a month, a week-long range or
 * "about" a day (±7 days), always with the EDTF that says which.
 */
export function eventDates(
  dayMs: number,
  precision: DatePrecision,
  rng: Random,
): Pick<BundleEvent, "start" | "end" | "edtf"> {
  const day = iso(dayMs);
  switch (precision) {
    case "MONTH": {
      const d = new Date(dayMs);
      const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      const last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
      return { start: iso(first), end: iso(last), edtf: day.slice(0, 7) };
    }
    case "RANGE": {
      const end = iso(dayMs + (1 + Math.floor(rng() * 6)) * DAY);
      return { start: day, end, edtf: `${day}/${end}` };
    }
    case "APPROXIMATE":
      return { start: iso(dayMs - 7 * DAY), end: iso(dayMs + 7 * DAY), edtf: `${day}~` };
    default:
      return { start: day, end: day, edtf: day };
  }
}
