import type { Plugin } from "graphql-yoga";
import { queryLimitRules } from "./query-limit-rules.ts";

/** Limits every operation must meet before it runs. */
export interface QueryLimits {
  /** Deepest selection nesting. Default 12. */
  maxDepth: number;
  /** Aliased fields in one operation. Default 30. */
  maxAliases: number;
  /** Lexical tokens in the document (checked while parsing). Default 3000. */
  maxTokens: number;
  /** Estimated cost: each field costs 1, times the page sizes of the lists above it. Default 50000. */
  maxCost: number;
  /** Largest `first`/`limit` any field accepts. Default 500 (graph limits are capped separately). */
  maxPage: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 3000,
  maxCost: 50000,
  maxPage: 2000,
};

/**
 * Refuses oversized operations while parsing and validating, so they never
 * reach a resolver or Neo4j; the errors carry HTTP 400.
 */
export function useQueryLimits(options: Partial<QueryLimits> = {}): Plugin {
  const limits = { ...DEFAULT_LIMITS, ...options };
  return {
    onParse: ({ setParseFn, parseFn }) => {
      setParseFn((source, parseOptions) => parseFn(source, { ...parseOptions, maxTokens: limits.maxTokens }));
    },
    onValidate: ({ addValidationRule }) => {
      for (const rule of queryLimitRules(limits)) addValidationRule(rule);
    },
  };
}
