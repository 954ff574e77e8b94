import type { ArticleBundle } from "../bundle/types.ts";
import { validateBundle } from "../bundle/validate.ts";
import type { Database } from "../db/database.ts";
import { writeBundles } from "./write-bundles.ts";

export interface IngestResult {
  articleId: string;
  actors: number;
  locations: number;
  events: number;
  claims: number;
  /** Events of this article matched to stored events (each now has this article as another report). */
  mergedEvents: number;
  /** Possible duplicates recorded for review. */
  candidates: number;
  /** The independent source the article counts as, and the stored article it copies, if any. */
  sourceKey: string | null;
  copyOf: string | null;
}

/**
 * The one door into the graph for any producer of bundles (the extractor, a
 * person, another tool): validate everything first, then write it all in one
 * transaction. A refused bundle throws BundleValidationError and writes nothing.
 * `analyst` is the editor key's name when an analyst reviewed the bundle
 * (the ingestBundle mutation): the items it marks are stored as theirs.
 * `resolve: false` skips event resolution (RASD_RESOLVE_ON_INGEST=false for
 * `rasd ingest`): each event is stored as its article tells it.
 */
export async function ingestBundle(
  db: Database,
  input: unknown,
  who?: string,
  options: { analyst?: string; resolve?: boolean } = {},
): Promise<IngestResult> {
  const bundle: ArticleBundle = validateBundle(input, { analyst: options.analyst });
  const [resolved] = await writeBundles(db, [bundle], { who, analyst: options.analyst, resolve: options.resolve });
  return {
    articleId: bundle.article.id,
    actors: bundle.actors.length,
    locations: bundle.locations.length,
    events: bundle.events.length,
    claims: bundle.claims.length,
    mergedEvents: resolved?.merged ?? 0,
    candidates: resolved?.candidates ?? 0,
    sourceKey: resolved?.sourceKey ?? null,
    copyOf: resolved?.copyOf ?? null,
  };
}
