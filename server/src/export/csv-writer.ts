import { stringify } from "csv-stringify/sync";
import { EDGE_ATTRIBUTES, type ExportEdge, type ExportNode, NODE_ATTRIBUTES, type Value } from "./elements.ts";
import type { GraphSource } from "./graph-source.ts";
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from "./selection.ts";
import { text } from "./text.ts";

/**
 * Node and edge tables that pandas.read_csv and R's read.csv take without
 * options: UTF-8 (a byte-order mark only when asked, for Excel), a header row,
 * comma separated, RFC 4180 quoting, empty for no value, list cells as JSON
 * arrays. A text cell that a spreadsheet would run as a formula (= + - @, a
 * tab or CR first) is written after a ' unless formulas=keep; numbers are
 * never touched (-0.5 stays a number). csv-stringify does the quoting and the
 * escaping, one row at a time, so the table still streams.
 */

export const NODE_COLUMNS = ["id", ...NODE_ATTRIBUTES.map((a) => a.name)];
export const EDGE_COLUMNS = ["id", "source", "target", ...EDGE_ATTRIBUTES.map((a) => a.name)];

type Cell = string | number;

function rowWriter(options: ExportOptions) {
  const settings = {
    escape_formulas: options.formulas === "escape",
    // Quoting edge white space too keeps it through readers that trim unquoted fields.
    quoted_match: /^\s|\s$|\r/,
    record_delimiter: "unix" as const,
  };
  return (cells: Cell[], bom = false) => stringify([cells], { ...settings, bom });
}

const cell = (v: Value): Cell => (typeof v === "number" ? v : (text(v) ?? ""));

export async function* nodesCsv(source: GraphSource, options = DEFAULT_EXPORT_OPTIONS): AsyncGenerator<string> {
  const row = rowWriter(options);
  yield row(NODE_COLUMNS, options.bom);
  for await (const n of source.nodes()) yield row(nodeCells(n));
}

export async function* edgesCsv(source: GraphSource, options = DEFAULT_EXPORT_OPTIONS): AsyncGenerator<string> {
  const row = rowWriter(options);
  yield row(EDGE_COLUMNS, options.bom);
  for await (const e of source.edges()) yield row(edgeCells(e));
}

const nodeCells = (n: ExportNode): Cell[] => [n.id, ...NODE_ATTRIBUTES.map((a) => cell(n.attrs[a.name]))];
const edgeCells = (e: ExportEdge): Cell[] => [
  e.id,
  e.source,
  e.target,
  ...EDGE_ATTRIBUTES.map((a) => cell(e.attrs[a.name])),
];
