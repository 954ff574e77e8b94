import { GraphQLError, Lexer, Source, TokenKind } from "graphql";
import type { Plugin } from "graphql-yoga";
import { limitErrors, measureOperation } from "./query-limit-rules.ts";
import type { QueryLimits } from "./query-limits.ts";

export type { QueryLimits };

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 3000,
  maxCost: 300000,
  maxPage: 2000,
};

/**
 * Refuses oversized operations while parsing (tokens) and just before
 * execution (depth, aliases, page size, cost), so they never reach a
 * resolver or Neo4j; the errors carry HTTP 400.
 */
export function useQueryLimits(options: Partial<QueryLimits> = {}): Plugin {
  const limits = { ...DEFAULT_LIMITS, ...options };
  return {
    // Counted before parsing, so an oversized document is never parsed at all.
    onParams: ({ params }) => {
      if (typeof params.query === "string" && tokenCount(params.query, limits.maxTokens) > limits.maxTokens)
        throw new GraphQLError(`the document has more than ${limits.maxTokens} tokens, the limit`, {
          extensions: { code: "TOKEN_LIMIT", http: { status: 400 } },
        });
    },
    // After validation, before any resolver: variables are known here, so `first: $n` counts.
    onExecute: ({ args, setResultAndStopExecution }) => {
      const walk = measureOperation(
        args.document,
        args.operationName,
        (args.variableValues ?? {}) as Record<string, unknown>,
      );
      const errors = walk ? limitErrors(walk, limits) : [];
      if (errors.length) setResultAndStopExecution({ errors });
    },
  };
}

/** Lexical tokens in a document, counting no further than just past `max`. */
function tokenCount(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  try {
    while (n <= max && lexer.advance().kind !== TokenKind.EOF) n++;
  } catch {
    return n; // a lexing error is the parser's to report
  }
  return n;
}
