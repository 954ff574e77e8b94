import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import type { GraphContext } from "./graphql/context.ts";

/**
 * Only creates the builder; types live in schema/<type>.ts. Scope-auth comes
 * first so it wraps every resolver (errors included); the errors plugin turns
 * expected failures into typed results; the relay plugin builds the connection
 * types (edges, nodes, pageInfo) and clamps their page sizes.
 */
export const builder = new SchemaBuilder<{
  Context: GraphContext;
  AuthScopes: { reader: boolean; editor: boolean };
  Scalars: {
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: async (ctx) => ({
      reader: ctx.role === "reader" || ctx.role === "editor",
      editor: ctx.role === "editor",
    }),
    // Refusals carry an HTTP status so yoga answers 401/403 rather than 200.
    unauthorizedError: (_parent, context) =>
      context.role === "anonymous"
        ? new GraphQLError("an API key is required", {
            extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
          })
        : new GraphQLError("this needs an editor API key", {
            extensions: { code: "FORBIDDEN", http: { status: 403 } },
          }),
  },
  errors: { directResult: true },
  // Connections only (t.connection); Rasd's own Node interface and node lookups stay as they are.
  relay: {
    nodesOnConnection: true,
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    nodeTypeOptions: { name: "RelayNode" },
  },
});

builder.queryType({});
builder.mutationType({});
