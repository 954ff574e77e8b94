/**
 * A subgraph to export, whatever asked for it (GET /export, `rasd export`,
 * the `exportSubgraph` field): export/selection.ts parses requests into one,
 * cypher/export.ts turns one into statements.
 */
export interface Selection {
  /** The whole graph; other selection parameters are refused alongside it. */
  all: boolean;
  /** Seed entity ids (actors, locations, events, claims). */
  ids: string[];
  /** How far to walk from the seeds along entity relationships, 0..3. */
  hops: number;
  /** Events must overlap [from, to] (ISO 8601). */
  from?: string;
  to?: string;
  /** Event types kept. */
  types: string[];
  /** Seed events: those these actors took part in. */
  actors: string[];
  /** Seed events: those that occurred in (or inside) these locations. */
  locations: string[];
  /** Only what had been published by then (ISO 8601): see cypher/as-of.ts. */
  asOf?: string;
}
