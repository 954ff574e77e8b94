import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import type { QueryLimits } from "./use-query-limits.ts";

const refuse = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/** Page-size arguments: their value multiplies the cost of everything selected below. */
const PAGE_ARGS = new Set(["first", "last", "limit"]);
const DEFAULT_PAGE = 20;

/**
 * Fields whose size argument bounds their WHOLE result (every list below
 * them together), not one list per parent: `actorNetwork(first)` caps the
 * ties and so the actors in them, `timeline(maxEvents)` the events listed.
 * Lists directly below such a field are not multiplied again.
 */
const RESULT_BOUND: Record<string, string> = {
  actorNetwork: "first",
  neighborhood: "limit",
  timeline: "maxEvents",
  search: "first",
  paths: "first",
};

function intArg(field: FieldNode, variables: Record<string, unknown>, names = PAGE_ARGS): number | undefined {
  for (const arg of field.arguments ?? []) {
    if (!names.has(arg.name.value)) continue;
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
  insideBoundedResult = false,
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
        const boundArg = RESULT_BOUND[sel.name.value];
        const bound = boundArg ? intArg(sel, variables, new Set([boundArg])) : undefined;
        // A connection's nodes/edges are its page, already counted by `first` on the connection;
        // likewise the lists of a result-bounded field are its result, counted once by its bound.
        const paged = sel.name.value === "nodes" || sel.name.value === "edges" || (insideBoundedResult && !page);
        const size = boundArg ? (bound ?? DEFAULT_PAGE) : (page ?? (isListish(sel) ? DEFAULT_PAGE : 1));
        const next = paged ? multiplier : multiplier * Math.max(size, 1);
        measure(sel.selectionSet, fragments, variables, next, depth + 1, seen, out, boundArg !== undefined);
      }
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      measure(sel.selectionSet, fragments, variables, multiplier, depth, seen, out, insideBoundedResult);
    } else {
      const name = sel.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      const nextSeen = new Set([...seen, name]);
      measure(fragment.selectionSet, fragments, variables, multiplier, depth, nextSeen, out, insideBoundedResult);
    }
  }
}

/** Plural field names are lists here; a cost estimate needs no more precision than that. */
const isListish = (f: FieldNode) => /s$/.test(f.name.value) && f.name.value !== "stats";

/** Measures an operation (variables known, so page sizes given as variables count). */
export function measureOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): Walk | undefined {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let op: OperationDefinitionNode | undefined;
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    if (d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName)) op ??= d;
  }
  if (!op) return undefined;
  const out: Walk = { depth: 0, cost: 0, aliases: 0, maxPageSeen: 0 };
  measure(op.selectionSet, fragments, variables, 1, 0, new Set(), out);
  return out;
}

/** The refusals for a measured operation: depth, aliases, page size and cost. */
export function limitErrors(w: Walk, limits: QueryLimits): GraphQLError[] {
  const errors: GraphQLError[] = [];
  if (w.depth > limits.maxDepth)
    errors.push(refuse(`the operation is nested ${w.depth} deep; the limit is ${limits.maxDepth}`, "DEPTH_LIMIT"));
  if (w.aliases > limits.maxAliases)
    errors.push(refuse(`the operation uses ${w.aliases} aliases; the limit is ${limits.maxAliases}`, "ALIAS_LIMIT"));
  if (w.maxPageSeen > limits.maxPage)
    errors.push(refuse(`a page of ${w.maxPageSeen} was asked for; the limit is ${limits.maxPage}`, "PAGE_LIMIT"));
  if (w.cost > limits.maxCost)
    errors.push(refuse(`the operation would cost about ${w.cost}; the limit is ${limits.maxCost}`, "COST_LIMIT"));
  return errors;
}
