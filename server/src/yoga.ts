import { createYoga, type YogaServerInstance } from "graphql-yoga";
import type { Settings } from "./config.ts";
import type { GraphContext } from "./context.ts";
import type { Database } from "./db/database.ts";
import { RateLimiters } from "./plugins/rate-limits.ts";
import { useApiKeys } from "./plugins/use-api-keys.ts";
import { maskDatabaseUnavailable, useDatabaseUnavailable } from "./plugins/use-database-unavailable.ts";
import { useGraphContext } from "./plugins/use-graph-context.ts";
import { useIntrospection } from "./plugins/use-introspection.ts";
import { type QueryLimits, useQueryLimits } from "./plugins/use-query-limits.ts";
import { useRateLimits } from "./plugins/use-rate-limits.ts";
import { schema } from "./schema/index.ts";

export interface YogaOptions {
  db: Database;
  settings: Pick<Settings, "apiKeys" | "openReads" | "graphiql"> &
    Partial<Pick<Settings, "queryTimeoutMs" | "corsOrigins" | "rateLimits">>;
  /** Introspection; defaults to the GraphiQL setting (on in development, off in production). */
  introspection?: boolean;
  limits?: Partial<QueryLimits>;
}

/** Creates the GraphQL server; listening is http/server.ts's job. */
export function createRasdYoga({
  db,
  settings,
  introspection = settings.graphiql,
  limits,
}: YogaOptions): YogaServerInstance<Record<string, unknown>, GraphContext> {
  const timeoutMs = settings.queryTimeoutMs ?? 15000;
  const corsOrigins = settings.corsOrigins ?? [];
  return createYoga<Record<string, unknown>, GraphContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: settings.graphiql,
    landingPage: false,
    maskedErrors: { maskError: maskDatabaseUnavailable },
    // Same origin only unless sites are named: API keys travel in headers, never cookies, so no credentials.
    cors: corsOrigins.length
      ? { origin: corsOrigins, credentials: false, allowedHeaders: ["content-type", "authorization", "x-api-key"] }
      : false,
    // The role is decided first; the graph context reads it.
    plugins: [
      useApiKeys({ keys: settings.apiKeys, openReads: settings.openReads }),
      useGraphContext(db, timeoutMs),
      useQueryLimits({ limits, fieldSuggestions: introspection }),
      useIntrospection(introspection),
      useRateLimits(new RateLimiters(settings.rateLimits)),
      useDatabaseUnavailable(),
    ],
  });
}
