import { renameEntityIds } from "../bundle/rename-ids.ts";
import type { ArticleBundle } from "../bundle/types.ts";

/** An item's row for the entity lookup (cypher/resolve.ts incomingLookups). */
export interface EntityRow {
  id: string;
  wikidataId: string | null;
  geonamesId: number | null;
}

/** The lookup rows for a bundle's actors and places. */
export function entityRows(bundle: ArticleBundle): { actors: EntityRow[]; locations: EntityRow[] } {
  return {
    actors: bundle.actors.map((a) => ({ id: a.id, wikidataId: a.wikidataId ?? null, geonamesId: null })),
    locations: bundle.locations.map((l) => ({
      id: l.id,
      wikidataId: l.wikidataId ?? null,
      geonamesId: l.geonamesId ?? null,
    })),
  };
}

/**
 * Finds a bundle's actors and places in the graph by more than their id,
 * given what the lookup found for each (`Stored & {id}`, by label): the same
 * Wikidata id (or, for places, GeoNames id) is the same thing, a node merged
 * away (`mergedIds`) lives on in the node it was merged into, and a stored
 * node with a different Wikidata id is never the same thing, however alike
 * the ids: the newcomer gets an id of its own ("actor:x~q42").
 */
export function renameMatched(
  bundle: ArticleBundle,
  found: { actors: (Stored & { id: string })[]; locations: (Stored & { id: string })[] },
): ArticleBundle {
  const rows = entityRows(bundle);
  const rename = new Map<string, string>();
  for (const label of ["actors", "locations"] as const) {
    const byId = new Map(rows[label].map((r) => [r.id, r]));
    for (const m of found[label]) {
      const row = byId.get(m.id);
      if (!row) continue;
      const target = chooseId(row, m);
      if (target !== row.id) rename.set(row.id, target);
    }
  }
  return renameEntityIds(bundle, rename);
}

export interface Stored {
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
