import type { Record as Neo4jRecord } from "neo4j-driver";
import { asOfNote } from "./as-of-note.ts";
import { plain, provenance, type Value } from "./elements.ts";
import type { GraphSource } from "./graph-source.ts";

/**
 * GeoJSON (RFC 7946) for QGIS and web maps: one Point feature per event and
 * located place it occurred in, properties flat (lists joined with "; ") so
 * every field becomes a plain attribute column.
 */

const join = (v: Value) => (Array.isArray(v) ? v.join("; ") : v);

export function featureOf(r: Neo4jRecord): object {
  const e = r.get("props") as Record<string, unknown>;
  const l = r.get("location") as Record<string, unknown>;
  const prov = provenance(r.get("sources"));
  const properties: Record<string, Value> = {
    eventId: e.id as string,
    type: plain(e.type),
    title: plain(e.title),
    summary: plain(e.summary),
    precision: plain(e.precision),
    edtf: plain(e.edtf),
    earliest: plain(e.start),
    latest: plain(e.end),
    confidence: plain(e.confidence),
    locationId: l.id as string,
    locationName: plain(l.name),
    locationNameAr: plain(l.nameAr),
    locationKind: plain(l.kind),
    countryCode: plain(l.countryCode),
    locationWikidataId: plain(l.wikidataId),
    locationGeonamesId: l.geonamesId == null ? null : String(Math.trunc(Number(l.geonamesId))),
    assertedBy: plain(e.assertedBy),
    actorIds: join(r.get("actorIds")),
    actorNames: join(r.get("actorNames")),
    actorRoles: join(r.get("actorRoles")),
    actorWikidataIds: join(r.get("actorWikidataIds")),
    articleIds: join(prov.articleIds),
    articleUrls: join(prov.articleUrls),
    evidence: join(prov.evidence),
  };
  return {
    type: "Feature",
    id: `${e.id}@${l.id}`,
    geometry: { type: "Point", coordinates: [r.get("longitude"), r.get("latitude")] },
    properties,
  };
}

export async function* writeGeojson(source: GraphSource): AsyncGenerator<string> {
  // A foreign member (RFC 7946 §6.1) says when the map stands, for an as-of export.
  const note = asOfNote(source.selection);
  const rasd = note ? `"rasd":${JSON.stringify({ asOf: source.selection.asOf, asOfNote: note })},` : "";
  yield `{"type":"FeatureCollection",${rasd}"features":[\n`;
  let first = true;
  for await (const r of source.features()) {
    yield `${first ? "" : ",\n"}${JSON.stringify(featureOf(r))}`;
    first = false;
  }
  yield "\n]}\n";
}
