import { PothosValidationError } from "@pothos/core";
import type { FieldComplexityValue } from "@pothos/plugin-complexity";
import { type GraphQLField, getNullableType, isListType } from "graphql";

/** Limits on the arguments that size a result, checked with the cost (before anything runs). */
export interface SizeLimits {
  /** Largest `first`/`limit` any field accepts. */
  maxPage: number;
  /** Most ids `nodes(ids:)` accepts in one call. */
  maxIds: number;
}

/** What the cost function needs from the context it is measured with. */
export interface CostContext {
  sizeLimits?: SizeLimits;
}

/** Page-size arguments: their value multiplies the cost of everything selected below. */
const SIZE_ARGS = ["first", "last", "limit", "maxEvents"];

/** A list with no size argument of its own (`byType`, `eventsByType`…) counts as this many items. */
export const DEFAULT_LIST_SIZE = 20;

/**
 * Lists whose length is already counted by the field above them: a
 * connection's page by its `first`, a timeline's events by `maxEvents`, an
 * actor network's actors and ties by its `first`, a neighbourhood by its
 * `limit`. Multiplying them again would count every item twice.
 */
export const OWNER_BOUNDED: ReadonlySet<string> = new Set([
  "ActorNetwork.actors",
  "ActorNetwork.ties",
  "Graph.nodes",
  "Graph.edges",
  "Timeline.events",
  "Timeline.buckets",
]);

const parentOf = <C>(field: GraphQLField<unknown, C, Record<string, unknown>>) =>
  // Pothos records the parent type on every field it builds; graphql-js's own field objects do not.
  (field.extensions?.pothosConfig as { parentType?: string } | undefined)?.parentType ?? "";

const refuse = (message: string, code: string) =>
  new PothosValidationError(message, { extensions: { code, http: { status: 400 } } });

/**
 * The cost of one selected field, for `@pothos/plugin-complexity`: every
 * field costs 1, and everything selected below a list or a sized field costs
 * that many times over: its `first`/`limit`/`maxEvents` (the schema default
 * when not given), the number of ids asked for, or {@link DEFAULT_LIST_SIZE}.
 * Every object list in the schema is covered because the rule is read from
 * the field's type, not its name. Sizes out of range are refused here too, so
 * a negative `first` is a 400 rather than an empty list.
 */
export function fieldCost<Context>(
  args: Record<string, unknown>,
  ctx: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
): FieldComplexityValue {
  const limits = (ctx as CostContext | undefined)?.sizeLimits;
  const name = `${parentOf(field)}.${field.name}`;
  let size: number | undefined;
  for (const arg of SIZE_ARGS) {
    const value = args[arg];
    if (typeof value !== "number") continue;
    if (limits && (value < 0 || value > limits.maxPage))
      throw refuse(
        `${name}: ${arg} must be between 0 and ${limits.maxPage} (the page limit), not ${value}`,
        "PAGE_LIMIT",
      );
    size = value;
  }
  if (Array.isArray(args.ids) && field.name === "nodes") {
    if (limits && args.ids.length > limits.maxIds)
      throw refuse(`${name}: at most ${limits.maxIds} ids at a time, not ${args.ids.length}`, "IDS_LIMIT");
    size = args.ids.length;
  }
  const list = isListType(getNullableType(field.type));
  if (size === undefined) size = list && !OWNER_BOUNDED.has(name) && !isConnectionPage(name) ? DEFAULT_LIST_SIZE : 1;
  return { field: 1, multiplier: Math.max(size, 1) };
}

/** `XConnection.nodes` / `.edges`: the page, sized by the connection field's `first`. */
const isConnectionPage = (name: string) => /^\w+Connection\.(nodes|edges)$/.test(name);
