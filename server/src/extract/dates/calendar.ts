import type { DateValue } from "../types.ts";

/** Calendar arithmetic on UTC dates written as yyyy-mm-dd, and Hijri → Gregorian conversion. */

const DAY_MS = 86400000;

export function parseDay(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

export function formatDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return formatDay(new Date(parseDay(iso).getTime() + n * DAY_MS));
}

/** Adds months, clamping the day to the end of the target month (Aug 31 − 6 months → Feb 29). */
export function addMonths(iso: string, n: number): string {
  const d = parseDay(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const target = new Date(Date.UTC(y, m, 1));
  const last = lastDayOfMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  return formatDay(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last))));
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function monthEdtf(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

export function dayIso(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

const hijriFormat = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
  timeZone: "UTC",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

function hijriOf(d: Date): [number, number, number] {
  const parts = hijriFormat.formatToParts(d);
  const get = (t: string) => Number.parseInt(parts.find((p) => p.type === t)?.value ?? "0", 10);
  return [get("year"), get("month"), get("day")];
}

/**
 * Gregorian day of a Hijri (Umm al-Qura) date, by estimating from the mean
 * lunar year and searching the neighbourhood with ICU's Islamic calendar.
 */
export function hijriToGregorian(year: number, month: number, day: number): string | undefined {
  const epoch = Date.UTC(622, 6, 16);
  const estimate = epoch + ((year - 1) * 354.36667 + (month - 1) * 29.5306 + (day - 1)) * DAY_MS;
  for (let offset = 0; offset <= 40; offset++) {
    for (const sign of [1, -1]) {
      const d = new Date(estimate + sign * offset * DAY_MS);
      const [y, m, dd] = hijriOf(d);
      if (y === year && m === month && dd === day) return formatDay(d);
    }
  }
  return undefined;
}

/** Length of a Hijri month in days (29 or 30). */
export function hijriMonthLength(year: number, month: number): number {
  return hijriToGregorian(year, month, 30) ? 30 : 29;
}

/** A whole month as a date value. */
export function monthValue(year: number, month: number): DateValue {
  return {
    edtf: monthEdtf(year, month),
    start: dayIso(year, month, 1),
    end: dayIso(year, month, lastDayOfMonth(year, month)),
    precision: "MONTH",
  };
}
