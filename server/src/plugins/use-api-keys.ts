import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { roleOf, whoIs } from "../auth.ts";
import type { ApiKey } from "../config.ts";
import type { Role } from "../context.ts";

/** Options for {@link useApiKeys}. */
export interface ApiKeyOptions {
  keys: ApiKey[];
  /** When true, requests without a key read as "reader"; writes always need an editor key. */
  openReads: boolean;
}

/**
 * Decides the request's role once, before parsing: an unknown key, or no key
 * while reads are closed, is refused with 401; any other request gets `role`
 * on its context (Yoga's extendContext, as its JWT plugin does), which
 * scope-auth enforces per field.
 */
export function useApiKeys({ keys, openReads }: ApiKeyOptions): Plugin<{ role: Role; who: string }> {
  const roles = new WeakMap<Request, Role>();
  return {
    onParams: ({ request }) => {
      const role = roleOf(request, keys, openReads);
      if (typeof role !== "string" || role === "anonymous")
        throw new GraphQLError(typeof role === "string" ? "an API key is required" : role.error, {
          extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: { "www-authenticate": "Bearer" } } },
        });
      roles.set(request, role);
    },
    onContextBuilding: ({ context, extendContext }) => {
      const role = roles.get(context.request) ?? "anonymous";
      extendContext({ role, who: whoIs(context.request, role, keys) });
    },
  };
}
