import type { ArticleBundle } from "../bundle/types.ts";
import type { Database } from "../db/database.ts";
import { type ResolvedArticle, resolveAndWrite } from "../resolve/resolve-bundle.ts";
import { addBundleRows, emptyRows } from "./bundle-rows.ts";
import { ingestStatements } from "./bundle-statements.ts";

/** Options for {@link writeBundles}. */
export interface WriteOptions {
  /**
   * Resolve each article against the graph (syndication, same-event matching,
   * candidates); default true. Off only for generated data known to hold no
   * duplicates, and for the benchmark's baseline.
   */
  resolve?: boolean;
}

/**
 * Writes already-validated bundles in ONE write transaction (all or nothing).
 * Callers validate first (ingest/ingest-bundle.ts); bulk loaders pass many.
 * With resolution each bundle is resolved and written in turn, so a later
 * bundle of the batch sees the earlier ones.
 */
export async function writeBundles(
  db: Database,
  bundles: ArticleBundle[],
  options: WriteOptions = {},
): Promise<ResolvedArticle[]> {
  const metadata = { app: "rasd", operation: "ingest", articles: bundles.length };
  if (options.resolve === false) {
    const rows = emptyRows();
    for (const b of bundles) addBundleRows(rows, b);
    await db.writeAll(ingestStatements(rows), { metadata });
    return [];
  }
  return db.writeWork(
    async (run) => {
      const out: ResolvedArticle[] = [];
      for (const b of bundles) out.push(await resolveAndWrite(run, b));
      return out;
    },
    { metadata },
  );
}
