/**
 * Map projections shared by every read, so a node looks the same whichever
 * query fetched it (see cypher/rows.ts). Dates leave Neo4j as strings; the
 * DateTime scalar turns them into ISO 8601.
 */

import { NODE_LABELS, type NodeLabel } from "../model/vocabulary.ts";

export const LABELS = NODE_LABELS;
export type Label = NodeLabel;

/** Ids carry their label as a prefix ("actor:…"); that is how a bare id finds its index. */
export function labelOfId(id: string): Label | undefined {
  const prefix = id.slice(0, id.indexOf(":"));
  return LABELS.find((l) => l.toLowerCase() === prefix);
}

/** Who asserted a node or tie, when, and who last corrected it (see cypher/rows.ts ProvenanceRow). */
export const provenanceProjection = (v: string) =>
  `{by: ${v}.assertedBy, name: ${v}.asserter, at: toString(${v}.assertedAt), correctedBy: ${v}.correctedBy,
    correctedAt: toString(${v}.correctedAt)}`;

export const eventProjection = (v: string) =>
  `${v} { .id, .type, .title, .summary, .precision, .edtf, .confidence, label: 'Event',
    start: toString(${v}.start), end: toString(${v}.end), provenance: ${provenanceProjection(v)} }`;

export const actorProjection = (v: string) =>
  `${v} { .id, .name, .nameAr, .kind, .description, .wikidataId, label: 'Actor', aliases: coalesce(${v}.aliases, []),
    mergedIds: coalesce(${v}.mergedIds, []),
    provenance: ${provenanceProjection(v)} }`;

export const locationProjection = (v: string) =>
  `${v} { .id, .name, .nameAr, .kind, .countryCode, .wikidataId, .geonamesId, label: 'Location',
    aliases: coalesce(${v}.aliases, []), latitude: ${v}.point.latitude, longitude: ${v}.point.longitude,
    mergedIds: coalesce(${v}.mergedIds, []),
    provenance: ${provenanceProjection(v)} }`;

export const claimProjection = (v: string) =>
  `${v} { .id, .text, .gloss, .language, .certainty, .confidence, label: 'Claim', statedAt: toString(${v}.statedAt),
    provenance: ${provenanceProjection(v)} }`;

export const articleProjection = (v: string) =>
  `${v} { .id, .url, .title, .publisher, .language, .producer, .contentHash, label: 'Article',
    publishedAt: toString(${v}.publishedAt) }`;

export const projectionOf: Record<Label, (v: string) => string> = {
  Event: eventProjection,
  Actor: actorProjection,
  Location: locationProjection,
  Claim: claimProjection,
  Article: articleProjection,
};

/** Any node, whatever its label. */
export const anyProjection = (v: string) =>
  `CASE WHEN ${v}:Event THEN ${eventProjection(v)} WHEN ${v}:Actor THEN ${actorProjection(v)}
    WHEN ${v}:Location THEN ${locationProjection(v)} WHEN ${v}:Claim THEN ${claimProjection(v)}
    ELSE ${articleProjection(v)} END`;
