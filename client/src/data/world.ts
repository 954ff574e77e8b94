import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas50m from "world-atlas/countries-50m.json?url";
import atlas110m from "world-atlas/countries-110m.json?url";

const cached = new Map<string, Promise<FeatureCollection<Geometry>>>();

/**
 * The bundled world map (Natural Earth countries): static JSON files fetched
 * when a map is first drawn (precompressed and cached like every asset) and
 * converted once; 1:110m (about 40 KB gzipped) for the overview, 1:50m
 * (about 240 KB) only once a map is zoomed in.
 */
export function worldCountries(scale: "110m" | "50m"): Promise<FeatureCollection<Geometry>> {
  let atlas = cached.get(scale);
  if (!atlas) {
    atlas = fetch(scale === "110m" ? atlas110m : atlas50m)
      .then((r) => {
        if (!r.ok) throw new Error(`the ${scale} world atlas did not load (${r.status})`);
        return r.json();
      })
      .then((json) => {
        const topology = json as Topology<{ countries: GeometryCollection }>;
        return feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
      });
    cached.set(scale, atlas);
  }
  return atlas;
}
