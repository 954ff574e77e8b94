import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { createComplexityRule } from "@pothos/plugin-complexity";
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  specifiedRules,
  type ValidationContext,
  type ValidationRule,
  validate,
} from "graphql";
import type { CostContext, SizeLimits } from "./query-cost.ts";

/** Limits every operation must meet before it runs. */
export interface QueryLimits extends SizeLimits {
  /** Deepest selection nesting. Default 12. */
  maxDepth: number;
  /** Aliased fields in one operation. Default 30. */
  maxAliases: number;
  /** Directives in one operation. Default 20. */
  maxDirectives: number;
  /** Lexical tokens in the document (checked while parsing). Default 3000. */
  maxTokens: number;
  /**
   * Characters in the document (checked before parsing). Default 100,000: an
   * article sent inline rather than as a variable still fits; a 5 MB garbage
   * query is refused without being parsed or echoed.
   */
  maxCharacters: number;
  /**
   * Estimated cost (see query-cost.ts): each field costs 1, times the sizes
   * of the lists and pages above it. Default 500,000: the client's widest
   * legitimate query, a timeline of 1,000 events with their actors, places,
   * claims and evidence and 1,000 buckets, costs about 300,000; nested pages
   * multiply far beyond that (500³ = 125 million).
   */
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 3000,
  maxCharacters: 100_000,
  maxCost: 500_000,
  maxPage: 2000,
  maxIds: 500,
};

/** A refusal with a code and HTTP 400, whichever way the client asked for JSON. */
export const refusal = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** Armor's rules report through this, with our codes instead of "Syntax Error: …". */
const reportAs =
  (code: string) =>
  (context: ValidationContext | null, error: GraphQLError): void =>
    context?.reportError(refusal(error.message.replace(/^Syntax Error: /, ""), code));

/**
 * The static limits, as validation rules (cached with the document by Yoga):
 * depth, aliases and directives, counted by graphql-armor, which memoises
 * each fragment so a fan-out of fragments is measured in linear time.
 */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  // Depth counts fields, not fragment spreads: a spread adds no nesting to the answer.
  const common = { propagateOnRejection: false, exposeLimits: true, flattenFragments: true };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, onReject: [reportAs("DEPTH_LIMIT")] }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: [reportAs("ALIAS_LIMIT")] }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives, onReject: [reportAs("DIRECTIVE_LIMIT")] }),
  ];
}

/**
 * The cost and size refusals for one operation with its variables (so
 * `first: $n` counts), measured by `@pothos/plugin-complexity` with the
 * field costs of query-cost.ts. The plugin memoises each selection set, so
 * `fragment F1 { ...F0 ...F0 }` … `F25` costs 25 steps, not 2²⁵.
 */
export function costErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): readonly GraphQLError[] {
  const context: CostContext = { sizeLimits: { maxPage: limits.maxPage, maxIds: limits.maxIds } };
  const rule = createComplexityRule({
    variableValues: variables ?? {},
    operationName: operationName ?? undefined,
    context,
    validate: ({ complexity }, report) => {
      if (complexity > limits.maxCost)
        report(refusal(`the operation would cost about ${complexity}; the limit is ${limits.maxCost}`, "COST_LIMIT"));
    },
  });
  return validate(schema, document, [rule]).map((e) =>
    e.extensions.http ? e : refusal(e.message, (e.extensions.code as string) ?? "BAD_USER_INPUT"),
  );
}

/** Every refusal an operation would meet: the spec's validation, the static limits and the cost. */
export function operationErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  limits: QueryLimits = DEFAULT_LIMITS,
): readonly GraphQLError[] {
  const invalid = validate(schema, document, [...specifiedRules, ...limitRules(limits)]);
  return invalid.length ? invalid : costErrors(schema, document, null, variables, limits);
}
