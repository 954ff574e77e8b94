import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { DatabaseUnavailableError } from "../db/database.ts";

/** What a user reads while Neo4j is down or restarting. */
export const databaseUnavailableMessage =
  "The graph database is unavailable right now (it may be restarting). Nothing was read or written; try again in a few seconds.";

/** Seconds a client should wait before retrying (the Retry-After header). */
const RETRY_AFTER_S = 5;

/**
 * Turns a DatabaseUnavailableError from a resolver into a typed GraphQL error
 * (extensions.code DATABASE_UNAVAILABLE) instead of yoga's masked "Unexpected
 * error.". The HTTP status is 503 with Retry-After when the response has no
 * data — GraphQL-over-HTTP allows a non-2xx status only then, and only for
 * application/graphql-response+json (`spec: true` keeps application/json at
 * 200, as the spec asks).
 */
export function useDatabaseUnavailable(): Plugin {
  return {
    onExecutionResult({ result, setResult }) {
      if (!result || !("errors" in result) || !result.errors?.length) return;
      if (!result.errors.some((e) => e.originalError instanceof DatabaseUnavailableError)) return;
      const noData = result.data === null || result.data === undefined;
      setResult({
        ...result,
        errors: result.errors.map((e) =>
          e.originalError instanceof DatabaseUnavailableError
            ? new GraphQLError(databaseUnavailableMessage, {
                nodes: e.nodes,
                path: e.path,
                extensions: {
                  code: "DATABASE_UNAVAILABLE",
                  http: {
                    spec: true,
                    ...(noData ? { status: 503 } : {}),
                    headers: { "retry-after": String(RETRY_AFTER_S) },
                  },
                },
              })
            : e,
        ),
      });
    },
  };
}
