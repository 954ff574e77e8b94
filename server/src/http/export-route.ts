import type { IncomingMessage, ServerResponse } from "node:http";
import { roleOf } from "../auth.ts";
import type { Settings } from "../config.ts";
import { type Database, DatabaseUnavailableError } from "../db/database.ts";
import { createExport } from "../export/export-stream.ts";
import { parseExportRequest, type RawParams, SelectionError } from "../export/selection.ts";

export interface ExportRouteOptions {
  db: Database;
  settings: Pick<Settings, "apiKeys" | "openReads">;
}

function fail(res: ServerResponse, status: number, body: Record<string, string>) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function headersOf(req: IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") h.set(k, v);
  return h;
}

/** Waits until the socket takes more, or is gone; removes both listeners either way. */
function writable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/**
 * GET /export?format=…&ids=…&hops=…: streams the file. Headers go out with the
 * first chunk, so a failure before any data (the database down, say) still
 * gets a proper status (503, or 500 with the cause logged, never shown); a
 * failure mid-stream cuts the connection, which a client sees as a truncated
 * download rather than a file that looks whole.
 */
export async function exportRoute(req: IncomingMessage, res: ServerResponse, { db, settings }: ExportRouteOptions) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return fail(res, 405, { error: "use GET" });
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  const role = roleOf(new Request(url, { headers: headersOf(req) }), settings.apiKeys, settings.openReads);
  if (typeof role !== "string") return fail(res, 401, { error: role.error });
  if (role === "anonymous") return fail(res, 401, { error: "exports need a reader API key" });

  let request: ReturnType<typeof parseExportRequest>;
  try {
    const raw: RawParams = {};
    for (const [k, v] of url.searchParams) (raw as Record<string, string>)[k] = v;
    request = parseExportRequest(raw);
  } catch (error) {
    if (error instanceof SelectionError) return fail(res, 400, { error: error.message, parameter: error.parameter });
    throw error;
  }

  const exp = createExport(db, request);
  const head = {
    "content-type": exp.contentType,
    "content-disposition": `attachment; filename="${exp.filename}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
  if (req.method === "HEAD") {
    await exp.source.close();
    res.writeHead(200, head);
    return res.end();
  }
  // Stop reading from Neo4j as soon as the client goes away.
  res.on("close", () => void exp.chunks.return(undefined));
  let first = true;
  try {
    for await (const chunk of exp.chunks) {
      if (first) res.writeHead(200, head);
      first = false;
      if (!res.write(chunk)) await writable(res);
      if (res.destroyed) break;
    }
    if (first) res.writeHead(200, head);
    res.end();
  } catch (error) {
    if (!first) return res.destroy(error as Error);
    const code = (error as { code?: string }).code ?? "";
    if (error instanceof DatabaseUnavailableError || code === "ServiceUnavailable" || code === "SessionExpired")
      return fail(res, 503, { error: "the graph database is unavailable" });
    console.error(error);
    fail(res, 500, { error: "the export failed" });
  }
}
