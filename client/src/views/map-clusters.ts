import * as d3 from "d3";
import type { MapPoint } from "../data/map-data.ts";

/** Places close together on screen, drawn as one circle at the biggest place. */
export interface Cluster {
  /** The biggest place's id: the cluster's key and what a click selects. */
  id: string;
  lead: MapPoint;
  members: MapPoint[];
  x: number;
  y: number;
  events: number;
}

/**
 * How exactly a place's point stands for where things happened: a city,
 * facility or base is a point; a province, region or area is a part of a
 * country; a country is the whole of it (from the location's kind).
 */
export function geoPrecision(kind: string): "point" | "region" | "country" {
  if (kind === "COUNTRY") return "country";
  if (kind === "REGION" || kind === "PROVINCE" || kind === "AREA") return "region";
  return "point";
}

/**
 * Greedy screen-space clustering: biggest places first, each place joins the
 * first cluster whose circle its own circle would overlap (`size` is a
 * circle's radius for a count of events), so nearby places merge at low zoom
 * and come apart as the map is zoomed in.
 */
export function clusterPoints(
  points: MapPoint[],
  project: (p: MapPoint) => [number, number],
  size: (events: number) => number,
): Cluster[] {
  const clusters: Cluster[] = [];
  const sorted = [...points].sort((a, b) => b.events.length - a.events.length);
  for (const p of sorted) {
    const [x, y] = project(p);
    const reach = size(p.events.length);
    const near = clusters.find((c) => (c.x - x) ** 2 + (c.y - y) ** 2 < (size(c.events) + reach) ** 2);
    if (near) {
      near.members.push(p);
      near.events += p.events.length;
    } else clusters.push({ id: p.location.id, lead: p, members: [p], x, y, events: p.events.length });
  }
  return clusters;
}

const niceKm = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

/** A scale bar's length in px and its label, for about `target` px at the map's centre. */
export function scaleBar(
  projection: d3.GeoProjection,
  k: number,
  center: [number, number],
  target = 90,
): { px: number; label: string } | null {
  const a = projection.invert?.([center[0], center[1]]);
  const b = projection.invert?.([center[0] + target / k, center[1]]);
  if (!a || !b) return null;
  const km = d3.geoDistance(a, b) * 6371;
  if (!(km > 0)) return null;
  const nice = niceKm.filter((n) => n <= km).pop() ?? niceKm[0];
  return { px: (target * nice) / km, label: `${nice} km` };
}
