import { graphql } from "./api.ts";
import type { ExistingEntity, NamedKind } from "./bundle.ts";
import { entityCandidatesQuery, existingIdsQuery } from "./queries.ts";

/** The API's kind for the review's item lists. */
export const searchKindOf = (kind: NamedKind) => (kind === "actors" ? "ACTOR" : "LOCATION");

type RawEntity = {
  __typename: string;
  id?: string;
  name?: string;
  nameAr?: string | null;
  kind?: string;
  aliases?: string[];
};

export const entityOf = (n: RawEntity): ExistingEntity => ({
  id: n.id ?? "",
  name: n.name ?? n.id ?? "",
  nameAr: n.nameAr ?? null,
  kind: n.kind ?? "",
  aliases: n.aliases ?? [],
});

/** Actors or places in the graph matching `text` (names and aliases, Arabic or English), best first. */
export async function searchEntities(text: string, kind: NamedKind, signal?: AbortSignal): Promise<ExistingEntity[]> {
  const data = await graphql<{ search: { node: RawEntity }[] }>(
    entityCandidatesQuery,
    { text, kinds: [searchKindOf(kind)], first: 8 },
    { signal },
  );
  return data.search
    .map((hit) => hit.node)
    .filter((n) => n.id)
    .map(entityOf);
}

/** Which of `ids` are already nodes in the graph. */
export async function existingIds(ids: string[], signal?: AbortSignal): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const data = await graphql<{ nodes: ({ id: string } | null)[] }>(
      existingIdsQuery,
      { ids: ids.slice(i, i + 500) },
      { signal },
    );
    for (const n of data.nodes) if (n) found.add(n.id);
  }
  return found;
}
