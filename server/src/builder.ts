import SchemaBuilder from "@pothos/core";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import type { GraphContext } from "./graphql/context.ts";

/** Only creates the builder; types live in schema/<type>.ts. Scope-auth comes first so it wraps every resolver. */
export const builder = new SchemaBuilder<{
  Context: GraphContext;
  AuthScopes: { reader: boolean; editor: boolean };
  Scalars: { DateTime: { Input: string; Output: string }; JSON: { Input: unknown; Output: unknown } };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: async (ctx) => ({
      reader: ctx.role === "reader" || ctx.role === "editor",
      editor: ctx.role === "editor",
    }),
  },
});

builder.scalarType("JSON", {
  description: "Any JSON value (an article bundle, for instance)",
  serialize: (v) => v,
  parseValue: (v) => v,
});

builder.queryType({});
builder.mutationType({});
