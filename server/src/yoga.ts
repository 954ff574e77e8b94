import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { roleOf } from "./auth.ts";
import type { Settings } from "./config.ts";
import type { Database } from "./db/database.ts";
import type { GraphContext, Role } from "./graphql/context.ts";
import { Loaders } from "./loaders/loaders.ts";
import { useApiKeys } from "./plugins/use-api-keys.ts";
import { useDatabaseUnavailable } from "./plugins/use-database-unavailable.ts";
import { useIntrospection } from "./plugins/use-introspection.ts";
import { type QueryLimits, useQueryLimits } from "./plugins/use-query-limits.ts";
import { schema } from "./schema/index.ts";

export interface YogaOptions {
  db: Database;
  settings: Pick<Settings, "apiKeys" | "openReads" | "graphiql"> & Partial<Pick<Settings, "queryTimeoutMs">>;
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
  return createYoga<Record<string, unknown>, GraphContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: settings.graphiql,
    landingPage: false,
    plugins: [
      useApiKeys({ keys: settings.apiKeys, openReads: settings.openReads }),
      useQueryLimits(limits),
      useIntrospection(introspection),
      useDatabaseUnavailable(),
    ],
    context: ({ request, params }) => {
      // useApiKeys has already refused unknown keys, and keyless requests when reads are closed.
      const role = roleOf(request, settings.apiKeys, settings.openReads) as Role;
      const metadata = { app: "rasd", operation: params.operationName ?? "anonymous", role };
      const read: GraphContext["read"] = (s) => db.read(s, { metadata, timeoutMs });
      return {
        db,
        role,
        read,
        writeAll: (statements) => db.writeAll(statements, { metadata, timeoutMs }),
        loaders: new Loaders(read),
      };
    },
  });
}
