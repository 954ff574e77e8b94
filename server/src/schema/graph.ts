import { builder } from "../builder.ts";
import { actorNetwork, neighborhoodHop, neighborhoodSeeds, paths } from "../cypher/graph.ts";
import { labelOfId } from "../cypher/projections.ts";
import type { ActorRow, EventRow, NodeRow } from "../cypher/rows.ts";
import { eventSpanStats } from "../loaders/span-stats.ts";
import { ENTITY_LABELS, ENTITY_RELATIONS, GRAPH_RELATIONS, NODE_LABELS } from "../model/vocabulary.ts";
import { badInput, EventFilterInput, TimeWindowInput, toEventFilter } from "./event-filter.ts";
import { ActorRef, EventRef, NodeRef } from "./refs.ts";
import { EventType } from "./scalars.ts";

interface GraphEdgeRow {
  id: string;
  type: string;
  source: string;
  target: string;
  role: string | null;
}

const GraphNode = builder.objectRef<NodeRow>("GraphNode").implement({
  description: "A node as a graph view draws it, with the full node behind it",
  fields: (t) => ({
    id: t.exposeID("id"),
    label: t.exposeString("label"),
    name: t.string({
      resolve: (n) => {
        if ("name" in n) return n.name;
        if ("title" in n) return n.title;
        return n.text.slice(0, 120);
      },
    }),
    kind: t.string({ nullable: true, resolve: (n) => ("kind" in n ? n.kind : "type" in n ? n.type : null) }),
    node: t.field({ type: NodeRef, resolve: (n) => n }),
  }),
});

const GraphEdge = builder.objectRef<GraphEdgeRow>("GraphEdge").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    type: t.exposeString("type"),
    source: t.exposeID("source"),
    target: t.exposeID("target"),
    role: t.exposeString("role", { nullable: true }),
  }),
});

const Graph = builder.objectRef<{ nodes: NodeRow[]; edges: GraphEdgeRow[]; truncated: boolean }>("Graph").implement({
  fields: (t) => ({
    nodes: t.field({ type: [GraphNode], resolve: (g) => g.nodes }),
    edges: t.field({ type: [GraphEdge], resolve: (g) => g.edges }),
    truncated: t.exposeBoolean("truncated", { description: "true when the node limit cut the walk short" }),
  }),
});

const Relation = builder.enumType("GraphRelation", { values: GRAPH_RELATIONS });
const GraphLabel = builder.enumType("GraphLabel", { values: NODE_LABELS });

const NeighborhoodFilter = builder.inputType("NeighborhoodFilter", {
  fields: (t) => ({
    window: t.field({ type: TimeWindowInput, required: false, description: "events outside it are not entered" }),
    types: t.field({ type: [EventType], required: false }),
    relations: t.field({ type: [Relation], required: false, description: "default: all but provenance ties" }),
    labels: t.field({ type: [GraphLabel], required: false, description: "default: all but Article" }),
    asOf: t.field({
      type: "DateTime",
      required: false,
      description: "only what had been published by then: nodes reported or named, ties with evidence by then",
    }),
  }),
});

builder.queryField("neighborhood", (t) =>
  t.field({
    type: Graph,
    description: "Nodes and edges within `hops` (≤ 3) of the given nodes, for a graph view",
    authScopes: { reader: true },
    args: {
      ids: t.arg.idList({ required: true }),
      hops: t.arg.int({ required: false, defaultValue: 1 }),
      filter: t.arg({ type: NeighborhoodFilter, required: false }),
      limit: t.arg.int({ required: false, defaultValue: 300, description: "most nodes returned (≤ 2000)" }),
      perNode: t.arg.int({ required: false, defaultValue: 50, description: "most ties followed from one node" }),
    },
    resolve: async (_r, args, ctx) => {
      const hops = args.hops ?? 1;
      if (hops < 1 || hops > 3) throw badInput("hops", "must be between 1 and 3");
      if (args.ids.length === 0 || args.ids.length > 50) throw badInput("ids", "give between 1 and 50 ids");
      const limit = Math.min(Math.max(args.limit ?? 300, 1), 2000);
      const perNode = Math.min(Math.max(args.perNode ?? 50, 1), 500);
      const f = args.filter ?? {};
      const relations = f.relations ?? ENTITY_RELATIONS;
      const labels = f.labels ?? ENTITY_LABELS;
      const seeds = await ctx.read(neighborhoodSeeds(args.ids.map(String)));
      const nodes = new Map<string, NodeRow>();
      const edges = new Map<string, GraphEdgeRow>();
      const asOf = f.asOf ?? null;
      // Events read as of a date answer for that date (reports, sources, dates).
      const dated = (n: NodeRow): NodeRow => (asOf && n.label === "Event" ? { ...n, asOf } : n);
      let frontier = seeds.records.map((r) => {
        nodes.set(r.get("eid"), dated(r.get("node")));
        return r.get("eid") as string;
      });
      let truncated = false;
      for (let hop = 0; hop < hops && frontier.length > 0 && !truncated; hop++) {
        const budget = limit - nodes.size;
        const r = await ctx.read(
          neighborhoodHop(frontier, {
            relations,
            labels,
            from: f.window?.from,
            to: f.window?.to,
            types: f.types,
            asOf,
            perNode,
            limit: Math.max(budget * 4, 1),
          }),
        );
        const next: string[] = [];
        for (const rec of r.records) {
          const eid = rec.get("eid") as string;
          if (!nodes.has(eid)) {
            if (nodes.size >= limit) {
              truncated = true;
              continue;
            }
            nodes.set(eid, dated(rec.get("node")));
            next.push(eid);
          }
          edges.set(rec.get("edge").id, rec.get("edge"));
        }
        frontier = next;
      }
      const ids = new Set([...nodes.values()].map((n) => n.id));
      return {
        nodes: [...nodes.values()],
        edges: [...edges.values()].filter((e) => ids.has(e.source) && ids.has(e.target)),
        truncated,
      };
    },
  }),
);

interface TieRow {
  source: string;
  target: string;
  weight: number;
  eventIds: string[];
  asOf: string | null;
}

const Tie = builder.objectRef<TieRow>("CoParticipation").implement({
  fields: (t) => ({
    source: t.field({
      type: ActorRef,
      resolve: async (x, _a, ctx) => (await ctx.loaders.node(x.source)) as ActorRow,
    }),
    target: t.field({
      type: ActorRef,
      resolve: async (x, _a, ctx) => (await ctx.loaders.node(x.target)) as ActorRow,
    }),
    weight: t.exposeInt("weight", { description: "events both took part in" }),
    eventIds: t.exposeIDList("eventIds"),
    events: t.field({
      type: [EventRef],
      description: "the events behind the tie (up to eventsPerTie)",
      resolve: async (x, _a, ctx) =>
        ((await Promise.all(x.eventIds.map((id) => ctx.loaders.node(id)))).filter(Boolean) as EventRow[]).map((e) => ({
          ...e,
          asOf: x.asOf,
        })),
    }),
  }),
});

const ActorNetwork = builder.objectRef<{ ties: TieRow[] }>("ActorNetwork").implement({
  fields: (t) => ({
    actors: t.field({
      type: [ActorRef],
      resolve: async (n, _a, ctx) => {
        const ids = [...new Set(n.ties.flatMap((x) => [x.source, x.target]))];
        return (await Promise.all(ids.map((id) => ctx.loaders.node(id)))).filter(Boolean) as ActorRow[];
      },
    }),
    ties: t.field({ type: [Tie], resolve: (n) => n.ties }),
  }),
});

builder.queryField("actorNetwork", (t) =>
  t.field({
    type: ActorNetwork,
    description:
      "Actors tied by taking part in the same events (in the filter), weighted by how many; with filter.asOf, only events and participations reported by then",
    authScopes: { reader: true },
    args: {
      filter: t.arg({ type: EventFilterInput, required: false }),
      minWeight: t.arg.int({ required: false, defaultValue: 1 }),
      first: t.arg.int({ required: false, defaultValue: 200, description: "strongest ties first (≤ 2000)" }),
      eventsPerTie: t.arg.int({ required: false, defaultValue: 10, description: "≤ 100" }),
    },
    resolve: async (_r, args, ctx) => {
      const span = await eventSpanStats(ctx);
      const filter = toEventFilter(args.filter);
      const r = await ctx.read(
        actorNetwork(filter, span, {
          minWeight: Math.max(args.minWeight ?? 1, 1),
          limit: Math.min(Math.max(args.first ?? 200, 1), 2000),
          eventsPerTie: Math.min(Math.max(args.eventsPerTie ?? 10, 0), 100),
        }),
      );
      return {
        ties: r.records.map((x) => ({
          source: x.get("source"),
          target: x.get("target"),
          weight: Number(x.get("weight")),
          eventIds: x.get("eventIds"),
          asOf: filter.asOf ?? null,
        })),
      };
    },
  }),
);

const PathType = builder.objectRef<{ nodes: NodeRow[]; edges: GraphEdgeRow[] }>("Path").implement({
  fields: (t) => ({
    length: t.int({ resolve: (p) => p.edges.length }),
    nodes: t.field({ type: [GraphNode], resolve: (p) => p.nodes }),
    edges: t.field({ type: [GraphEdge], resolve: (p) => p.edges }),
  }),
});

builder.queryField("paths", (t) =>
  t.field({
    type: [PathType],
    description: "The shortest paths (≤ maxHops ≤ 4) between two entities, over analytic ties",
    authScopes: { reader: true },
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxHops: t.arg.int({ required: false, defaultValue: 4 }),
      first: t.arg.int({ required: false, defaultValue: 10, description: "≤ 50" }),
    },
    resolve: async (_r, args, ctx) => {
      const maxHops = args.maxHops ?? 4;
      if (maxHops < 1 || maxHops > 4) throw badInput("maxHops", "must be between 1 and 4");
      const [from, to] = [String(args.from), String(args.to)];
      const fromLabel = labelOfId(from);
      const toLabel = labelOfId(to);
      if (!fromLabel) throw badInput("from", `"${from}" is not an entity id`);
      if (!toLabel) throw badInput("to", `"${to}" is not an entity id`);
      if (from === to) return [];
      const first = Math.min(Math.max(args.first ?? 10, 1), 50);
      const r = await ctx.read(paths(fromLabel, from, toLabel, to, maxHops, first));
      return r.records.map((x) => ({ nodes: x.get("nodes"), edges: x.get("edges") }));
    },
  }),
);
