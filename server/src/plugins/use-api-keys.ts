import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { roleOf } from "../auth.ts";
import type { ApiKey } from "../config.ts";

/** Options for {@link useApiKeys}. */
export interface ApiKeyOptions {
  keys: ApiKey[];
  /** When true, requests without a key read as "reader"; writes always need an editor key. */
  openReads: boolean;
}

/**
 * Refuses, with 401 and before parsing, a request that carries an unknown key
 * or no key while reads are closed. Roles for the rest are decided in the
 * context and enforced per field by scope-auth.
 */
export function useApiKeys({ keys, openReads }: ApiKeyOptions): Plugin {
  return {
    onParams: ({ request }) => {
      const role = roleOf(request, keys, openReads);
      if (typeof role !== "string" || role === "anonymous")
        throw new GraphQLError(typeof role === "string" ? "an API key is required" : role.error, {
          extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: { "www-authenticate": "Bearer" } } },
        });
    },
  };
}
