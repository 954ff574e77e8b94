/**
 * The `graphql` tag every client operation is written with. gql.tada reads
 * the schema's type (graphql-env.d.ts, generated from the server's schema by
 * `npm run schema:print`) and infers each operation's result and variables
 * while TypeScript checks the code: a field that does not exist, a wrong
 * argument or a mistyped variable is a type error, and the answer's type is
 * never written by hand. Send a document with `request` (api.ts).
 */
import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./graphql-env.d.ts";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  // Dates travel as ISO strings (parsed once in shape.ts); JSON is whatever the server sent.
  scalars: { DateTime: string; JSON: unknown };
  // Fragments only share field lists here; their fields stay visible to the operation's reader.
  disableMasking: true;
}>();

export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";
