import { renameEntityIds } from "../bundle/rename-ids.ts";
import type { ArticleBundle } from "../bundle/types.ts";
import { entityMatches } from "../cypher/resolve.ts";
import type { Run } from "../db/database.ts";

/**
 * Finds a bundle's actors and places in the graph by more than their id:
 * the same Wikidata id (or, for places, GeoNames id) is the same thing, a
 * node merged away (`mergedIds`) lives on in the node it was merged into,
 * and a stored node with a different Wikidata id is never the same thing,
 * however alike the ids: the newcomer gets an id of its own ("actor:x~q42").
 */
export async function resolveEntityIds(run: Run, bundle: ArticleBundle): Promise<ArticleBundle> {
  const rename = new Map<string, string>();
  for (const [label, items] of [
    ["Actor", bundle.actors],
    ["Location", bundle.locations],
  ] as const) {
    if (items.length === 0) continue;
    const rows = items.map((x) => ({
      id: x.id,
      wikidataId: x.wikidataId ?? null,
      geonamesId: "geonamesId" in x ? (x.geonamesId ?? null) : null,
    }));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const found = await run(entityMatches(label, rows));
    for (const m of found.records) {
      const row = byId.get(m.get("id"));
      if (!row) continue;
      const target = chooseId(row, {
        exists: m.get("exists"),
        wikidataId: m.get("wikidataId"),
        geonamesId: m.get("geonamesId"),
        byWikidata: m.get("byWikidata"),
        byGeonames: m.get("byGeonames"),
        mergedInto: m.get("mergedInto"),
      });
      if (target !== row.id) rename.set(row.id, target);
    }
  }
  return renameEntityIds(bundle, rename);
}

interface Stored {
  exists: boolean;
  wikidataId: string | null;
  geonamesId: number | null;
  byWikidata: string | null;
  byGeonames: string | null;
  mergedInto: string | null;
}

/** The id an incoming actor or place is written under. */
export function chooseId(row: { id: string; wikidataId: string | null; geonamesId: number | null }, s: Stored): string {
  if (row.wikidataId && s.byWikidata) return s.byWikidata;
  if (row.geonamesId != null && s.byGeonames && !(row.wikidataId && s.wikidataId && row.wikidataId !== s.wikidataId))
    return s.byGeonames;
  if (s.exists) {
    if (row.wikidataId && s.wikidataId && row.wikidataId !== s.wikidataId)
      return `${row.id}~${row.wikidataId.toLowerCase()}`;
    if (row.geonamesId != null && s.geonamesId != null && Number(row.geonamesId) !== Number(s.geonamesId))
      return `${row.id}~gn${row.geonamesId}`;
    return row.id;
  }
  return s.mergedInto ?? row.id;
}
