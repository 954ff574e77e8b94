import { EDGE_ATTRIBUTES, type ExportEdge, type ExportNode, NODE_ATTRIBUTES } from "./elements.ts";
import type { GraphSource } from "./graph-source.ts";
import { csvField } from "./text.ts";

/**
 * Node and edge tables that pandas.read_csv and R's read.csv take without
 * options: UTF-8 without a byte-order mark, a header row, comma separated,
 * RFC 4180 quoting, empty for no value, list cells as JSON arrays.
 */

export const NODE_COLUMNS = ["id", ...NODE_ATTRIBUTES.map((a) => a.name)];
export const EDGE_COLUMNS = ["id", "source", "target", ...EDGE_ATTRIBUTES.map((a) => a.name)];

const row = (cells: string[]) => `${cells.join(",")}\n`;

export async function* nodesCsv(source: GraphSource): AsyncGenerator<string> {
  yield row(NODE_COLUMNS);
  for await (const n of source.nodes()) yield nodeRow(n);
}

export async function* edgesCsv(source: GraphSource): AsyncGenerator<string> {
  yield row(EDGE_COLUMNS);
  for await (const e of source.edges()) yield edgeRow(e);
}

const nodeRow = (n: ExportNode) => row([csvField(n.id), ...NODE_ATTRIBUTES.map((a) => csvField(n.attrs[a.name]))]);
const edgeRow = (e: ExportEdge) =>
  row([
    csvField(e.id),
    csvField(e.source),
    csvField(e.target),
    ...EDGE_ATTRIBUTES.map((a) => csvField(e.attrs[a.name])),
  ]);
