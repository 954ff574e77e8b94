import * as d3 from "d3";
import { kindColours, okabeIto, typeFamilies } from "../data/palette.ts";
import { corroborationLegend } from "./corroboration.ts";
import { kindSymbols } from "./graph-style.ts";

function swatch(draw: (svg: d3.Selection<SVGSVGElement, undefined, null, undefined>) => void): SVGSVGElement {
  const svg = d3.create("svg").attr("width", 26).attr("height", 14).attr("aria-hidden", "true");
  draw(svg);
  return svg.node() as SVGSVGElement;
}

/** A grey bar whose opacity follows `stops` ([offset, opacity]): how the timeline draws uncertain dates. */
function gradientSwatch(id: string, stops: [number, number][]): SVGSVGElement {
  return swatch((s) => {
    const g = s.append("defs").append("linearGradient").attr("id", id);
    for (const [offset, opacity] of stops)
      g.append("stop").attr("offset", offset).attr("stop-color", okabeIto.grey).attr("stop-opacity", opacity);
    s.append("rect").attr("x", 1).attr("y", 2).attr("width", 24).attr("height", 10).attr("fill", `url(#${id})`);
  });
}

/** A legend line: the stroke a graph link of that kind is drawn with. */
function lineSwatch(stroke: string, width: number, dash?: string, opacity?: number): SVGSVGElement {
  return swatch((s) => {
    const line = s.append("line").attr("x1", 1).attr("x2", 25).attr("y1", 7).attr("y2", 7);
    line.attr("stroke", stroke).attr("stroke-width", width);
    if (dash) line.attr("stroke-dasharray", dash);
    if (opacity !== undefined) line.attr("stroke-opacity", opacity);
  });
}

function item(symbol: SVGSVGElement, label: string, types?: string[]): HTMLLIElement {
  const li = document.createElement("li");
  li.append(symbol, document.createTextNode(label));
  if (types) {
    // The family's types by the names their timeline lanes carry.
    const names = document.createElement("small");
    names.className = "legend-types";
    names.textContent = types.join(", ");
    li.append(names);
  }
  return li;
}

function group(title: string, items: HTMLLIElement[]): HTMLElement {
  const div = document.createElement("div");
  div.className = "legend-group";
  const h = document.createElement("h4");
  h.textContent = title;
  const ul = document.createElement("ul");
  ul.append(...items);
  div.append(h, ul);
  return div;
}

/** The legend for every encoding: type colours, date uncertainty, node shapes, links, certainty, map size. */
export function legend(): HTMLElement {
  const root = document.createElement("div");
  root.className = "legend";
  root.append(
    group(
      "Event type (colour)",
      typeFamilies.map((f) =>
        item(
          swatch((s) =>
            s.append("rect").attr("x", 2).attr("y", 2).attr("width", 22).attr("height", 10).attr("fill", f.colour),
          ),
          f.name,
          f.types,
        ),
      ),
    ),
    group("Dates (timeline)", [
      item(
        swatch((s) => s.append("circle").attr("cx", 13).attr("cy", 7).attr("r", 5).attr("fill", okabeIto.grey)),
        "known day",
      ),
      item(
        gradientSwatch("legend-fuzzy", [
          [0, 0.05],
          [0.2, 0.6],
          [0.8, 0.6],
          [1, 0.05],
        ]),
        "uncertain: earliest–latest, fuzzy ends",
      ),
      item(
        gradientSwatch("legend-open", [
          [0, 0],
          [1, 0.6],
        ]),
        "open start (only “by” a date)",
      ),
      item(
        swatch((s) => s.append("path").attr("d", "M13,2L19,12L7,12Z").attr("fill", okabeIto.reddishPurple)),
        "claim stated",
      ),
      item(
        swatch((s) =>
          s.append("rect").attr("x", 8).attr("y", 2).attr("width", 10).attr("height", 10).attr("fill", okabeIto.black),
        ),
        "article published",
      ),
    ]),
    group("Sources (timeline)", [
      item(
        swatch((s) =>
          s
            .append("circle")
            .attr("cx", 13)
            .attr("cy", 7)
            .attr("r", 4.5)
            .attr("fill", "#fff")
            .attr("stroke", okabeIto.grey)
            .attr("stroke-width", 2),
        ),
        corroborationLegend.single,
      ),
      item(
        swatch((s) => s.append("circle").attr("cx", 13).attr("cy", 7).attr("r", 5).attr("fill", okabeIto.grey)),
        corroborationLegend.corroborated,
      ),
    ]),
    group(
      "Graph nodes (shape)",
      (Object.keys(kindColours) as (keyof typeof kindColours)[]).map((k) =>
        item(
          swatch((s) =>
            s
              .append("path")
              .attr("transform", "translate(13,7)")
              .attr("d", d3.symbol(kindSymbols[k], 60)())
              .attr("fill", kindColours[k]),
          ),
          k === "event" ? "event (colour = type)" : k,
        ),
      ),
    ),
    group("Graph links", [
      item(lineSwatch("#a3410a", 2), "initiator → event"),
      item(lineSwatch("#0b4f80", 2), "target of event"),
      item(lineSwatch("#8c8c8c", 2, "5 3"), "made (claimant → claim)"),
      item(lineSwatch("#8c8c8c", 2, "1 3"), "about (claim → subject)"),
      item(lineSwatch("#8c8c8c", 2, "8 2 2 2"), "occurred in"),
      item(lineSwatch("#8c8c8c", 5), "actor network: width = shared events"),
    ]),
    group("Claims and map", [
      item(
        swatch((s) =>
          s
            .append("rect")
            .attr("x", 2)
            .attr("y", 3)
            .attr("width", 22)
            .attr("height", 8)
            .attr("class", "legend-asserted"),
        ),
        "asserted",
      ),
      item(
        swatch((s) =>
          s.append("rect").attr("x", 2).attr("y", 3).attr("width", 22).attr("height", 8).attr("class", "legend-hedged"),
        ),
        "hedged",
      ),
      item(
        swatch((s) =>
          s.append("rect").attr("x", 2).attr("y", 3).attr("width", 22).attr("height", 8).attr("class", "legend-denied"),
        ),
        "denied",
      ),
      item(
        swatch((s) => s.append("circle").attr("cx", 13).attr("cy", 7).attr("r", 6).attr("class", "legend-place")),
        "place (area = events)",
      ),
    ]),
  );
  return root;
}
