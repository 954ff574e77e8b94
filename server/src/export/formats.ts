import { edgesCsv, nodesCsv } from "./csv-writer.ts";
import { writeCypher } from "./cypher-writer.ts";
import { writeGeojson } from "./geojson-writer.ts";
import { writeGexf } from "./gexf-writer.ts";
import type { GraphSource } from "./graph-source.ts";
import { writeGraphml } from "./graphml-writer.ts";
import { writeCytoscape, writeNodeLink } from "./json-writers.ts";
import { neo4jCsvEntries } from "./neo4j-csv-writer.ts";
import type { ExportFormat, ExportRequest } from "./selection.ts";
import { buffered } from "./text.ts";
import { writeZip } from "./zip-writer.ts";

/** How each format is served and which writer produces it. */
export interface FormatSpec {
  contentType: string;
  extension: string;
  write: (source: GraphSource, request: ExportRequest) => AsyncIterable<string | Uint8Array>;
}

const text = (write: (s: GraphSource) => AsyncIterable<string>) => (s: GraphSource) => buffered(write(s));

export const FORMATS: Record<ExportFormat, FormatSpec> = {
  graphml: { contentType: "application/graphml+xml; charset=utf-8", extension: "graphml", write: text(writeGraphml) },
  gexf: {
    contentType: "application/gexf+xml; charset=utf-8",
    extension: "gexf",
    write: (s, r) => buffered(writeGexf(s, r.options)),
  },
  csv: {
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
    write: (s, r) => buffered(r.table === "edges" ? edgesCsv(s, r.options) : nodesCsv(s, r.options)),
  },
  "csv-zip": {
    contentType: "application/zip",
    extension: "zip",
    write: (s, r) =>
      writeZip([
        { name: "nodes.csv", content: () => buffered(nodesCsv(s, r.options)) },
        { name: "edges.csv", content: () => buffered(edgesCsv(s, r.options)) },
      ]),
  },
  "neo4j-csv": {
    contentType: "application/zip",
    extension: "neo4j.zip",
    write: (s) => writeZip(neo4jCsvEntries(s).map((e) => ({ ...e, content: () => buffered(e.content()) }))),
  },
  "node-link": { contentType: "application/json; charset=utf-8", extension: "json", write: text(writeNodeLink) },
  cytoscape: { contentType: "application/json; charset=utf-8", extension: "cyjs", write: text(writeCytoscape) },
  geojson: { contentType: "application/geo+json; charset=utf-8", extension: "geojson", write: text(writeGeojson) },
  cypher: { contentType: "application/x-cypher-query; charset=utf-8", extension: "cypher", write: text(writeCypher) },
};

/** rasd-all-2024-08-22.graphml, rasd-subgraph-2024-08-22-edges.csv … (the date is the export's, UTC). */
export function exportFilename(request: ExportRequest, now = new Date()): string {
  const scope = request.selection.all ? "all" : "subgraph";
  const table = request.format === "csv" ? `-${request.table}` : "";
  return `rasd-${scope}-${now.toISOString().slice(0, 10)}${table}.${FORMATS[request.format].extension}`;
}
