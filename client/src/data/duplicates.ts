import { ApiError, graphql, type Issue } from "./api.ts";
import type { ExistingEntity } from "./bundle.ts";
import {
  dismissDuplicatesMutation,
  duplicateSuggestionsQuery,
  mergeEntitiesMutation,
  similarEntitiesQuery,
} from "./queries.ts";

/** Actors or places, as the API's DuplicateKind names them. */
export type DuplicateKind = "ACTOR" | "LOCATION";

export interface DuplicateMember {
  id: string;
  name: string;
  nameAr: string | null;
  aliases: string[];
  kind: string;
  mentionCount: number;
  articleCount: number;
  eventCount: number;
  evidence: { articleTitle: string; quote: string }[];
}

export interface DuplicateGroup {
  id: string;
  score: number;
  reasons: string[];
  members: DuplicateMember[];
  pairs: { a: string; b: string; sharedEventCount: number }[];
}

/** The first page of possible duplicates of a kind, strongest first, and how many there are. */
export async function loadDuplicates(
  kind: DuplicateKind,
  first = 50,
): Promise<{ total: number; groups: DuplicateGroup[] }> {
  const data = await graphql<{ duplicateSuggestions: { totalCount: number; nodes: DuplicateGroup[] } }>(
    duplicateSuggestionsQuery,
    { kind, first },
  );
  return { total: data.duplicateSuggestions.totalCount, groups: data.duplicateSuggestions.nodes };
}

/** Graph nodes whose names look like `name` (either script). */
export async function similarOf(name: string, kind: DuplicateKind, signal?: AbortSignal): Promise<ExistingEntity[]> {
  const data = await graphql<{ similarEntities: ExistingEntity[] }>(similarEntitiesQuery, { name, kind }, { signal });
  return data.similarEntities;
}

type Answer = { __typename: string; message?: string; issues?: Issue[] };

function accepted<T extends Answer>(answer: T): T {
  if (answer.__typename === "ValidationError" || answer.__typename === "NotFoundError")
    throw new ApiError(answer.message ?? answer.__typename, answer.issues ?? []);
  return answer;
}

/** Merges `merge` into `keep` (names become aliases, evidence is kept). */
export async function mergeDuplicates(keep: string, merge: string[], key: string): Promise<void> {
  const data = await graphql<{ mergeEntities: Answer }>(mergeEntitiesMutation, { keep, merge }, { key });
  accepted(data.mergeEntities);
}

/** Records that these are different, so they are not suggested again. */
export async function dismissDuplicates(kind: DuplicateKind, ids: string[], key: string): Promise<void> {
  const data = await graphql<{ dismissDuplicates: Answer }>(dismissDuplicatesMutation, { kind, ids }, { key });
  accepted(data.dismissDuplicates);
}
