import * as d3 from "d3";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { MapPoint } from "../data/map-data.ts";

export interface MapOptions {
  width: number;
  height?: number;
  /** Country shapes (from the bundled world atlas). */
  land: FeatureCollection<Geometry>;
  /** The selected id: a location, or an event whose places are then marked. */
  selection?: string | null;
  /** Location ids currently chosen by the map's brush (shown as chosen). */
  chosen?: string[];
}

/** What the map reports: a clicked location, or the locations inside a brushed rectangle. */
export interface MapValue {
  selection: string | null;
  brushed: string[] | null;
}

/**
 * Events at their locations over a bundled world map (no tiles), one circle
 * per place sized by its event count. Click selects a place; drag brushes a
 * rectangle of places; wheel zooms; shift-drag pans.
 */
export function map(points: MapPoint[], options: MapOptions): HTMLDivElement & { value: MapValue } {
  const { width, height = 360, land } = options;
  if (!(width > 100)) throw new Error(`invalid width: ${width}`);
  let selection = options.selection ?? null;
  const chosen = new Set(options.chosen ?? []);
  const root = document.createElement("div") as HTMLDivElement & { value: MapValue };
  root.className = "map-view";
  root.value = { selection, brushed: null };

  // Fit the view to the places (with room around), or to the Middle East when there are none.
  const fitTo: Feature = points.length
    ? {
        type: "Feature",
        properties: {},
        geometry: { type: "MultiPoint", coordinates: points.map((p) => [p.longitude, p.latitude]) },
      }
    : {
        type: "Feature",
        properties: {},
        geometry: {
          type: "MultiPoint",
          coordinates: [
            [30, 25],
            [60, 40],
          ],
        },
      };
  const projection = d3.geoMercator().fitExtent(
    [
      [width * 0.25, height * 0.25],
      [width * 0.75, height * 0.75],
    ],
    fitTo,
  );
  // Never closer than a region's scale, so a single place still shows its surroundings.
  if (projection.scale() > 1400) {
    const [cx, cy] = d3.geoCentroid(fitTo);
    projection
      .scale(1400)
      .center([cx, cy])
      .translate([width / 2, height / 2]);
  }
  const path = d3.geoPath(projection);
  const max = d3.max(points, (p) => p.events.length) ?? 1;
  const radius = d3.scaleSqrt().domain([0, max]).range([0, 22]);

  const svg = d3
    .select(root)
    .append("svg")
    .attr("class", "map")
    .attr("width", width)
    .attr("height", height)
    .attr("role", "group")
    .attr("aria-label", `Map of ${points.length} places with events`);
  const scene = svg.append("g");
  scene
    .append("path")
    .attr("class", "sphere")
    .attr("d", path({ type: "Sphere" }) ?? "");
  scene
    .append("g")
    .attr("class", "countries")
    .selectAll("path")
    .data(land.features)
    .join("path")
    .attr("d", (d) => path(d) ?? "")
    .append("title")
    .text((d) => String((d.properties as { name?: string } | null)?.name ?? ""));
  const brushG = svg.append("g").attr("class", "brush");
  const dots = svg
    .append("g")
    .attr("class", "places")
    .selectAll<SVGGElement, MapPoint>("g.place")
    .data(points, (d) => d.location.id)
    .join("g")
    .attr("class", "place")
    .attr("data-id", (d) => d.location.id)
    .attr("tabindex", 0)
    .attr("role", "button")
    .attr("aria-label", (d) => placeLabel(d));
  dots.append("circle").attr("r", (d) => Math.max(4, radius(d.events.length)));
  dots
    .append("text")
    .attr("class", "place-label")
    .attr("dy", "0.35em")
    .text((d) => d.location.name);
  dots.append("title").text((d) => placeLabel(d));
  dots
    .on("click", (e: MouseEvent, d) => {
      e.stopPropagation();
      select(d.location.id);
    })
    .on("keydown", (e: KeyboardEvent, d) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        select(d.location.id);
      } else if (e.key === "Escape") select(null);
    });

  let transform = d3.zoomIdentity;
  const place = () => {
    dots
      .attr("transform", (d) => {
        const [x, y] = transform.apply(projection([d.longitude, d.latitude]) ?? [0, 0]);
        return `translate(${x},${y})`;
      })
      .classed("selected", (d) => d.location.id === selection || d.events.some((e) => e.id === selection))
      .classed("chosen", (d) => chosen.has(d.location.id))
      .select("text")
      .attr("x", (d) => Math.max(4, radius(d.events.length)) + 3);
  };
  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.5, 40])
    .filter((e) => e.type === "wheel" || (e.type === "mousedown" && e.shiftKey && !e.button))
    .on("zoom", (e) => {
      transform = e.transform;
      scene.attr("transform", transform.toString());
      scene.selectAll(".countries path").attr("stroke-width", 0.6 / transform.k);
      place();
    });
  svg.call(zoom);
  const brush = d3
    .brush()
    .extent([
      [0, 0],
      [width, height],
    ])
    .filter((e) => !e.shiftKey && !e.button)
    .on("end", (e: d3.D3BrushEvent<unknown>) => {
      if (!e.sourceEvent) return;
      if (!e.selection) {
        if (root.value.brushed) report({ selection, brushed: null });
        else select(null);
        return;
      }
      const [[x0, y0], [x1, y1]] = e.selection as [[number, number], [number, number]];
      const inside = points
        .filter((p) => {
          const [x, y] = transform.apply(projection([p.longitude, p.latitude]) ?? [0, 0]);
          return x >= x0 && x <= x1 && y >= y0 && y <= y1;
        })
        .map((p) => p.location.id);
      brushG.call(brush.move, null);
      report({ selection, brushed: inside });
    });
  brushG.call(brush);
  place();

  function select(id: string | null) {
    selection = id;
    place();
    report({ selection, brushed: null });
  }

  function report(next: MapValue) {
    if (next.selection === root.value.selection && String(next.brushed) === String(root.value.brushed)) return;
    root.value = next;
    root.dispatchEvent(new Event("input", { bubbles: true }));
  }
  return root;
}

function placeLabel(p: MapPoint): string {
  const l = p.location;
  const n = p.events.length;
  return `${l.name}${l.nameAr ? ` — ${l.nameAr}` : ""}: ${n} event${n === 1 ? "" : "s"}`;
}
