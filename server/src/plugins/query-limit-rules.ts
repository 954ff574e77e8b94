import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from "graphql";
import type { QueryLimits } from "./use-query-limits.ts";

const refuse = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** Page-size arguments: their value multiplies the cost of everything selected below. */
const PAGE_ARGS = new Set(["first", "limit"]);
const DEFAULT_PAGE = 20;

function intArg(field: FieldNode, variables: Record<string, unknown>): number | undefined {
  for (const arg of field.arguments ?? []) {
    if (!PAGE_ARGS.has(arg.name.value)) continue;
    const v: ValueNode = arg.value;
    if (v.kind === Kind.INT) return Number(v.value);
    if (v.kind === Kind.VARIABLE) {
      const x = variables[v.name.value];
      if (typeof x === "number") return x;
    }
  }
  return undefined;
}

interface Walk {
  depth: number;
  cost: number;
  aliases: number;
  maxPageSeen: number;
}

/**
 * Walks one operation's selections through fragments (each fragment at most
 * once per path, so cycles cannot loop) and measures depth, aliases and cost.
 */
function measure(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  multiplier: number,
  depth: number,
  seen: Set<string>,
  out: Walk,
) {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.alias) out.aliases++;
      if (sel.name.value.startsWith("__")) continue;
      out.depth = Math.max(out.depth, depth + 1);
      out.cost += multiplier;
      const page = intArg(sel, variables);
      if (page !== undefined) out.maxPageSeen = Math.max(out.maxPageSeen, page);
      if (sel.selectionSet) {
        const next = multiplier * Math.max(page ?? (isListish(sel) ? DEFAULT_PAGE : 1), 1);
        measure(sel.selectionSet, fragments, variables, next, depth + 1, seen, out);
      }
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      measure(sel.selectionSet, fragments, variables, multiplier, depth, seen, out);
    } else {
      const name = sel.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      measure(fragment.selectionSet, fragments, variables, multiplier, depth, new Set([...seen, name]), out);
    }
  }
}

/** Plural field names are lists here; a cost estimate needs no more precision than that. */
const isListish = (f: FieldNode) => /s$/.test(f.name.value) && f.name.value !== "stats";

/** Validation rules for depth, aliases, page size and cost (tokens are limited in the parser). */
export function queryLimitRules(limits: QueryLimits) {
  return [
    (context: ValidationContext): ASTVisitor => {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of context.getDocument().definitions)
        if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      // Variables are not known to validation rules; yoga passes them through the document's context.
      const variables = ((context as unknown as { variables?: Record<string, unknown> }).variables ?? {}) as Record<
        string,
        unknown
      >;
      return {
        OperationDefinition(op) {
          const out: Walk = { depth: 0, cost: 0, aliases: 0, maxPageSeen: 0 };
          measure(op.selectionSet, fragments, variables, 1, 0, new Set(), out);
          const name = op.name?.value ?? "the operation";
          if (out.depth > limits.maxDepth)
            context.reportError(
              refuse(`${name} is nested ${out.depth} deep; the limit is ${limits.maxDepth}`, "DEPTH_LIMIT"),
            );
          if (out.aliases > limits.maxAliases)
            context.reportError(
              refuse(`${name} uses ${out.aliases} aliases; the limit is ${limits.maxAliases}`, "ALIAS_LIMIT"),
            );
          if (out.maxPageSeen > limits.maxPage)
            context.reportError(
              refuse(`a page of ${out.maxPageSeen} was asked for; the limit is ${limits.maxPage}`, "PAGE_LIMIT"),
            );
          if (out.cost > limits.maxCost)
            context.reportError(
              refuse(`${name} would cost about ${out.cost}; the limit is ${limits.maxCost}`, "COST_LIMIT"),
            );
        },
      };
    },
  ];
}
