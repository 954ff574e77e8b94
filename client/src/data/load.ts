import { graphql } from "./api.ts";
import type { Dataset, TimelineMark } from "./model.ts";
import { capabilitiesQuery, eventsQuery, ingestBundleMutation } from "./queries.ts";
import { type RawEvent, shapeDataset } from "./shape.ts";

/** The most events one request asks for. */
export const pageSize = 1000;

/** Loads the events (with their actors, places, claims and evidence) and shapes them once. */
export async function loadDataset(signal?: AbortSignal): Promise<Dataset> {
  const data = await graphql<{ events: RawEvent[] }>(eventsQuery, { first: pageSize }, { signal });
  return shapeDataset(data.events);
}

/** The root fields the server offers, so optional features show only when the API has them. */
export async function loadCapabilities(): Promise<{ queries: Set<string>; mutations: Set<string> }> {
  try {
    const data = await graphql<{
      __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } | null };
    }>(capabilitiesQuery);
    return {
      queries: new Set(data.__schema.queryType.fields.map((f) => f.name)),
      mutations: new Set(data.__schema.mutationType?.fields.map((f) => f.name) ?? []),
    };
  } catch {
    // Introspection may be off in production: assume the minimal API.
    return { queries: new Set(["events"]), mutations: new Set(["ingestBundle"]) };
  }
}

export interface IngestCounts {
  articleId: string;
  actors: number;
  locations: number;
  events: number;
  claims: number;
}

export async function ingestBundle(bundle: unknown, key: string): Promise<IngestCounts> {
  const data = await graphql<{ ingestBundle: IngestCounts }>(ingestBundleMutation, { bundle }, { key });
  return data.ingestBundle;
}

/** Claims (when stated) and articles (when published) as timeline marks. */
export function timelineMarks(data: Dataset): TimelineMark[] {
  const marks: TimelineMark[] = [];
  for (const c of data.claims)
    if (c.statedAt)
      marks.push({
        id: c.id,
        kind: "claim",
        date: c.statedAt,
        label: `${c.claimant?.name ?? "unattributed"}: ${c.gloss ?? c.text}`,
        detail: c.certainty,
      });
  for (const a of data.articles)
    if (a.publishedAt)
      marks.push({ id: a.id, kind: "article", date: a.publishedAt, label: a.title, detail: a.publisher ?? "" });
  return marks;
}
