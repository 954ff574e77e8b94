import * as d3 from "d3";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { MapPoint } from "../data/map-data.ts";
import { placeLabels } from "./label-placement.ts";
import { type Cluster, clusterPoints, geoPrecision, scaleBar } from "./map-clusters.ts";

export interface MapOptions {
  width: number;
  height?: number;
  /** Country shapes (from the bundled world atlas). */
  land: FeatureCollection<Geometry>;
  /** The selected id: a location, or an event whose places are then marked. */
  selection?: string | null;
  /** Location ids currently chosen by the map's brush (shown as chosen). */
  chosen?: string[];
  /** The finer atlas, asked for once the map is zoomed in past a region's scale. */
  detailedLand?: () => Promise<FeatureCollection<Geometry>>;
}

/** What the map reports: a clicked location, or the locations inside a brushed rectangle. */
export interface MapValue {
  selection: string | null;
  brushed: string[] | null;
}

/**
 * Events at their locations over a bundled world map (no tiles), one circle
 * per place sized by its event count; places close on screen merge into one
 * circle ("+N") until zoomed in; a dashed ring marks a region, a double ring
 * a country (the point stands for an area). The labels of the bigger places
 * win; the rest show on hover. A scale bar. Click selects a place (or zooms
 * into a cluster); drag brushes a rectangle of places; wheel zooms;
 * shift-drag pans.
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
  const radius = d3.scaleSqrt().domain([0, max]).range([0, 22]).clamp(true);

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
  const countries = scene.append("g").attr("class", "countries");
  countries
    .selectAll("path")
    .data(land.features)
    .join("path")
    .attr("d", (d) => path(d) ?? "")
    .append("title")
    .text((d) => String((d.properties as { name?: string } | null)?.name ?? ""));
  const brushG = svg.append("g").attr("class", "brush");
  const dotsG = svg.append("g").attr("class", "places");
  const labelsG = svg.append("g").attr("class", "place-labels");
  const scaleG = svg
    .append("g")
    .attr("class", "scale-bar")
    .attr("transform", `translate(10,${height - 14})`);
  const size = (events: number) => Math.max(4, radius(events));
  let transform = d3.zoomIdentity;
  let clusters: Cluster[] = [];

  const place = () => {
    const project = (p: MapPoint) =>
      transform.apply(projection([p.longitude, p.latitude]) ?? [0, 0]) as [number, number];
    clusters = clusterPoints(points, project, size);
    const dots = dotsG
      .selectAll<SVGGElement, Cluster>("g.place")
      .data(clusters, (d) => d.id)
      .join((enter) => {
        const g = enter
          .append("g")
          .attr("class", (d) => `place precision-${geoPrecision(d.lead.location.kind)}`)
          .attr("tabindex", 0)
          .attr("role", "button");
        g.append("circle").attr("class", "dot");
        g.append("circle").attr("class", "ring");
        g.append("title");
        return g;
      })
      .attr("data-id", (d) => d.id)
      .attr("data-places", (d) => d.members.map((m) => m.location.id).join(" "))
      .attr("aria-label", (d) => clusterLabel(d))
      .attr("transform", (d) => `translate(${d.x},${d.y})`)
      .classed("cluster", (d) => d.members.length > 1)
      .classed("selected", (d) =>
        d.members.some((m) => m.location.id === selection || m.events.some((e) => e.id === selection)),
      )
      .classed("chosen", (d) => d.members.some((m) => chosen.has(m.location.id)));
    dots.select<SVGCircleElement>("circle.dot").attr("r", (d) => size(d.events));
    dots.select<SVGCircleElement>("circle.ring").attr("r", (d) => size(d.events) + 3);
    dots.select("title").text((d) => clusterLabel(d));
    const placed = placeLabels(
      clusters.map((c) => ({
        id: c.id,
        x: c.x,
        y: c.y,
        // The label starts beyond the drawn ring (regions and countries), and no other label comes
        // within the ring's circle, drawn or not (it is the place's extent on screen).
        r: size(c.events) + (geoPrecision(c.lead.location.kind) === "point" ? 1.5 : 4.5),
        clear: size(c.events) + 4.5,
        text: c.members.length > 1 ? `${c.lead.location.name} +${c.members.length - 1}` : c.lead.location.name,
        priority: c.events + (c.members.some((m) => m.location.id === selection) ? 1e6 : 0),
      })),
      { width, height: height - 22, maxChars: 24 },
    );
    labelsG
      .selectAll<SVGTextElement, (typeof placed)[0]>("text")
      .data(placed, (d) => d.id)
      .join("text")
      .attr("class", "place-label")
      .attr("data-id", (d) => d.id)
      .attr("x", (d) => d.x)
      .attr("y", (d) => d.y)
      .attr("dy", "0.35em")
      .attr("text-anchor", (d) => d.anchor)
      .text((d) => d.text);
    const bar = scaleBar(projection, transform.k, transform.invert([width / 2, height / 2]) as [number, number]);
    scaleG
      .selectAll("path")
      .data(bar ? [bar] : [])
      .join("path")
      .attr("d", (d) => `M0,-4V0H${d.px}V-4`);
    scaleG
      .selectAll("text")
      .data(bar ? [bar] : [])
      .join("text")
      .attr("x", (d) => d.px + 4)
      .attr("dy", "0.1em")
      .text((d) => d.label);
  };
  dotsG
    .on("click", (e: MouseEvent) => {
      const d = d3.select((e.target as Element).closest("g.place")).datum() as Cluster | undefined;
      if (!d) return;
      e.stopPropagation();
      if (d.members.length > 1 && d.members.every((m) => m.location.id !== selection)) zoomInto(d);
      else select(d.lead.location.id);
    })
    .on("keydown", (e: KeyboardEvent) => {
      const d = d3.select((e.target as Element).closest("g.place")).datum() as Cluster | undefined;
      if (!d) return;
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        select(d.lead.location.id);
      } else if (e.key === "Escape") select(null);
    });
  let detailed = false;
  let frameRequested = false;
  const redraw = () => {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      place();
    });
  };
  const zoom = d3
    .zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.5, 40])
    .filter((e) => e.type === "wheel" || (e.type === "mousedown" && e.shiftKey && !e.button))
    .on("zoom", (e) => {
      transform = e.transform;
      scene.attr("transform", transform.toString());
      scene.selectAll(".countries path").attr("stroke-width", 0.6 / transform.k);
      redraw();
      if (transform.k > 2.5 && !detailed && options.detailedLand) {
        detailed = true;
        options.detailedLand().then((detail) => {
          countries
            .selectAll<SVGPathElement, Feature>("path")
            .data(detail.features)
            .join("path")
            .attr("d", (d) => path(d) ?? "");
          scene.selectAll(".countries path").attr("stroke-width", 0.6 / transform.k);
        });
      }
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

  function zoomInto(c: Cluster) {
    const k = Math.min(40, transform.k * 3);
    const [x, y] = transform.invert([c.x, c.y]);
    svg.call(zoom.transform, d3.zoomIdentity.translate(width / 2 - k * x, height / 2 - k * y).scale(k));
  }

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
  const precision = { point: "", region: " (a region: the point stands for an area)", country: " (a whole country)" }[
    geoPrecision(l.kind)
  ];
  return `${l.name}${l.nameAr ? ` — ${l.nameAr}` : ""}: ${n} event${n === 1 ? "" : "s"}${precision}`;
}

function clusterLabel(c: Cluster): string {
  if (c.members.length === 1) return placeLabel(c.lead);
  return `${c.members.length} places close together, ${c.events} events (click to zoom in): ${c.members.map((m) => placeLabel(m)).join("; ")}`;
}
