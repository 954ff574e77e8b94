import { builder } from "../builder.ts";
import { articlesByPublisher, eventsByType, stats } from "../cypher/stats.ts";

interface Stats {
  counts: { events: number; actors: number; locations: number; claims: number; articles: number };
  earliest: string | null;
  latest: string | null;
}

const Count = builder.objectRef<{ key: string; count: number }>("KeyCount").implement({
  fields: (t) => ({ key: t.exposeString("key"), count: t.exposeInt("count") }),
});

const StatsType = builder.objectRef<Stats>("Stats").implement({
  description: "What the graph holds",
  fields: (t) => ({
    events: t.int({ resolve: (s) => s.counts.events }),
    actors: t.int({ resolve: (s) => s.counts.actors }),
    locations: t.int({ resolve: (s) => s.counts.locations }),
    claims: t.int({ resolve: (s) => s.counts.claims }),
    articles: t.int({ resolve: (s) => s.counts.articles }),
    earliest: t.field({
      type: "DateTime",
      nullable: true,
      description: "earliest event start",
      resolve: (s) => s.earliest,
    }),
    latest: t.field({ type: "DateTime", nullable: true, description: "latest event end", resolve: (s) => s.latest }),
    articlesByPublisher: t.field({
      type: [Count],
      resolve: async (_s, _a, ctx) =>
        (await ctx.read(articlesByPublisher())).records.map((r) => ({
          key: r.get("publisher"),
          count: Number(r.get("count")),
        })),
    }),
    eventsByType: t.field({
      type: [Count],
      resolve: async (_s, _a, ctx) =>
        (await ctx.read(eventsByType())).records.map((r) => ({ key: r.get("type"), count: Number(r.get("count")) })),
    }),
  }),
});

builder.queryField("stats", (t) =>
  t.field({
    type: StatsType,
    description: "Counts by label, the date range covered, articles by publisher and events by type",
    authScopes: { reader: true },
    resolve: async (_r, _a, ctx) => {
      const rec = (await ctx.read(stats())).records[0];
      const n = (k: string) => Number(rec.get(k));
      return {
        counts: {
          events: n("events"),
          actors: n("actors"),
          locations: n("locations"),
          claims: n("claims"),
          articles: n("articles"),
        },
        earliest: rec.get("earliest"),
        latest: rec.get("latest"),
      };
    },
  }),
);
