import type { Claim, Event, GraphData, GraphLink, GraphNode } from "./model.ts";

class GraphBuilder {
  nodes = new Map<string, GraphNode>();
  links = new Map<string, GraphLink>();
  node(node: Omit<GraphNode, "weight">, weight = 1) {
    const known = this.nodes.get(node.id);
    if (known) known.weight += weight;
    else this.nodes.set(node.id, { ...node, weight });
  }
  link(source: string, target: string, kind: string, weight = 1) {
    const key = `${source}\u0000${target}\u0000${kind}`;
    const known = this.links.get(key);
    if (known) known.weight += weight;
    else this.links.set(key, { source, target, kind, weight });
  }
  data(): GraphData {
    return { nodes: [...this.nodes.values()], links: [...this.links.values()] };
  }
}

function addEvent(g: GraphBuilder, e: Event, withClaims: boolean) {
  g.node({ id: e.id, kind: "event", label: e.title, labelAr: null, subtype: e.type });
  for (const a of e.actors) {
    g.node({ id: a.id, kind: "actor", label: a.name, labelAr: a.nameAr, subtype: a.kind });
    g.link(a.id, e.id, a.role ?? "PARTICIPATED_IN");
  }
  for (const l of e.locations) {
    g.node({ id: l.id, kind: "location", label: l.name, labelAr: l.nameAr, subtype: l.kind });
    g.link(e.id, l.id, "OCCURRED_IN");
  }
  if (withClaims) for (const c of e.claims) addClaim(g, c, e.id);
}

function addClaim(g: GraphBuilder, c: Claim, about: string) {
  g.node(
    {
      id: c.id,
      kind: "claim",
      label: c.gloss ?? c.text,
      labelAr: c.language === "ar" ? c.text : null,
      subtype: c.certainty,
    },
    0,
  );
  g.link(c.id, about, "ABOUT");
  if (c.claimant) {
    const a = c.claimant;
    g.node({ id: a.id, kind: "actor", label: a.name, labelAr: a.nameAr, subtype: a.kind }, 0);
    g.link(a.id, c.id, "MADE");
  }
}

/** Events with their actors, locations and (optionally) claims and claimants, as one graph. */
export function eventGraph(events: Event[], { claims = true }: { claims?: boolean } = {}): GraphData {
  const g = new GraphBuilder();
  for (const e of events) addEvent(g, e, claims);
  return g.data();
}

/** Union of graphs (the window's graph plus expansions) minus removed nodes and their links. */
export function mergeGraphs(parts: GraphData[], removed: Set<string> = new Set()): GraphData {
  const nodes = new Map<string, GraphNode>();
  const links = new Map<string, GraphLink>();
  for (const part of parts) {
    for (const n of part.nodes) if (!removed.has(n.id) && !nodes.has(n.id)) nodes.set(n.id, { ...n });
    for (const l of part.links) {
      const key = `${l.source}\u0000${l.target}\u0000${l.kind}`;
      if (!links.has(key)) links.set(key, { ...l });
    }
  }
  const kept = [...links.values()].filter((l) => nodes.has(l.source) && nodes.has(l.target));
  return { nodes: [...nodes.values()], links: kept };
}

/**
 * The overview of a busy window: actors and places only, an actor tied to
 * another by the events they share and to a place by the events there. A few
 * dozen nodes that say who acts with whom and where, to grow from by Expand.
 */
export function overviewGraph(events: Event[]): GraphData {
  const g = new GraphBuilder();
  for (const e of events) {
    for (const a of e.actors) g.node({ id: a.id, kind: "actor", label: a.name, labelAr: a.nameAr, subtype: a.kind });
    for (const l of e.locations)
      g.node({ id: l.id, kind: "location", label: l.name, labelAr: l.nameAr, subtype: l.kind });
    const actors = [...new Set(e.actors.map((a) => a.id))].sort();
    for (let i = 0; i < actors.length; i++)
      for (let j = i + 1; j < actors.length; j++) g.link(actors[i], actors[j], "CO_PARTICIPATION");
    for (const a of actors) for (const l of e.locations) g.link(a, l.id, "ACTIVE_IN");
  }
  return g.data();
}
