import { request } from "./api.ts";
import type { ExistingEntity, NamedKind } from "./bundle.ts";
import type { ResultOf } from "./graphql.ts";
import { entityCandidatesQuery, existingIdsQuery } from "./queries.ts";

/** The API's kind for the review's item lists. */
export const searchKindOf = (kind: NamedKind) => (kind === "actors" ? "ACTOR" : "LOCATION");

type RawEntity = ResultOf<typeof entityCandidatesQuery>["search"][number]["node"];

/** An actor or place hit as the review lists it; other kinds of hit are not entities. */
export const entityOf = (n: RawEntity): ExistingEntity | null =>
  n.__typename === "Actor" || n.__typename === "Location"
    ? { id: n.id, name: n.name, nameAr: n.nameAr, kind: n.kind, aliases: n.aliases }
    : null;

/** Actors or places in the graph matching `text` (names and aliases, Arabic or English), best first. */
export async function searchEntities(text: string, kind: NamedKind, signal?: AbortSignal): Promise<ExistingEntity[]> {
  const data = await request(entityCandidatesQuery, { text, kinds: [searchKindOf(kind)], first: 8 }, { signal });
  return data.search.map((hit) => entityOf(hit.node)).filter((e): e is ExistingEntity => e !== null);
}

/** Which of `ids` are already nodes in the graph. */
export async function existingIds(ids: string[], signal?: AbortSignal): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const data = await request(existingIdsQuery, { ids: ids.slice(i, i + 500) }, { signal });
    for (const n of data.nodes) if (n) found.add(n.id);
  }
  return found;
}
