import { ApiError, graphql, type Issue } from "./api.ts";
import type { Bundle } from "./bundle.ts";
import { extractArticleQuery, ingestBundleMutation } from "./queries.ts";

/** What an ingest stored, counted. */
export interface IngestOutcome {
  articleId: string;
  actors: number;
  locations: number;
  events: number;
  claims: number;
}

type Refusal = { __typename: "ValidationError"; message: string; issues: Issue[] };

/** A ValidationError answer becomes an ApiError that keeps its issues, for the dialog to list. */
function accepted<T extends { __typename: string }>(answer: T | Refusal): T {
  if (answer.__typename === "ValidationError") {
    const { message, issues } = answer as Refusal;
    throw new ApiError(message, issues);
  }
  return answer as T;
}

/**
 * The bundle the server extracts from a raw article (text, HTML or JSON;
 * `filename`'s extension names the format), without storing anything.
 */
export async function extractArticle(
  raw: string,
  filename: string | null,
  { key, signal }: { key?: string; signal?: AbortSignal } = {},
): Promise<Bundle> {
  type Answer = { __typename: "ExtractedArticle"; bundle: Bundle };
  const data = await graphql<{ extractArticle: Answer | Refusal }>(
    extractArticleQuery,
    { raw, filename },
    { key, signal },
  );
  return accepted(data.extractArticle).bundle;
}

/** Stores a bundle as it is (validated by the server) with an editor key. */
export async function ingestBundle(bundle: Bundle, key: string): Promise<IngestOutcome> {
  type Answer = { __typename: "IngestResult" } & IngestOutcome;
  const data = await graphql<{ ingestBundle: Answer | Refusal }>(ingestBundleMutation, { bundle }, { key });
  return accepted(data.ingestBundle);
}
