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
}

/**
 * The one door into the graph for any producer of bundles (the extractor, a
 * person, another tool): validate everything first, then write it all in one
 * transaction. A refused bundle throws BundleValidationError and writes nothing.
 */
export async function ingestBundle(db: Database, input: unknown): Promise<IngestResult> {
  const bundle: ArticleBundle = validateBundle(input);
  await writeBundles(db, [bundle]);
  return {
    articleId: bundle.article.id,
    actors: bundle.actors.length,
    locations: bundle.locations.length,
    events: bundle.events.length,
    claims: bundle.claims.length,
  };
}
