import { resolveOffsetConnection } from "@pothos/plugin-relay";
import type { ListStatements } from "../cypher/entities.ts";
import type { GraphContext } from "../graphql/context.ts";

/**
 * Connections are built by @pothos/plugin-relay (`t.connection`): it makes the
 * XConnection/XEdge/PageInfo types, reads first/after/last/before and clamps
 * the page size. What Rasd adds is `totalCount`, counted only when asked for.
 */
export const PAGE = { defaultSize: 50, maxSize: 500 } as const;

/** A connection result carrying its count as a function, run only if totalCount is selected. */
export interface Counted {
  totalCount: () => Promise<number>;
}

/** Runs a function once, on first call. */
export function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => {
    p ??= f();
    return p;
  };
}

/** Connection and edge options for a list whose totalCount is exact: `XConnection`/`XEdge`. */
export function countedConnection(name: string) {
  return [
    {
      name: `${name}Connection`,
      // biome-ignore lint/suspicious/noExplicitAny: Pothos' connection field builder is generic over the shape.
      fields: (tc: any) => ({
        totalCount: tc.int({
          description: "All matches, counted without loading them",
          resolve: (c: Counted) => c.totalCount(),
        }),
      }),
    },
    { name: `${name}Edge` },
  ] as const;
}

type PageArgs = { first?: number | null; after?: string | null; last?: number | null; before?: string | null };

/** A list query's page by position (lists are small and sorted by name or count), with its deferred count. */
export async function listPage<T>(ctx: GraphContext, statements: ListStatements, args: PageArgs) {
  const page = await resolveOffsetConnection({ args, ...PAGE }, async ({ offset, limit }) =>
    (await ctx.read(statements.page(offset, limit))).records.map((r) => r.get("node") as T),
  );
  return {
    ...page,
    totalCount: once(async () => Number((await ctx.read(statements.count)).records[0].get("total"))),
  };
}
