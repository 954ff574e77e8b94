import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";

/**
 * Relay-shaped offset connections for small nested lists (an event's reports, the review list); events use @pothos/plugin-relay (event-pages.ts). totalCount is a field of its
 * own that runs a count statement only when asked for.
 */
export interface Page<T> {
  nodes: T[];
  offset: number;
  hasNextPage: boolean;
  totalCount: () => Promise<number>;
}

export const PageInfo = builder.objectRef<Page<unknown>>("OffsetPageInfo").implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean("hasNextPage"),
    hasPreviousPage: t.boolean({ resolve: (p) => p.offset > 0 }),
    startCursor: t.string({ nullable: true, resolve: (p) => (p.nodes.length ? cursorOf(p.offset) : null) }),
    endCursor: t.string({
      nullable: true,
      resolve: (p) => (p.nodes.length ? cursorOf(p.offset + p.nodes.length - 1) : null),
    }),
  }),
});

export const cursorOf = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");

/** The offset after a cursor; a cursor that is not ours is a clear error, not page one. */
export function offsetAfter(after: string | null | undefined): number {
  if (!after) return 0;
  const m = Buffer.from(after, "base64url")
    .toString()
    .match(/^offset:(\d+)$/);
  if (!m) throw new GraphQLError(`invalid cursor: ${after}`, { extensions: { code: "BAD_USER_INPUT" } });
  return Number(m[1]) + 1;
}

/** Page size: `first` within [0, max]; larger asks are refused before any query runs (see plugins). */
export const pageSize = (first: number | null | undefined, fallback: number, max: number) =>
  Math.min(Math.max(first ?? fallback, 0), max);

/** Turns rows fetched with limit first + 1 into a page. */
export function toPage<T>(rows: T[], offset: number, first: number, totalCount: () => Promise<number>): Page<T> {
  return { nodes: rows.slice(0, first), offset, hasNextPage: rows.length > first, totalCount };
}

/** `XConnection` and `XEdge` types for a node type. */
// biome-ignore lint/suspicious/noExplicitAny: Pothos refs are generic over their shape.
export function connectionOf<T>(name: string, nodeRef: any) {
  const Edge = builder.objectRef<{ node: T; cursor: string }>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString("cursor"),
      node: t.field({ type: nodeRef, resolve: (e) => e.node as never }),
    }),
  });
  return builder.objectRef<Page<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      edges: t.field({
        type: [Edge],
        resolve: (p) => p.nodes.map((node, i) => ({ node, cursor: cursorOf(p.offset + i) })),
      }),
      nodes: t.field({ type: [nodeRef], resolve: (p) => p.nodes as never }),
      pageInfo: t.field({ type: PageInfo, resolve: (p) => p as Page<unknown> }),
      totalCount: t.int({ description: "All matches, counted without loading them", resolve: (p) => p.totalCount() }),
    }),
  });
}
