import type { Database } from "../db/database.ts";
import { exportFilename, FORMATS } from "./formats.ts";
import { GraphSource } from "./graph-source.ts";
import type { ExportRequest } from "./selection.ts";

export interface ExportOptions {
  /** Called with the number of elements read so far (progress bars, tests). */
  onElement?: (read: number) => void;
}

export interface ExportStream {
  contentType: string;
  filename: string;
  source: GraphSource;
  /** The file's bytes, produced as they are read; ending or abandoning the iteration closes the transaction. */
  chunks: AsyncGenerator<Buffer>;
}

async function* bytes(source: GraphSource, request: ExportRequest): AsyncGenerator<Buffer> {
  try {
    for await (const part of FORMATS[request.format].write(source, request))
      yield typeof part === "string"
        ? Buffer.from(part, "utf8")
        : Buffer.from(part.buffer, part.byteOffset, part.length);
  } finally {
    await source.close();
  }
}

/** One export: the HTTP route, the CLI and the bench all come through here. */
export function createExport(db: Database, request: ExportRequest, options: ExportOptions = {}): ExportStream {
  const source = new GraphSource(db, request.selection, options.onElement);
  return {
    contentType: FORMATS[request.format].contentType,
    filename: exportFilename(request),
    source,
    chunks: bytes(source, request),
  };
}
