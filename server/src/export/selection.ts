/**
 * What to export: the query parameters of GET /export, the flags of
 * `rasd export` and the arguments of the GraphQL `exportSubgraph` field all
 * normalise to one Selection here, failing early with the parameter's name.
 */

import type { Selection } from "../model/selection.ts";

export const EXPORT_FORMATS = [
  "graphml",
  "gexf",
  "csv",
  "csv-zip",
  "neo4j-csv",
  "node-link",
  "cytoscape",
  "geojson",
  "cypher",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type { Selection };

/** How a file is written, per format; the defaults suit most readers. */
export interface ExportOptions {
  /** GEXF: time spells as xs:dateTime (GEXF 1.3 "dateTime", the default) or as days ("date", for networkx). */
  timeformat: "dateTime" | "date";
  /** CSV: start with a UTF-8 byte-order mark, so Excel reads Arabic as UTF-8. */
  bom: boolean;
  /** CSV: "escape" (default) writes a text cell starting with = + - @ (or a tab, CR) after a ', so a spreadsheet never runs it as a formula; "keep" writes it as it is. */
  formulas: "escape" | "keep";
}

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { timeformat: "dateTime", bom: false, formulas: "escape" };

export interface ExportRequest {
  format: ExportFormat;
  selection: Selection;
  /** Only for format=csv, which is one table per file. */
  table: "nodes" | "edges";
  options: ExportOptions;
}

/** A bad parameter: the message names it, the HTTP route answers 400. */
export class SelectionError extends Error {
  override name = "SelectionError";
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`invalid ${parameter}: ${message}`);
  }
}

/** The raw values, as strings, whichever door they came through. */
export type RawParams = Partial<
  Record<keyof Selection | "format" | "table" | "timeformat" | "bom" | "formulas", string | undefined>
>;

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const TYPE = /^[A-Z][A-Z0-9_]*$/;
const MAX_LIST = 10_000;

function list(name: string, raw: string | undefined, pattern?: RegExp): string[] {
  if (raw === undefined || raw.trim() === "") return [];
  const items = [...new Set(raw.split(",").map((s) => s.trim()))].filter(Boolean);
  if (items.length > MAX_LIST) throw new SelectionError(name, `more than ${MAX_LIST} values`);
  for (const item of items)
    if (pattern && !pattern.test(item)) throw new SelectionError(name, `"${item}" is not a valid value`);
  return items;
}

function instant(name: string, raw: string | undefined, endOfDay: boolean): string | undefined {
  if (raw === undefined || raw === "") return undefined;
  if (!ISO.test(raw) || Number.isNaN(Date.parse(raw)))
    throw new SelectionError(name, `"${raw}" is not an ISO 8601 date or date-time`);
  // A bare date means the whole day, as event dates do (ingest/bundle-rows.ts).
  if (raw.length === 10) return `${raw}T${endOfDay ? "23:59:59.999" : "00:00:00"}Z`;
  return /Z|[+-]\d{2}:\d{2}$/.test(raw.slice(10)) ? raw : `${raw}Z`;
}

function flag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === "" || raw === "0" || raw === "false") return false;
  if (raw === "1" || raw === "true") return true;
  throw new SelectionError(name, `"${raw}" (expected 1 or 0)`);
}

export function parseExportRequest(raw: RawParams): ExportRequest {
  const format = raw.format ?? "";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new SelectionError("format", `"${format}" (expected one of ${EXPORT_FORMATS.join(", ")})`);
  const table = raw.table ?? "nodes";
  if (table !== "nodes" && table !== "edges") throw new SelectionError("table", `"${table}" (expected nodes or edges)`);
  if (raw.table !== undefined && format !== "csv") throw new SelectionError("table", "only format=csv takes a table");
  return { format: format as ExportFormat, selection: parseSelection(raw), table, options: parseOptions(format, raw) };
}

const CSV_FORMATS = ["csv", "csv-zip"];

function parseOptions(format: string, raw: RawParams): ExportOptions {
  const given = (k: "timeformat" | "bom" | "formulas") => raw[k] !== undefined && raw[k] !== "";
  if (given("timeformat") && format !== "gexf") throw new SelectionError("timeformat", "only format=gexf takes it");
  for (const k of ["bom", "formulas"] as const)
    if (given(k) && !CSV_FORMATS.includes(format)) throw new SelectionError(k, "only format=csv or csv-zip takes it");
  const timeformat = raw.timeformat || DEFAULT_EXPORT_OPTIONS.timeformat;
  if (timeformat !== "dateTime" && timeformat !== "date")
    throw new SelectionError("timeformat", `"${timeformat}" (expected dateTime or date)`);
  const formulas = raw.formulas || DEFAULT_EXPORT_OPTIONS.formulas;
  if (formulas !== "escape" && formulas !== "keep")
    throw new SelectionError("formulas", `"${formulas}" (expected escape or keep)`);
  return { timeformat, bom: flag("bom", raw.bom), formulas };
}

export function parseSelection(raw: RawParams): Selection {
  const hopsRaw = raw.hops ?? "1";
  const hops = Number(hopsRaw);
  if (!/^\d$/.test(hopsRaw) || hops > 3) throw new SelectionError("hops", `"${hopsRaw}" (expected 0, 1, 2 or 3)`);
  const selection: Selection = {
    all: flag("all", raw.all),
    ids: list("ids", raw.ids),
    hops,
    from: instant("from", raw.from, false),
    to: instant("to", raw.to, true),
    types: list("types", raw.types, TYPE),
    actors: list("actors", raw.actors),
    locations: list("locations", raw.locations),
  };
  // asOf narrows nothing by itself (it goes with all=1 too): it says when to read the selection as of.
  const asOf = instant("asOf", raw.asOf, true);
  if (asOf) selection.asOf = asOf;
  if (selection.from && selection.to && selection.from > selection.to)
    throw new SelectionError("to", "the window ends before it starts");
  const given = (k: keyof Selection) => raw[k] !== undefined && raw[k] !== "";
  const narrowing = (["ids", "hops", "from", "to", "types", "actors", "locations"] as const).find(given);
  if (selection.all && narrowing) throw new SelectionError(narrowing, "cannot be combined with all=1");
  if (!selection.all && !(["ids", "from", "to", "types", "actors", "locations"] as const).some(given))
    throw new SelectionError("ids", "nothing selected: give ids, a time window or a filter, or all=1");
  return selection;
}

/** The same selection as query parameters (the GraphQL link, the client's Export button). */
export function toSearchParams(request: ExportRequest): URLSearchParams {
  const { selection: s } = request;
  const p = new URLSearchParams({ format: request.format });
  if (request.format === "csv" && request.table !== "nodes") p.set("table", request.table);
  if (s.all) p.set("all", "1");
  if (s.ids.length) p.set("ids", s.ids.join(","));
  if (!s.all) p.set("hops", String(s.hops));
  if (s.from) p.set("from", s.from);
  if (s.to) p.set("to", s.to);
  for (const k of ["types", "actors", "locations"] as const) if (s[k].length) p.set(k, s[k].join(","));
  if (s.asOf) p.set("asOf", s.asOf);
  const o = request.options ?? DEFAULT_EXPORT_OPTIONS;
  if (o.timeformat !== DEFAULT_EXPORT_OPTIONS.timeformat) p.set("timeformat", o.timeformat);
  if (o.bom) p.set("bom", "1");
  if (o.formulas !== DEFAULT_EXPORT_OPTIONS.formulas) p.set("formulas", o.formulas);
  return p;
}
