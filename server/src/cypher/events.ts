import neo4j from "neo4j-driver";
import type { Statement } from "../db/database.ts";
import {
  asOfWindowCandidates,
  asOfWindowCheck,
  datedWindow,
  type EventFilter,
  eventMatch,
  filterParts,
  type SpanStats,
  undatedWindow,
  windowAsOf,
} from "./event-filter.ts";
import { eventProjection } from "./projections.ts";

/**
 * Event pages. START orders are walked with keyset cursors on (start, id):
 * each page starts from the previous page's last key and reads the start
 * index in order, so page 100 costs what page 1 costs. Events without a
 * start have no place in that index; they form their own segment, ordered
 * by id (after the dated ones in START_ASC, before them in START_DESC, as
 * Cypher sorts nulls). CONFIDENCE_DESC and RELEVANCE have no index to walk:
 * they sort every match and page by position.
 */

export const KEYSET_ORDERS = ["START_ASC", "START_DESC"] as const;
export type KeysetOrder = (typeof KEYSET_ORDERS)[number];
export const OFFSET_ORDERS = {
  CONFIDENCE_DESC: "e.confidence DESC, e.start, e.id",
  RELEVANCE: "score DESC, e.start, e.id",
} as const;
export type EventOrder = KeysetOrder | keyof typeof OFFSET_ORDERS;

/** A position in a START order: the start instant (null for an event without one) and the id. */
export interface StartKey {
  start: number | null;
  id: string;
}

export type Segment = "dated" | "undated";
const SEGMENTS: Record<KeysetOrder, Segment[]> = { START_ASC: ["dated", "undated"], START_DESC: ["undated", "dated"] };

/** The segments in walking order (reversed when walking backwards, for `last`/`before`). */
export const segmentsOf = (order: KeysetOrder, inverted: boolean) =>
  inverted ? [...SEGMENTS[order]].reverse() : SEGMENTS[order];

export const segmentOfKey = (k: StartKey): Segment => (k.start === null ? "undated" : "dated");

/**
 * The condition "strictly after (or before) `key` in `order`" for events of
 * `seg`: null when every event of the segment passes, false when none does.
 * The dated form leads with a plain range on start so the index seeks to it.
 */
function keysetCondition(
  seg: Segment,
  order: KeysetOrder,
  side: "after" | "before",
  key: StartKey,
  params: Record<string, unknown>,
): string | null | false {
  const segs = SEGMENTS[order];
  const diff = segs.indexOf(seg) - segs.indexOf(segmentOfKey(key));
  const after = side === "after";
  if (diff !== 0) return diff > 0 === after ? null : false;
  params[`${side}Id`] = key.id;
  const idCmp = after ? ">" : "<";
  if (seg === "undated") return `e.id ${idCmp} $${side}Id`;
  params[`${side}Start`] = neo4j.int(key.start ?? 0);
  const later = (order === "START_ASC") === after ? ">" : "<";
  const s = `datetime({epochMillis: $${side}Start})`;
  return `e.start ${later}= ${s} AND (e.start ${later} ${s} OR e.id ${idCmp} $${side}Id)`;
}

/**
 * One segment's share of a page, in walking order, or null when the segment
 * holds nothing past the bounds. Without a narrower root (text, actor,
 * place) the dated segment walks the start index (hinted, so a type filter
 * is checked along the walk instead of sorting every event of the type).
 */
export function eventsSegmentPage(
  f: EventFilter,
  span: SpanStats,
  page: {
    order: KeysetOrder;
    seg: Segment;
    after: StartKey | null;
    before: StartKey | null;
    inverted: boolean;
    limit: number;
  },
): Statement | null {
  const p = filterParts(f);
  const conds: string[] = [];
  for (const [side, key] of [
    ["after", page.after],
    ["before", page.before],
  ] as const) {
    if (!key) continue;
    const c = keysetCondition(page.seg, page.order, side, key, p.params);
    if (c === false) return null;
    if (c) conds.push(c);
  }
  const forwardStart = page.order === "START_ASC" ? "ASC" : "DESC";
  const flip = (d: string) => (d === "ASC" ? "DESC" : "ASC");
  const startDir = page.inverted ? flip(forwardStart) : forwardStart;
  const idDir = page.inverted ? "DESC" : "ASC";
  let match: string;
  const has = page.seg === "dated" ? "e.start IS NOT NULL" : "e.start IS NULL";
  if (windowAsOf(f)) {
    // As of a date the window holds the dates of then; the page still walks today's start order.
    const root = p.root ?? asOfWindowCandidates(f, span, p.params);
    match = `${root}\nWITH e WHERE ${[has, ...p.rest, ...conds].join("\n  AND ")}\n${asOfWindowCheck(f, [])}`;
  } else if (p.root) {
    match = `${p.root}\nWITH e WHERE ${[has, ...p.window, ...p.rest, ...conds].join("\n  AND ")}`;
  } else if (page.seg === "dated") {
    const w = p.rootKind === "window" ? datedWindow(f, span, p.params) : ["e.start IS NOT NULL"];
    match = `MATCH (e:Event) USING INDEX e:Event(start)\nWHERE ${[...w, ...p.rest, ...conds].join("\n  AND ")}`;
  } else {
    const w = span.undatedStarts + span.endless > 0 ? undatedWindow(f) : null;
    if (!w) return null;
    match = `MATCH (e:Event) WHERE ${[...w, ...p.rest, ...conds].join("\n  AND ")}`;
  }
  const order = page.seg === "dated" ? `e.start ${startDir}, e.id ${idDir}` : `e.id ${idDir}`;
  return {
    cypher: `${match}
WITH e ORDER BY ${order} LIMIT $limit
RETURN ${eventProjection("e")} AS node, e.start.epochMillis AS startMs`,
    params: { ...p.params, limit: neo4j.int(page.limit) },
  };
}

/** A page of an order with no index to walk: every match sorted, `limit` rows from `skip`. */
export function eventsOffsetPage(
  f: EventFilter,
  span: SpanStats,
  page: { order: keyof typeof OFFSET_ORDERS; skip: number; limit: number },
): Statement {
  const m = eventMatch(f, span);
  const order = OFFSET_ORDERS[page.order];
  if (!order) throw new Error(`invalid order: ${page.order}`);
  return {
    cypher: `${m.cypher}
WITH e, score ORDER BY ${order} SKIP $skip LIMIT $limit
RETURN ${eventProjection("e")} AS node, e.start.epochMillis AS startMs`,
    params: { ...m.params, skip: neo4j.int(page.skip), limit: neo4j.int(page.limit) },
  };
}

/** How many events match, counting at most `cap` (a count, no properties loaded). */
export function eventsCount(f: EventFilter, span: SpanStats, cap: number): Statement {
  const m = eventMatch(f, span);
  return {
    cypher: `${m.cypher}\nWITH e LIMIT $cap\nRETURN count(e) AS total`,
    params: { ...m.params, cap: neo4j.int(cap) },
  };
}
