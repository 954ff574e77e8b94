import { builder } from "../builder.ts";
import { exportFilename, FORMATS } from "../export/formats.ts";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportRequest,
  parseExportRequest,
  type RawParams,
  SelectionError,
  toSearchParams,
} from "../export/selection.ts";
import { invalid, ValidationError } from "./errors.ts";

/**
 * exportSubgraph: checks a selection and answers with the GET /export link
 * that streams it. The file itself never passes through GraphQL: a large
 * subgraph would not fit in one response, the link streams in constant memory.
 */

interface ExportLink {
  url: string;
  format: ExportFormat;
  filename: string;
  contentType: string;
}

// GraphQL enum values cannot hold "-": CSV_ZIP stands for csv-zip and so on.
const enumName = (f: ExportFormat) => f.replaceAll("-", "_").toUpperCase();
const ExportFormatEnum = builder.enumType("ExportFormat", {
  description: "A file format of GET /export (docs/exports.md says which tool opens which)",
  values: Object.fromEntries(EXPORT_FORMATS.map((f) => [enumName(f), { value: f }])) as Record<
    string,
    { value: ExportFormat }
  >,
});

const CsvTable = builder.enumType("CsvTable", { values: { NODES: { value: "nodes" }, EDGES: { value: "edges" } } });

const ExportLinkRef = builder.objectRef<ExportLink>("ExportLink").implement({
  description: "Where to download an export: a relative URL on this server (send the same API key)",
  fields: (t) => ({
    url: t.exposeString("url"),
    format: t.field({ type: ExportFormatEnum, resolve: (l) => l.format }),
    filename: t.exposeString("filename"),
    contentType: t.exposeString("contentType"),
  }),
});

const joined = (v: readonly string[] | null | undefined) => (v?.length ? v.join(",") : undefined);

builder.queryField("exportSubgraph", (t) =>
  t.field({
    type: ExportLinkRef,
    description: "A link to GET /export for this selection: seed ids plus hops, a time window, filters, or all",
    authScopes: { reader: true },
    errors: { types: [ValidationError] },
    args: {
      format: t.arg({ type: ExportFormatEnum, required: true }),
      ids: t.arg.idList({ required: false, description: "seed entities (actors, locations, events, claims)" }),
      hops: t.arg.int({ required: false, description: "0..3 steps from the seeds, default 1" }),
      from: t.arg.string({ required: false, description: "ISO 8601; events must end on or after it" }),
      to: t.arg.string({ required: false, description: "ISO 8601; events must start on or before it" }),
      types: t.arg.stringList({ required: false, description: "event types kept" }),
      actors: t.arg.idList({ required: false, description: "seed events: those these actors took part in" }),
      locations: t.arg.idList({ required: false, description: "seed events: those in (or inside) these places" }),
      all: t.arg.boolean({ required: false, description: "the whole graph; no other selection argument" }),
      table: t.arg({ type: CsvTable, required: false, description: "format CSV only: which table" }),
      asOf: t.arg({
        type: "DateTime",
        required: false,
        description: "only what had been published by then; the file says so in its metadata",
      }),
    },
    resolve: (_root, args) => {
      const raw: RawParams = {
        format: args.format,
        ids: joined(args.ids),
        hops: args.hops == null ? undefined : String(args.hops),
        from: args.from ?? undefined,
        to: args.to ?? undefined,
        types: joined(args.types),
        actors: joined(args.actors),
        locations: joined(args.locations),
        all: args.all ? "1" : undefined,
        table: args.table ?? undefined,
        asOf: args.asOf ?? undefined,
      };
      let request: ExportRequest;
      try {
        request = parseExportRequest(raw);
      } catch (error) {
        if (error instanceof SelectionError)
          throw invalid(error.parameter, error.message.replace(/^invalid \w+: /, ""));
        throw error;
      }
      return {
        url: `/export?${toSearchParams(request)}`,
        format: request.format,
        filename: exportFilename(request),
        contentType: FORMATS[request.format].contentType,
      };
    },
  }),
);
