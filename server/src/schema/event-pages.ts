import {
  type ResolveCursorConnectionArgs,
  resolveCursorConnection,
  resolveOffsetConnection,
} from "@pothos/plugin-relay";
import type { GraphContext } from "../context.ts";
import type { EventFilter, SpanStats } from "../cypher/event-filter.ts";
import {
  type EventOrder,
  eventsCount,
  eventsOffsetPage,
  eventsSegmentPage,
  KEYSET_ORDERS,
  type KeysetOrder,
  type StartKey,
  segmentsOf,
} from "../cypher/events.ts";
import type { EventRow } from "../cypher/rows.ts";
import { once, PAGE } from "./connections.ts";
import { badInput } from "./event-filter.ts";
import { countFromAggregates } from "./window-counts.ts";

/**
 * totalCount is exact when the timeline aggregates can answer (no filter but
 * a window and event types) or when at most COUNT_CAP events match; past that
 * counting would read every match, so it stops and reports COUNT_CAP with
 * totalCountIsExact false.
 */
export const COUNT_CAP = 10_000;

export interface EventTotal {
  count: number;
  exact: boolean;
}

type PageArgs = { first?: number | null; after?: string | null; last?: number | null; before?: string | null };
type KeyedRow = EventRow & { startMs: number | null };

const isKeyset = (o: EventOrder): o is KeysetOrder => (KEYSET_ORDERS as readonly string[]).includes(o);

/** A keyset cursor names its order and the (start, id) it stands at. */
export function keyCursor(order: KeysetOrder, row: KeyedRow): string {
  return Buffer.from(JSON.stringify({ o: order, s: row.startMs, i: row.id })).toString("base64url");
}

/** The key a cursor stands at; a cursor of another order or not ours is a clear error, not page one. */
export function keyOfCursor(order: KeysetOrder, cursor: string, arg: "after" | "before"): StartKey {
  let c: { o?: unknown; s?: unknown; i?: unknown } = {};
  try {
    c = JSON.parse(Buffer.from(cursor, "base64url").toString());
  } catch {}
  if (c?.o !== order || typeof c.i !== "string" || !(c.s === null || Number.isSafeInteger(c.s)))
    throw badInput(arg, `invalid cursor for orderBy ${order}: ${cursor}`);
  return { start: c.s as number | null, id: c.i };
}

/** The count behind totalCount/totalCountIsExact, run once and only when one of them is asked for. */
async function totalOf(ctx: GraphContext, f: EventFilter, span: SpanStats): Promise<EventTotal> {
  const fromAggregates = await countFromAggregates(ctx, f);
  if (fromAggregates !== null) return { count: fromAggregates, exact: true };
  const n = Number((await ctx.read(eventsCount(f, span, COUNT_CAP + 1))).records[0].get("total"));
  return n > COUNT_CAP ? { count: COUNT_CAP, exact: false } : { count: n, exact: true };
}

/** One page of events as a relay connection, with its total deferred. */
export async function eventsConnection(
  ctx: GraphContext,
  f: EventFilter,
  span: SpanStats,
  order: EventOrder,
  args: PageArgs,
) {
  const total = once(() => totalOf(ctx, f, span));
  if (!isKeyset(order)) {
    if (args.before || args.last != null)
      throw badInput("last", `paging backwards needs orderBy START_ASC or START_DESC (got ${order})`);
    const page = await resolveOffsetConnection({ args, ...PAGE }, async ({ offset, limit }) =>
      (await ctx.read(eventsOffsetPage(f, span, { order, skip: offset, limit }))).records.map((r) => ({
        ...(r.get("node") as EventRow),
        asOf: f.asOf ?? null,
      })),
    );
    return { ...page, total };
  }
  const page = await resolveCursorConnection(
    { args, ...PAGE, toCursor: (row: KeyedRow) => keyCursor(order, row) },
    async ({ after, before, limit, inverted }: ResolveCursorConnectionArgs): Promise<KeyedRow[]> => {
      const bounds = {
        after: after ? keyOfCursor(order, after, "after") : null,
        before: before ? keyOfCursor(order, before, "before") : null,
      };
      // Segments in walking order; the second is read only when the first runs out.
      const rows: KeyedRow[] = [];
      for (const seg of segmentsOf(order, inverted)) {
        if (rows.length >= limit) break;
        const s = eventsSegmentPage(f, span, { order, seg, ...bounds, inverted, limit: limit - rows.length });
        if (!s) continue;
        for (const r of (await ctx.read(s)).records) {
          const start = r.get("startMs");
          rows.push({
            ...(r.get("node") as EventRow),
            asOf: f.asOf ?? null,
            startMs: start === null ? null : Number(start),
          });
        }
      }
      return rows;
    },
  );
  return { ...page, total };
}
