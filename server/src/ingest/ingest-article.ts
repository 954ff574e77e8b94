import type { ArticleBundle } from "../bundle/types.ts";
import { knownEntities } from "../cypher/known-entities.ts";
import type { Database } from "../db/database.ts";
import type { KnownEntity } from "../extract/types.ts";
import { extractInWorker } from "../extract-pool/pool.ts";
import { type IngestResult, ingestBundle } from "./ingest-bundle.ts";

export async function loadKnownEntities(db: Database): Promise<KnownEntity[]> {
  const result = await db.read(knownEntities());
  return result.records.map((r) => ({
    id: r.get("id"),
    label: r.get("label"),
    name: r.get("name"),
    nameAr: r.get("nameAr") ?? undefined,
    aliases: r.get("aliases"),
    kind: r.get("kind"),
    point: r.get("point"),
  }));
}

/** Reads an article (text, HTML or JSON) and extracts its bundle, matching names the graph already knows. */
export async function extractFromBytes(
  db: Database | null,
  bytes: Uint8Array,
  filename?: string,
): Promise<ArticleBundle> {
  const known = db ? await loadKnownEntities(db) : [];
  // Parsing and extraction are CPU work of seconds for a long article: a worker thread keeps the event loop free.
  return extractInWorker(bytes, filename, known);
}

/** Extraction is one producer of bundles: its output enters through the same validated path as any other. */
export async function ingestArticle(
  db: Database,
  bytes: Uint8Array,
  filename?: string,
  who?: string,
  options: { resolve?: boolean } = {},
): Promise<IngestResult> {
  return ingestBundle(db, await extractFromBytes(db, bytes, filename), who, options);
}

/** A bundle file is JSON with bundleVersion; anything else is an article to extract. */
export function isBundle(bytes: Uint8Array): unknown | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("utf8").trimStart();
  if (!head.startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
    return parsed && typeof parsed === "object" && "bundleVersion" in parsed ? parsed : undefined;
  } catch {
    return undefined;
  }
}
