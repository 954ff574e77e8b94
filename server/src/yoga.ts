import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { roleOf } from "./auth.ts";
import type { Settings } from "./config.ts";
import type { Database } from "./db/database.ts";
import type { GraphContext } from "./graphql/context.ts";
import { schema } from "./schema/index.ts";

export interface YogaOptions {
  db: Database;
  settings: Pick<Settings, "apiKeys" | "openReads" | "graphiql">;
}

/** Creates the GraphQL server; listening is main.ts's job. */
export function createRasdYoga({
  db,
  settings,
}: YogaOptions): YogaServerInstance<Record<string, unknown>, GraphContext> {
  return createYoga<Record<string, unknown>, GraphContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: settings.graphiql,
    landingPage: false,
    context: ({ request }) => {
      const role = roleOf(request, settings.apiKeys, settings.openReads);
      if (typeof role !== "string") throw new Response(role.error, { status: 401 });
      return { db, role };
    },
  });
}
