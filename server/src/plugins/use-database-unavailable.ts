import { GraphQLError } from "graphql";
import { type MaskError, maskError, type Plugin } from "graphql-yoga";
import { DatabaseUnavailableError } from "../db/database.ts";

/** What a user reads while Neo4j is down or restarting. */
export const databaseUnavailableMessage =
  "The graph database is unavailable right now (it may be restarting). Nothing was read or written; try again in a few seconds.";

/** Seconds a client should wait before retrying (the Retry-After header). */
const RETRY_AFTER_S = 5;

/**
 * Yoga's error masking, except that a DatabaseUnavailableError becomes a typed
 * error (extensions.code DATABASE_UNAVAILABLE) instead of "Unexpected error.",
 * with 503 and Retry-After. `spec: true` keeps application/json at 200, as
 * GraphQL-over-HTTP asks.
 */
export const maskDatabaseUnavailable: MaskError = (error, message, isDev) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (!(original instanceof DatabaseUnavailableError)) return maskError(error, message, isDev);
  return new GraphQLError(databaseUnavailableMessage, {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: {
      code: "DATABASE_UNAVAILABLE",
      http: { spec: true, status: 503, headers: { "retry-after": String(RETRY_AFTER_S) } },
    },
  });
};

/**
 * GraphQL-over-HTTP allows a non-2xx status only when the response has no
 * data: with partial data the DATABASE_UNAVAILABLE errors keep their code and
 * Retry-After but drop the 503.
 */
export function useDatabaseUnavailable(): Plugin {
  return {
    onExecutionResult({ result, setResult }) {
      if (!result || !("errors" in result) || !result.errors?.length) return;
      if (result.data === null || result.data === undefined) return;
      if (!result.errors.some((e) => e.extensions?.code === "DATABASE_UNAVAILABLE")) return;
      setResult({
        ...result,
        errors: result.errors.map((e) => {
          if (e.extensions?.code !== "DATABASE_UNAVAILABLE") return e;
          const { status: _status, ...http } = e.extensions.http as Record<string, unknown>;
          return new GraphQLError(e.message, {
            nodes: e.nodes,
            path: e.path,
            extensions: { ...e.extensions, http },
          });
        }),
      });
    },
  };
}
