import { FACT_UNITS, type FactKind } from "../model/vocabulary.ts";
import { decodeFact } from "./report-facts.ts";

/**
 * Where the reports of one event disagree, as data: for each numeric fact
 * (killed, injured, missiles, drones), the type of event and — when the
 * reports' dates do not intersect — the date, every value with the reports
 * that state it. A report may state more than one value (an outlet quoting
 * two tolls); it is listed under each.
 */
export interface ReportForComparison {
  articleId: string;
  publisher: string;
  language: string;
  type: string;
  start: string | null;
  end: string | null;
  facts: { code: string; text: string }[];
}

export interface DisagreementValue {
  value: string;
  reports: { articleId: string; publisher: string; language: string; quote: string | null }[];
}

export interface Disagreement {
  what: FactKind | "TYPE" | "DATE";
  unit: string | null;
  values: DisagreementValue[];
}

function group(
  reports: ReportForComparison[],
  valuesOf: (r: ReportForComparison) => { value: string; quote: string | null }[],
): DisagreementValue[] {
  const byValue = new Map<string, DisagreementValue>();
  for (const r of reports)
    for (const v of valuesOf(r)) {
      const entry = byValue.get(v.value) ?? { value: v.value, reports: [] };
      if (!entry.reports.some((x) => x.articleId === r.articleId))
        entry.reports.push({ articleId: r.articleId, publisher: r.publisher, language: r.language, quote: v.quote });
      byValue.set(v.value, entry);
    }
  return [...byValue.values()];
}

export function disagreements(reports: ReportForComparison[], dateConflict: boolean): Disagreement[] {
  const out: Disagreement[] = [];
  const kinds = new Set(reports.flatMap((r) => r.facts.map((f) => decodeFact(f.code).kind)));
  for (const kind of [...kinds].sort()) {
    // "at least 25" and "25" agree; 14 and 25 do not.
    const values = group(reports, (r) =>
      r.facts
        .filter((f) => decodeFact(f.code).kind === kind)
        .map((f) => ({ value: String(decodeFact(f.code).value), quote: f.text })),
    );
    if (values.length > 1)
      out.push({
        what: kind,
        unit: FACT_UNITS[kind],
        values: values.sort((a, b) => Number(a.value) - Number(b.value)),
      });
  }
  const types = group(reports, (r) => [{ value: r.type, quote: null }]);
  if (types.length > 1) out.push({ what: "TYPE", unit: null, values: types });
  if (dateConflict) {
    const dates = group(reports, (r) => [{ value: `${r.start ?? ".."}/${r.end ?? ".."}`, quote: null }]);
    out.push({ what: "DATE", unit: null, values: dates });
  }
  return out;
}
