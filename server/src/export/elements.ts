import { isDateTime, isPoint, type Record as Neo4jRecord } from "neo4j-driver";

/**
 * The flat shape every research format writes: a fixed catalogue of typed
 * attributes per node and edge, so GraphML and GEXF can declare their keys
 * before the first node streams out. Provenance (supporting articles, their
 * URLs, evidence spans) and date uncertainty (EDTF, earliest, latest) are
 * attributes like any other.
 */

export type Value = string | number | boolean | string[] | null;

export interface Attribute {
  name: string;
  type: "string" | "double" | "boolean";
  /** A list of strings; formats without a list type write it as a JSON array. */
  list?: boolean;
}

const str = (name: string): Attribute => ({ name, type: "string" });
const dbl = (name: string): Attribute => ({ name, type: "double" });
const lst = (name: string): Attribute => ({ name, type: "string", list: true });

// Who asserted each element (EXTRACTOR / ANALYST / IMPORT, and the extractor version or analyst's key name).
const PROVENANCE: Attribute[] = [
  dbl("confidence"),
  lst("articleIds"),
  lst("articleUrls"),
  lst("evidence"),
  str("assertedBy"),
  str("asserter"),
];

export const NODE_ATTRIBUTES: Attribute[] = [
  str("label"),
  str("category"),
  str("name"),
  str("nameAr"),
  lst("aliases"),
  str("kind"),
  str("description"),
  str("wikidataId"),
  str("geonamesId"),
  str("countryCode"),
  dbl("latitude"),
  dbl("longitude"),
  str("type"),
  str("title"),
  str("summary"),
  str("precision"),
  str("edtf"),
  str("earliest"),
  str("latest"),
  str("text"),
  str("gloss"),
  str("language"),
  str("statedAt"),
  str("certainty"),
  ...PROVENANCE,
];

export const EDGE_ATTRIBUTES: Attribute[] = [str("type"), str("role"), str("earliest"), str("latest"), ...PROVENANCE];

export interface ExportNode {
  id: string;
  attrs: Record<string, Value>;
}

export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  attrs: Record<string, Value>;
}

/** ISO 8601 as Cypher's toString() writes it: no trailing zeros in the fraction of a second. */
const iso = (v: unknown) =>
  String(v)
    .replace(/(\.\d*?)0+(?=Z|[+-]|\[|$)/, "$1")
    .replace(/\.(?=Z|[+-]|\[|$)/, "");

/** Dates as ISO strings (UTC as stored), points as separate coordinates, everything else as is. */
export function plain(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (isDateTime(v as object)) return iso(v);
  if (Array.isArray(v)) return v.map((x) => String(plain(x)));
  if (typeof v === "object") return String(v);
  return v as Value;
}

interface Source {
  id: string;
  url: string | null;
  starts?: number[] | null;
  ends?: number[] | null;
}

/** Article ids and URLs (aligned, "" when an article has no URL) and "articleId@start-end" spans. */
export function provenance(sources: Source[], evidence?: string[]) {
  const urlOf = new Map<string, string>();
  for (const s of sources) if (!urlOf.has(s.id)) urlOf.set(s.id, s.url ?? "");
  const ids = [...urlOf.keys()];
  const urls = [...urlOf.values()];
  const spans =
    evidence ?? sources.flatMap((s) => (s.starts ?? []).map((start, i) => `${s.id}@${start}-${s.ends?.[i] ?? start}`));
  return { articleIds: ids, articleUrls: urls, evidence: spans };
}

const display = (p: Record<string, unknown>) => (p.name ?? p.title ?? p.gloss ?? p.text ?? p.id) as string;

export function nodeFromRecord(r: Neo4jRecord): ExportNode {
  const p = r.get("props") as Record<string, unknown>;
  const category = (r.get("labels") as string[])[0];
  const point = p.point;
  const attrs: Record<string, Value> = {
    label: display(p),
    category,
    latitude: isPoint(point as object) ? (point as { y: number }).y : null,
    longitude: isPoint(point as object) ? (point as { x: number }).x : null,
    earliest: plain(category === "Claim" ? p.statedAt : p.start),
    latest: plain(category === "Claim" ? null : p.end),
    ...provenance(r.get("sources") as Source[]),
  };
  for (const a of NODE_ATTRIBUTES) if (!(a.name in attrs)) attrs[a.name] = plain(p[a.name]);
  // GeoNames ids are whole numbers stored as numbers; written as the id text ("99934"), like the QID.
  if (attrs.geonamesId != null) attrs.geonamesId = String(Math.trunc(Number(attrs.geonamesId)));
  return { id: p.id as string, attrs };
}

/** One id per edge, stable across databases: the merge key of its relationship. */
export const edgeId = (type: string, source: string, target: string, role?: unknown) =>
  `${type}:${source}->${target}${role ? `#${role}` : ""}`;

export function edgeFromRecord(r: Neo4jRecord): ExportEdge {
  const p = r.get("props") as Record<string, unknown>;
  const type = r.get("type") as string;
  const source = r.get("source") as string;
  const target = r.get("target") as string;
  const articles = r.get("articles") as Source[];
  return {
    id: edgeId(type, source, target, p.role),
    source,
    target,
    attrs: {
      type,
      role: plain(p.role),
      earliest: plain(r.get("earliest")),
      latest: plain(r.get("latest")),
      confidence: plain(p.confidence),
      ...provenance(articles, (p.evidence as string[] | undefined) ?? []),
      assertedBy: plain(p.assertedBy),
      asserter: plain(p.asserter),
    },
  };
}
