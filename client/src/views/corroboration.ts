import type { RowItem } from "./timeline-rows.ts";

/**
 * How the timeline tells corroborated events from single-source ones, in one
 * place for the SVG marks, the canvas marks and the legend: an event that one
 * independent source reports is drawn hollow (a ring, or a dashed outline
 * around its range); two or more independent sources fill it.
 */
export function singleSource(item: RowItem): boolean {
  return item.event !== null && item.event.independentSources < 2;
}

export const corroborationLegend = {
  single: "one independent source: hollow ring, dashed range",
  corroborated: "corroborated (≥ 2 independent sources): filled",
} as const;
