import type { GraphContext } from "../context.ts";
import type { ListStatements } from "../cypher/entities.ts";
import { offsetAfter, type Page, pageSize, toPage } from "./connection.ts";

/** Runs a list's page statement (first + 1 rows) and defers its count until totalCount is asked for. */
export async function listPage<T>(
  ctx: GraphContext,
  statements: ListStatements,
  args: { first?: number | null; after?: string | null },
  max = 500,
): Promise<Page<T>> {
  const first = pageSize(args.first, 50, max);
  const skip = offsetAfter(args.after);
  const r = await ctx.read(statements.page(skip, first + 1));
  const rows = r.records.map((rec) => rec.get("node") as T);
  return toPage(rows, skip, first, async () => Number((await ctx.read(statements.count)).records[0].get("total")));
}
