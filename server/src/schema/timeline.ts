import { builder } from "../builder.ts";
import { timelineBuckets, timelineEvents } from "../cypher/timeline.ts";
import type { EventRow } from "../graphql/rows.ts";
import { eventSpanStats } from "../graphql/span-stats.ts";
import { badInput, EventFilterInput, toEventFilter } from "./event-filter.ts";
import { EventRef } from "./refs.ts";

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
    description: "Level of detail for [from, to): bucket counts always, events when at most maxEvents match",
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
      const span = await eventSpanStats(ctx);
      const widthMs = (toMs - fromMs) / buckets;
      const r = await ctx.read(timelineBuckets(filter, span, { fromMs, widthMs, buckets }));
      const out: Bucket[] = Array.from({ length: buckets }, (_, i) => ({
        start: new Date(fromMs + i * widthMs).toISOString(),
        end: new Date(fromMs + (i + 1) * widthMs).toISOString(),
        count: 0,
        byType: [],
      }));
      let total = 0;
      for (const rec of r.records) {
        const b = out[Number(rec.get("bucket"))];
        const n = Number(rec.get("n"));
        b.count += n;
        b.byType.push({ type: rec.get("type"), count: n });
        total += n;
      }
      const events =
        total <= maxEvents
          ? (await ctx.read(timelineEvents(filter, span, maxEvents))).records.map((x) => x.get("node") as EventRow)
          : null;
      return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), total, buckets: out, events };
    },
  }),
);
