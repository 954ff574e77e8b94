import type { IncomingMessage } from "node:http";
import {
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { clientKey, type RateLimited, type RateLimiters, rateLimitMessage } from "../http/rate-limits.ts";

/** The root fields that spend a budget, and which. */
const LIMITED_FIELDS: Record<string, RateLimited> = {
  extractArticle: "extract",
  ingestArticle: "ingest",
  ingestBundle: "ingest",
};

/**
 * The root fields an operation will execute, by response key: execution
 * merges fields with the same key, so `a: ingestBundle` spread twice runs
 * once, while `a: … b: …` runs twice and counts twice.
 */
function rootFields(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  out = new Map<string, string>(),
  seen = new Set<string>(),
) {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) out.set(sel.alias?.value ?? sel.name.value, sel.name.value);
    else if (sel.kind === Kind.INLINE_FRAGMENT) rootFields(sel.selectionSet, fragments, out, seen);
    else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      const fragment = fragments.get(sel.name.value);
      if (fragment) rootFields(fragment.selectionSet, fragments, out, seen);
    }
  }
  return out;
}

/**
 * Spends the caller's budget (see http/rate-limits.ts) for each
 * extractArticle, ingestArticle and ingestBundle the operation runs, before
 * it runs; over budget, the operation is refused whole with
 * `extensions.code: RATE_LIMITED`, HTTP 429 and Retry-After.
 */
export function useRateLimits(limiters: RateLimiters): Plugin<{ req?: IncomingMessage }> {
  return {
    onExecute: async ({ args, setResultAndStopExecution }) => {
      const fragments = new Map<string, FragmentDefinitionNode>();
      let operation: OperationDefinitionNode | undefined;
      for (const d of args.document.definitions) {
        if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
        else if (d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName))
          operation ??= d;
      }
      if (!operation) return;
      const spend = new Map<RateLimited, number>();
      for (const name of rootFields(operation.selectionSet, fragments).values()) {
        const what = LIMITED_FIELDS[name];
        if (what) spend.set(what, (spend.get(what) ?? 0) + 1);
      }
      if (!spend.size) return;
      const ctx = args.contextValue as { request: Request; req?: IncomingMessage };
      const who = clientKey(ctx.request.headers, ctx.req?.socket.remoteAddress);
      for (const [what, count] of spend) {
        const retryAfter = await limiters.take(what, who, count);
        if (retryAfter === undefined) continue;
        setResultAndStopExecution({
          errors: [
            new GraphQLError(rateLimitMessage(what, retryAfter), {
              extensions: {
                code: "RATE_LIMITED",
                retryAfter,
                http: { status: 429, headers: { "retry-after": String(retryAfter) } },
              },
            }),
          ],
        });
        return;
      }
    },
  };
}
