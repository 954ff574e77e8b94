import { createWriteStream, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { loadSettings } from "../config.ts";
import { connect } from "../db/connect.ts";
import type { Database } from "../db/database.ts";
import { createExport } from "../export/export-stream.ts";
import { type ExportRequest, parseExportRequest, type RawParams } from "../export/selection.ts";
import { log, progress } from "./log.ts";

const usage = `rasd export [--format F] [--out PATH] SELECTION

Formats: graphml, gexf, csv, csv-zip, neo4j-csv, node-link, cytoscape, geojson, cypher
Selection (as GET /export): --all | --ids ID,… [--hops 0..3] | --from ISO --to ISO
  --types T,… --actors ID,… --locations ID,…  [--as-of ISO: only what had been published by then]
Options: --timeformat dateTime|date (gexf; date for networkx), --bom (csv: a UTF-8
  byte-order mark for Excel), --formulas escape|keep (csv; default escape: a text
  cell starting with = + - @ is written after a ')
--all alone writes a full backup (format cypher) that \`rasd import\` restores.
--format csv writes nodes.csv and edges.csv into the folder --out names.
Without --out the file goes to the current folder under its default name.`;

const options = {
  format: { type: "string" },
  out: { type: "string", short: "o" },
  all: { type: "boolean" },
  ids: { type: "string" },
  hops: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  types: { type: "string" },
  actors: { type: "string" },
  locations: { type: "string" },
  "as-of": { type: "string" },
  timeformat: { type: "string" },
  bom: { type: "boolean" },
  formulas: { type: "string" },
} as const;

/** Writes one export to a file, ticking a progress bar about a hundred times over its length. */
async function writeOne(db: Database, request: ExportRequest, path: string | undefined, total: number) {
  const steps = 100;
  const every = Math.max(1, Math.ceil(total / steps));
  const bar = progress(
    Math.ceil(total / every),
    `export ${request.format}${request.format === "csv" ? ` ${request.table}` : ""}`,
  );
  const exp = createExport(db, request, { onElement: (read) => read % every === 0 && read <= total && bar.tick() });
  const out = path ?? exp.filename;
  await pipeline(Readable.from(exp.chunks), createWriteStream(out));
  bar.end();
  log(`${out}: ${exp.source.read} elements`);
}

/** rasd export — the same selection and formats as GET /export, to a file, with a progress bar. */
export async function exportCommand(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args, options, allowPositionals: false }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const raw: RawParams = { format: (values.format as string) ?? (values.all ? "cypher" : undefined) };
  for (const k of ["ids", "hops", "from", "to", "types", "actors", "locations"] as const) raw[k] = values[k] as string;
  raw.asOf = values["as-of"] as string | undefined;
  if (values.all) raw.all = "1";
  if (values.bom) raw.bom = "1";
  raw.timeformat = values.timeformat as string | undefined;
  raw.formulas = values.formulas as string | undefined;
  const request = parseExportRequest(raw);
  const folder = request.format === "csv" ? ((values.out as string | undefined) ?? ".") : undefined;
  if (folder) {
    if (statSync(folder, { throwIfNoEntry: false })?.isFile()) throw new Error(`--out ${folder}: csv writes a folder`);
    mkdirSync(folder, { recursive: true });
  }
  const connection = await connect(loadSettings().neo4j, log);
  const { db } = connection;
  try {
    const counts = await createExport(db, request).source.count();
    if (folder) {
      await writeOne(db, { ...request, table: "nodes" }, join(folder, "nodes.csv"), counts.nodes);
      await writeOne(db, { ...request, table: "edges" }, join(folder, "edges.csv"), counts.edges);
    } else await writeOne(db, request, values.out as string | undefined, counts.nodes + counts.edges);
    return 0;
  } finally {
    await connection.close();
  }
}
