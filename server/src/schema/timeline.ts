import { builder } from "../builder.ts";
import type { EventRow } from "../cypher/rows.ts";
import { timelineBuckets, timelineEvents } from "../cypher/timeline.ts";
import { eventSpanStats } from "../loaders/span-stats.ts";
import { badInput, EventFilterInput, toEventFilter } from "./event-filter.ts";
import { EventRef } from "./refs.ts";
import { aggregatesAnswer, dayAlignedEdges, narrowWindowCounts, windowCounts } from "./window-counts.ts";

interface Bucket {
  start: string;
  end: string;
  count: number;
  byType: { type: string; count: number }[];
}
interface Timeline {
  from: string;
  to: string;
  total: number;
  buckets: Bucket[];
  events: EventRow[] | null;
}

const TypeCount = builder.objectRef<{ type: string; count: number }>("TypeCount").implement({
  fields: (t) => ({ type: t.exposeString("type"), count: t.exposeInt("count") }),
});

const TimelineBucket = builder.objectRef<Bucket>("TimelineBucket").implement({
  fields: (t) => ({
    start: t.field({ type: "DateTime", resolve: (b) => b.start }),
    end: t.field({ type: "DateTime", resolve: (b) => b.end }),
    count: t.exposeInt("count"),
    byType: t.field({ type: [TypeCount], resolve: (b) => b.byType }),
  }),
});

const TimelineType = builder.objectRef<Timeline>("Timeline").implement({
  description: "Counts per bucket and type for a window; the events themselves when there are few enough",
  fields: (t) => ({
    from: t.field({ type: "DateTime", resolve: (x) => x.from }),
    to: t.field({ type: "DateTime", resolve: (x) => x.to }),
    total: t.exposeInt("total"),
    buckets: t.field({ type: [TimelineBucket], resolve: (x) => x.buckets }),
    events: t.field({
      type: [EventRef],
      nullable: true,
      description: "every event in the window, earliest first, when total ≤ maxEvents; else null",
      resolve: (x) => x.events,
    }),
  }),
});

builder.queryField("timeline", (t) =>
  t.field({
    type: TimelineType,
    description:
      "Level of detail for [from, to): bucket counts always, events when at most maxEvents match. An event counts in the bucket of its earliest instant (start, or end when the start is unknown), clamped into the window. When the filter is only a window and event types and buckets are at least a day wide, counts come from per-day aggregates and the inner bucket edges are moved to the nearest UTC midnight (each bucket's start/end say exactly what it covers)",
    authScopes: { reader: true },
    args: {
      filter: t.arg({ type: EventFilterInput, required: false, description: "its window is replaced by from/to" }),
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
      buckets: t.arg.int({ required: false, defaultValue: 100, description: "1–1000" }),
      maxEvents: t.arg.int({ required: false, defaultValue: 200, description: "0–1000" }),
    },
    resolve: async (_r, args, ctx) => {
      const fromMs = Date.parse(args.from);
      const toMs = Date.parse(args.to);
      if (!(toMs > fromMs)) throw badInput("to", "must be after from");
      const buckets = args.buckets ?? 100;
      if (buckets < 1 || buckets > 1000) throw badInput("buckets", "must be between 1 and 1000");
      const maxEvents = args.maxEvents ?? 200;
      if (maxEvents < 0 || maxEvents > 1000) throw badInput("maxEvents", "must be between 0 and 1000");
      const filter = { ...toEventFilter(args.filter), from: args.from, to: args.to };
      // Unfiltered (or type-only) windows with buckets of a day or more are read from the day
      // aggregates: O(days) rows whatever the events. Anything else scans the window's events.
      const aligned = aggregatesAnswer(filter) ? dayAlignedEdges(fromMs, toMs, buckets) : null;
      const widthMs = (toMs - fromMs) / buckets;
      const edges = aligned ?? Array.from({ length: buckets + 1 }, (_, i) => fromMs + i * widthMs);
      // Started first, so the span statistics come with the window's edge events (one statement) when the
      // aggregates answer; any other path reads them on their own.
      const counts = aligned
        ? windowCounts(ctx, filter, aligned)
        : aggregatesAnswer(filter)
          ? narrowWindowCounts(ctx, filter, { fromMs, toMs, widthMs, buckets })
          : eventSpanStats(ctx).then(async (span) =>
              (await ctx.read(timelineBuckets(filter, span, { fromMs, widthMs, buckets }))).records.map((rec) => ({
                bucket: Number(rec.get("bucket")),
                type: rec.get("type") as string,
                n: Number(rec.get("n")),
              })),
            );
      const span = eventSpanStats(ctx);
      const readEvents = async () =>
        (await ctx.read(timelineEvents(filter, await span, maxEvents))).records.map((x) => ({
          ...(x.get("node") as EventRow),
          asOf: filter.asOf ?? null,
        }));
      // A graph with no more events than maxEvents: the window's events are wanted whatever the counts
      // say, so they are read beside them rather than after (a small graph's first paint waits less).
      const early = span.then((s) => (s.events != null && s.events <= maxEvents ? readEvents() : null));
      early.catch(() => {}); // awaited below when wanted; a failure the counts also meet is reported once, by them
      const out: Bucket[] = Array.from({ length: buckets }, (_, i) => ({
        start: new Date(edges[i]).toISOString(),
        end: new Date(edges[i + 1]).toISOString(),
        count: 0,
        byType: [],
      }));
      let total = 0;
      for (const c of await counts) {
        const b = out[c.bucket];
        b.count += c.n;
        b.byType.push({ type: c.type, count: c.n });
        total += c.n;
      }
      const events = total <= maxEvents ? ((await early) ?? (await readEvents())) : null;
      return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), total, buckets: out, events };
    },
  }),
);
