import { asOfReadme } from "./as-of-note.ts";
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
import { writeZip, type ZipEntry } from "./zip-writer.ts";

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
        ...readme(r),
      ]),
  },
  "neo4j-csv": {
    contentType: "application/zip",
    extension: "neo4j.zip",
    write: (s, r) =>
      writeZip([...neo4jCsvEntries(s), ...readme(r)].map((e) => ({ ...e, content: () => buffered(e.content()) }))),
  },
  "node-link": { contentType: "application/json; charset=utf-8", extension: "json", write: text(writeNodeLink) },
  cytoscape: { contentType: "application/json; charset=utf-8", extension: "cyjs", write: text(writeCytoscape) },
  geojson: { contentType: "application/geo+json; charset=utf-8", extension: "geojson", write: text(writeGeojson) },
  cypher: { contentType: "application/x-cypher-query; charset=utf-8", extension: "cypher", write: text(writeCypher) },
};

/** README.txt in a CSV archive made as of a date (a bare CSV table has no room for it; its file name says so). */
function readme(r: ExportRequest): ZipEntry[] {
  const text = asOfReadme(r.selection);
  if (!text) return [];
  return [
    {
      name: "README.txt",
      content: async function* () {
        yield text;
      },
    },
  ];
}

/**
 * rasd-all-2024-08-22.graphml, rasd-subgraph-2024-08-22-edges.csv … (the date
 * is the export's, UTC); an export as of a date names it too:
 * rasd-subgraph-2024-08-22-asof-2024-08-01T000000Z.graphml.
 */
export function exportFilename(request: ExportRequest, now = new Date()): string {
  const scope = request.selection.all ? "all" : "subgraph";
  const table = request.format === "csv" ? `-${request.table}` : "";
  const asOf = request.selection.asOf ? `-asof-${request.selection.asOf.replace(/[:.]/g, "").slice(0, 17)}Z` : "";
  return `rasd-${scope}-${now.toISOString().slice(0, 10)}${asOf}${table}.${FORMATS[request.format].extension}`;
}
