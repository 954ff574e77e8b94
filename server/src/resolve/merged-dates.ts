/**
 * An event's interval from its reports, the rule cypher/resolve.ts
 * refreshEvents stores: the intersection of what the reports allow, or, when
 * they do not intersect, their union flagged as a conflict. Used to answer
 * "as of" a date from the reports published by then.
 */
export interface ReportDates {
  start: string | null;
  end: string | null;
  precision: string | null;
}

export interface MergedDates {
  start: string | null;
  end: string | null;
  /** The narrowest report's precision; RANGE when the reports conflict. */
  precision: string | null;
  conflict: boolean;
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** Null when no report carries a date (the stored dates then stand). */
export function mergeReportDates(reports: ReportDates[]): MergedDates | null {
  const starts = reports.map((r) => ms(r.start)).filter((t): t is number => t !== null);
  const ends = reports.map((r) => ms(r.end)).filter((t): t is number => t !== null);
  if (starts.length + ends.length === 0) return null;
  const lo = starts.length ? Math.max(...starts) : null;
  const hi = ends.length ? Math.min(...ends) : null;
  if (lo !== null && hi !== null && lo > hi)
    return { start: iso(Math.min(...starts)), end: iso(Math.max(...ends)), precision: "RANGE", conflict: true };
  const span = (r: ReportDates) => {
    const s = ms(r.start);
    const e = ms(r.end);
    return s === null || e === null ? Number.POSITIVE_INFINITY : e - s;
  };
  const narrowest = [...reports].sort((a, b) => span(a) - span(b))[0];
  return { start: iso(lo), end: iso(hi), precision: narrowest?.precision ?? null, conflict: false };
}
