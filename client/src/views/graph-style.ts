import * as d3 from "d3";
import type { GraphLink, GraphNode, NodeKind } from "../data/model.ts";
import { kindColours, typeColour } from "../data/palette.ts";

/** Shape by kind, so kind is never told by colour alone. */
export const kindSymbols: Record<NodeKind, d3.SymbolType> = {
  actor: d3.symbolCircle,
  event: d3.symbolSquare,
  location: d3.symbolTriangle,
  claim: d3.symbolDiamond,
};

export function nodeColour(d: GraphNode): string {
  return d.kind === "event" ? typeColour(d.subtype) : kindColours[d.kind];
}

/** Dash patterns by relationship, so a claim's links read differently from a participation. */
export function linkDash(l: GraphLink): string | null {
  if (l.kind === "MADE") return "5 3";
  if (l.kind === "ABOUT") return "1 3";
  if (l.kind === "OCCURRED_IN") return "8 2 2 2";
  return null;
}

export function linkWidth(l: GraphLink): number {
  return Math.min(8, 0.8 + Math.sqrt(l.weight) * (l.kind === "CO_PARTICIPATION" ? 1.2 : 0.6));
}

export function linkColour(l: GraphLink): string {
  if (l.kind === "INITIATOR") return "#a3410a";
  if (l.kind === "TARGET") return "#0b4f80";
  return "#8c8c8c";
}

export function nodeTitle(d: GraphNode): string {
  return `${d.label}${d.labelAr && d.labelAr !== d.label ? ` — ${d.labelAr}` : ""} (${d.kind}: ${d.subtype.replaceAll("_", " ").toLowerCase()})`;
}
