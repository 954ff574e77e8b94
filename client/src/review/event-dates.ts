/**
 * An event's dates as the review editor sets them: start and end (inclusive
 * ISO dates), a precision, and the EDTF string the extractor would write for
 * them (2024-08, 2024, 2024-08-15/2024-08-21, 2024-08-15~).
 */

export interface EventDates {
  start?: string;
  end?: string;
  precision: string;
  edtf?: string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The EDTF value for these dates at this precision; undefined when nothing is known. */
export function edtfOf(start: string | undefined, end: string | undefined, precision: string): string | undefined {
  switch (precision) {
    case "UNKNOWN":
      return undefined;
    case "YEAR":
      return (start ?? end)?.slice(0, 4);
    case "MONTH":
      return (start ?? end)?.slice(0, 7);
    case "APPROXIMATE":
      if (start && end && start !== end) return `${start}~/${end}~`;
      return start || end ? `${start ?? end}~` : undefined;
    case "RANGE":
      return start || end ? `${start ?? ".."}/${end ?? ".."}` : undefined;
    default:
      if (start && end && start !== end) return `${start}/${end}`;
      return start ?? end;
  }
}

/**
 * The dates an editor typed, made whole: a MONTH or YEAR precision spans the
 * whole month or year of its start; a DAY with only one date has it as both
 * ends; UNKNOWN has no dates. The EDTF follows.
 */
export function normaliseDates(input: { start?: string; end?: string; precision: string }): EventDates {
  const start = input.start?.trim() || undefined;
  const end = input.end?.trim() || undefined;
  const p = input.precision;
  let s = start;
  let e = end;
  if (p === "UNKNOWN") return { precision: p };
  const anchor = start ?? end;
  if (p === "YEAR" && anchor && /^\d{4}/.test(anchor)) {
    const y = anchor.slice(0, 4);
    s = `${y}-01-01`;
    e = `${y}-12-31`;
  } else if (p === "MONTH" && anchor && /^\d{4}-\d{2}/.test(anchor)) {
    const [y, m] = anchor.slice(0, 7).split("-").map(Number);
    s = `${anchor.slice(0, 7)}-01`;
    e = lastDayOfMonth(y, m);
  } else if (p === "DAY" && anchor && isoDay.test(anchor)) {
    s = start ?? anchor;
    e = end ?? anchor;
  }
  return {
    ...(s ? { start: s } : {}),
    ...(e ? { end: e } : {}),
    precision: p,
    ...(edtfOf(s, e, p) ? { edtf: edtfOf(s, e, p) } : {}),
  };
}
