import type { Filters, TimeWindow } from "./filters.ts";

export const exportFormats = [
  ["graphml", "GraphML (Gephi, Cytoscape, networkx)"],
  ["gexf", "GEXF 1.3 with time spells (Gephi)"],
  ["csv-zip", "CSV nodes + edges, zipped (pandas, R)"],
  ["neo4j-csv", "CSV for neo4j-admin import"],
  ["node-link", "JSON node-link (networkx)"],
  ["cytoscape", "JSON Cytoscape.js elements"],
  ["geojson", "GeoJSON events (QGIS)"],
  ["cypher", "Cypher MERGE script"],
] as const;

export interface ExportScope {
  format: string;
  /** The selected or shown node ids; the export takes these plus `hops`. */
  ids: string[];
  hops: number;
  window: TimeWindow;
  filters: Filters;
  /** Everything, ignoring ids, window and filters. */
  all?: boolean;
}

/** The /export URL (issue 6) for the scope the analyst is looking at. */
export function exportUrl({ format, ids, hops, window: range, filters, all }: ExportScope): string {
  const params = new URLSearchParams({ format });
  if (all) params.set("all", "1");
  else {
    if (ids.length) {
      params.set("ids", ids.join(","));
      params.set("hops", String(hops));
    }
    if (range) {
      params.set("from", range[0].toISOString());
      params.set("to", range[1].toISOString());
    }
    if (filters.types.length) params.set("types", filters.types.join(","));
    if (filters.actors.length) params.set("actors", filters.actors.join(","));
    if (filters.locations.length) params.set("locations", filters.locations.join(","));
    if (filters.minConfidence > 0) params.set("minConfidence", String(filters.minConfidence));
  }
  return `/export?${params}`;
}
