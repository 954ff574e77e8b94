import { FACT_KINDS, FACT_UNITS, type FactKind } from "../../../server/src/model/vocabulary.ts";
import type { EventSources } from "./sources.ts";

/** One number a report states, merged across its repetitions in that report. */
export interface StatedValue {
  value: number;
  /** Every statement of this value in the report was a floor ("at least 25"). */
  atLeast: boolean;
  /** The words that say it, first statement. */
  quote: string;
}

/** One report's values for one kind of fact. */
export interface FactRow {
  articleId: string;
  publisher: string;
  language: string;
  values: StatedValue[];
}

/** One kind of fact (killed, injured, …) across an event's reports. */
export interface FactGroup {
  kind: FactKind;
  unit: string;
  rows: FactRow[];
  /** The distinct values stated, ascending: more than one means the reports disagree. */
  distinct: number[];
}

/**
 * An event's reports' numeric facts by kind, for the chart: one row per
 * report that states the kind (kinds in the vocabulary's order). As on the
 * server, "at least 25" and "25" are the same value; 14 and 25 are not.
 */
export function factGroups(s: EventSources): FactGroup[] {
  const groups: FactGroup[] = [];
  for (const kind of FACT_KINDS) {
    const rows: FactRow[] = [];
    for (const r of s.reports) {
      const byValue = new Map<number, StatedValue>();
      for (const f of r.facts) {
        if (f.kind !== kind) continue;
        const seen = byValue.get(f.value);
        if (seen) seen.atLeast &&= f.atLeast;
        else byValue.set(f.value, { value: f.value, atLeast: f.atLeast, quote: f.quote });
      }
      if (byValue.size)
        rows.push({
          articleId: r.articleId,
          publisher: r.publisher,
          language: r.language,
          values: [...byValue.values()].sort((a, b) => a.value - b.value),
        });
    }
    if (!rows.length) continue;
    const distinct = [...new Set(rows.flatMap((r) => r.values.map((v) => v.value)))].sort((a, b) => a - b);
    groups.push({ kind, unit: FACT_UNITS[kind], rows, distinct });
  }
  return groups;
}
