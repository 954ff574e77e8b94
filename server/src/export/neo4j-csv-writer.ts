import { EDGE_ATTRIBUTES, type ExportEdge, type ExportNode, NODE_ATTRIBUTES, type Value } from "./elements.ts";
import type { GraphSource } from "./graph-source.ts";
import { csvField } from "./text.ts";
import type { ZipEntry } from "./zip-writer.ts";

/**
 * CSV with `neo4j-admin database import` headers: typed columns
 * (float, datetime, string[], point), one ID space, :LABEL and :TYPE
 * columns, arrays joined with ";" (neo4j-admin's default delimiter; a ";"
 * inside a value is written %3B). The archive carries import.sh with the
 * exact command line.
 */

const DATES = new Set(["earliest", "latest", "statedAt"]);
const typeOf = (name: string, type: string, list?: boolean) =>
  list ? `${name}:string[]` : type === "double" ? `${name}:float` : DATES.has(name) ? `${name}:datetime` : name;

const NODE_HEADER = [
  "id:ID",
  ":LABEL",
  ...NODE_ATTRIBUTES.filter((a) => a.name !== "category").map((a) => typeOf(a.name, a.type, a.list)),
  "point:point{crs:WGS-84}",
];
const EDGE_HEADER = [
  ":START_ID",
  ":END_ID",
  ":TYPE",
  "key",
  ...EDGE_ATTRIBUTES.filter((a) => a.name !== "type").map((a) => typeOf(a.name, a.type, a.list)),
];

function cell(v: Value): string {
  if (Array.isArray(v)) return csvField(v.map((x) => x.replaceAll(";", "%3B")).join(";"));
  return csvField(v);
}

function nodeRow(n: ExportNode): string {
  const a = n.attrs;
  const point =
    a.latitude !== null && a.longitude !== null ? `{latitude:${a.latitude}, longitude:${a.longitude}}` : null;
  const cells = [cell(n.id), cell(a.category)];
  for (const attr of NODE_ATTRIBUTES) if (attr.name !== "category") cells.push(cell(a[attr.name]));
  cells.push(cell(point));
  return `${cells.join(",")}\n`;
}

function edgeRow(e: ExportEdge): string {
  const cells = [cell(e.source), cell(e.target), cell(e.attrs.type), cell(e.id)];
  for (const attr of EDGE_ATTRIBUTES) if (attr.name !== "type") cells.push(cell(e.attrs[attr.name]));
  return `${cells.join(",")}\n`;
}

const IMPORT_SH = `#!/bin/sh
# Load into an empty database (stop it first): sh import.sh [database]
# Then create the uniqueness constraints Rasd expects (rasd migrate does it).
neo4j-admin database import full "\${1:-neo4j}" --nodes=nodes.csv --relationships=edges.csv \\
  --array-delimiter=";" --multiline-fields=true --overwrite-destination=true
`;

export function neo4jCsvEntries(source: GraphSource): ZipEntry[] {
  return [
    {
      name: "nodes.csv",
      content: async function* () {
        yield `${NODE_HEADER.join(",")}\n`;
        for await (const n of source.nodes()) yield nodeRow(n);
      },
    },
    {
      name: "edges.csv",
      content: async function* () {
        yield `${EDGE_HEADER.join(",")}\n`;
        for await (const e of source.edges()) yield edgeRow(e);
      },
    },
    {
      name: "import.sh",
      content: async function* () {
        yield IMPORT_SH;
      },
    },
  ];
}
