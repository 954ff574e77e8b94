import { blockFieldSuggestionsPlugin } from "@escape.tech/graphql-armor-block-field-suggestions";
import { characterLimitPlugin } from "@escape.tech/graphql-armor-character-limit";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { costErrors, DEFAULT_LIMITS, limitRules, type QueryLimits } from "./query-limit-rules.ts";

export { DEFAULT_LIMITS, type QueryLimits } from "./query-limit-rules.ts";

/** Options for {@link useQueryLimits}. */
export interface QueryLimitOptions {
  limits?: Partial<QueryLimits>;
  /**
   * Leave graphql-js's "Did you mean …?" hints in validation errors. Off when
   * introspection is off: the hints would spell out the schema anyway.
   */
  fieldSuggestions?: boolean;
}

/**
 * Refuses oversized operations before they reach a resolver or Neo4j:
 * characters and tokens while parsing, depth/aliases/directives while
 * validating (graphql-armor), cost and page sizes once the variables are
 * known (@pothos/plugin-complexity). Every refusal, and every validation
 * error, answers HTTP 400 — for `application/json` too, which the
 * GraphQL-over-HTTP spec allows for a request that never executed.
 */
export function useQueryLimits({ limits: overrides = {}, fieldSuggestions = true }: QueryLimitOptions = {}): Plugin {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  const rules = limitRules(limits);
  const plugins: Plugin[] = [
    // Token counting replaces the parse function; the character limit wraps whichever is set, so it runs first.
    maxTokensPlugin({ n: limits.maxTokens, onReject: [], propagateOnRejection: true }),
    characterLimitPlugin({ maxLength: limits.maxCharacters }),
  ];
  if (!fieldSuggestions) plugins.push(blockFieldSuggestionsPlugin({ mask: "[suggestion hidden]" }));
  return {
    onPluginInit: ({ addPlugin }) => {
      for (const p of plugins) addPlugin(p);
    },
    onParse:
      () =>
      ({ result }) => {
        if (result instanceof GraphQLError) asBadRequest(result);
      },
    // Yoga marks parse errors `spec: true` after the hook above (so 200 for application/json); undo that last.
    onResultProcess: ({ result }) => {
      for (const r of Array.isArray(result) ? result : [result])
        for (const error of ("errors" in r && r.errors) || [])
          if (error instanceof GraphQLError && error.extensions.code === "GRAPHQL_PARSE_FAILED") asBadRequest(error);
    },
    onValidate: ({ addValidationRule }) => {
      for (const rule of rules) addValidationRule(rule);
      return ({ result }) => {
        for (const error of result) asBadRequest(error);
      };
    },
    onExecute: ({ args, setResultAndStopExecution }) => {
      const errors = costErrors(
        args.schema,
        args.document,
        args.operationName,
        args.variableValues as Record<string, unknown> | undefined,
        limits,
      );
      if (errors.length) setResultAndStopExecution({ errors });
    },
  };
}

/** Longer than this, an error message is quoting the request back (a 100,000-letter name, say). */
const MAX_MESSAGE = 300;

/**
 * Marks a parse or validation error HTTP 400 whatever the Accept header
 * (Yoga answers 200 to `application/json` unless `spec` is false), and cuts
 * a message that would echo a huge request back.
 */
function asBadRequest(error: GraphQLError) {
  const extensions = error.extensions as Record<string, unknown>;
  extensions.http = { ...(extensions.http as object | undefined), status: 400, spec: false };
  const message = error.message.replace(/^Syntax Error: (?=(Token|Character) limit)/, "");
  if (/^Token limit/.test(message)) extensions.code = "TOKEN_LIMIT";
  if (/^Character limit/.test(message)) extensions.code = "CHARACTER_LIMIT";
  error.message = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}… (cut)` : message;
}
