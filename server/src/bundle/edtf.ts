import edtf from "edtf";

/**
 * EDTF (ISO 8601-2) values, read by the `edtf` library: "2024-08",
 * "2024-03~", "2024-08-15/2024-08-21", "2024-XX". An unreadable value is an
 * error naming why; a readable one gives the instants it spans, which is what
 * start and end must cover.
 */
export function edtfBounds(value: string): { start: string; end: string } | { error: string } {
  try {
    const d = edtf(value);
    const min = Number(d.min);
    const max = Number(d.max);
    if (!Number.isFinite(min) || !Number.isFinite(max)) return { error: `"${value}" has no bounded start and end` };
    return { start: new Date(min).toISOString(), end: new Date(max).toISOString() };
  } catch (error) {
    const first = String((error as Error).message).split("\n")[0];
    return { error: `"${value}" is not EDTF (${first})` };
  }
}
