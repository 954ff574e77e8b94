import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries from "world-atlas/countries-50m.json" with { type: "json" };

let cached: FeatureCollection<Geometry> | null = null;

/** The bundled world map (Natural Earth 1:50m countries), converted once. */
export function worldCountries(): FeatureCollection<Geometry> {
  if (!cached) {
    const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
    cached = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
  }
  return cached;
}
