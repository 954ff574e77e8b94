import { ApiError, request } from "./api.ts";
import type { Bundle } from "./bundle.ts";
import type { ResultOf } from "./graphql.ts";
import { extractArticleQuery, ingestBundleMutation, type Refusal } from "./queries.ts";

/** What an ingest stored, counted. */
export type IngestOutcome = Omit<Accepted<ResultOf<typeof ingestBundleMutation>["ingestBundle"]>, "__typename">;

/** A refused input, as every mutation's ValidationError answer carries it. */
type Refused = { __typename: "ValidationError" } & ResultOf<typeof Refusal>;

/** An answer that is not a refusal. */
type Accepted<T> = Exclude<T, { __typename: "ValidationError" }>;

/** A ValidationError answer becomes an ApiError that keeps its issues, for the dialog to list. */
function accepted<T extends { __typename: string }>(answer: T | Refused): Accepted<T> {
  if (isRefused(answer)) throw new ApiError(answer.message, answer.issues);
  return answer as Accepted<T>;
}

const isRefused = (answer: { __typename: string }): answer is Refused => answer.__typename === "ValidationError";

/**
 * The bundle the server extracts from a raw article (text, HTML or JSON;
 * `filename`'s extension names the format), without storing anything.
 */
export async function extractArticle(
  raw: string,
  filename: string | null,
  { key, signal }: { key?: string; signal?: AbortSignal } = {},
): Promise<Bundle> {
  const data = await request(extractArticleQuery, { raw, filename }, { key, signal });
  // The API's JSON scalar is untyped; the server validated this bundle against the bundle schema.
  return accepted(data.extractArticle).bundle as Bundle;
}

/** Stores a bundle as it is (validated by the server) with an editor key. */
export async function ingestBundle(bundle: Bundle, key: string): Promise<IngestOutcome> {
  const { __typename, ...outcome } = accepted((await request(ingestBundleMutation, { bundle }, { key })).ingestBundle);
  return outcome;
}
