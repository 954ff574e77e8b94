import { print } from "@0no-co/graphql.web";
import type { TadaDocumentNode } from "gql.tada";
import { databaseUnavailableCode, reportDatabaseUnavailable } from "./availability.ts";

/** One problem with an input, as the API's ValidationError names it. */
export interface Issue {
  path: string;
  message: string;
}

/** A GraphQL error answered by the server, with its message(s) joined; a refused input lists its issues. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly issues: Issue[] = [],
    /** The first error's extensions.code (DATABASE_UNAVAILABLE, FORBIDDEN …), when the server gave one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Each document's text, printed once (the documents are module constants). */
const printed = new WeakMap<object, string>();

function printOnce(document: object): string {
  const query = printed.get(document) ?? print(document as Parameters<typeof print>[0]);
  printed.set(document, query);
  return query;
}

/**
 * Posts a GraphQL operation written with the `graphql` tag (graphql.ts) and
 * answers its data, typed from the schema; throws ApiError with the server's
 * message on errors.
 */
export async function request<Result, Variables>(
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  options: { key?: string; signal?: AbortSignal } = {},
): Promise<Result> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
  };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  const response = await fetch("/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query: printOnce(document), variables }),
    signal: options.signal,
  });
  return answer<Result>(response);
}

/**
 * The GET address of an operation without variables. The page preloads the
 * first such request (`<link rel="preload">`, written into index.html by the
 * client build) so its answer is on its way before any script has run.
 */
export function getUrl(document: TadaDocumentNode<unknown, Record<string, never>>): string {
  return `/graphql?query=${encodeURIComponent(printOnce(document))}`;
}

/**
 * Asks a variable-free query by GET at `getUrl`, with no header the preload
 * lacks, so the browser can hand over the preloaded answer.
 */
export async function requestGet<Result>(
  document: TadaDocumentNode<Result, Record<string, never>>,
  options: { signal?: AbortSignal } = {},
): Promise<Result> {
  return answer<Result>(await fetch(getUrl(document), { signal: options.signal }));
}

/** The data of a GraphQL answer; ApiError with the server's message(s) when it has errors or failed. */
async function answer<Result>(response: Response): Promise<Result> {
  let body: { data?: Result; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`the server answered ${response.status} ${response.statusText}`);
  }
  if (body.errors?.length) {
    const code = body.errors.find((e) => e.extensions?.code)?.extensions?.code;
    if (code === databaseUnavailableCode) reportDatabaseUnavailable();
    throw new ApiError(body.errors.map((e) => e.message).join("; "), [], code);
  }
  if (!response.ok) throw new ApiError(`the server answered ${response.status}`);
  return body.data as Result;
}
