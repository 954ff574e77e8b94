import type { ArticleBundle } from "../bundle/types.ts";
import * as q from "../cypher/ingest.ts";
import { countCreatedEvents } from "../cypher/timeline-counts.ts";
import type { Database, Statement } from "../db/database.ts";
import { ANALYTIC_TIES, CLAIM_LINKS } from "../model/vocabulary.ts";
import { type ResolvedArticle, resolveAndWrite } from "../resolve/resolve-bundle.ts";
import { addBundleRows, type BundleRows, emptyRows } from "./bundle-rows.ts";

/** Statements for a set of rows, in dependency order (nodes before the ties between them). */
export function ingestStatements(rows: BundleRows): Statement[] {
  return [...entityStatements(rows), ...eventStatements(rows)];
}

/** The article and the actors and places it names: what resolving its events needs in the graph first. */
export function entityStatements(rows: BundleRows): Statement[] {
  const out: Statement[] = [q.mergeArticles(rows.articles)];
  const add = (s: Statement, n: number) => n > 0 && out.push(s);
  add(q.mergeActors(rows.actors), rows.actors.length);
  add(q.mergeLocations(rows.locations), rows.locations.length);
  add(q.mergeWithin(rows.within), rows.within.length);
  return out;
}

/** Events, claims and the ties that name them (after event ids are resolved). */
export function eventStatements(rows: BundleRows): Statement[] {
  const out: Statement[] = [];
  const add = (s: Statement, n: number) => n > 0 && out.push(s);
  add(q.mergeEvents(rows.events), rows.events.length);
  add(countCreatedEvents([...new Set(rows.events.map((e) => e.id))]), rows.events.length);
  add(q.mergeParticipants(rows.participants), rows.participants.length);
  add(q.mergeOccurredIn(rows.occurredIn), rows.occurredIn.length);
  add(q.mergeClaims(rows.claims), rows.claims.length);
  add(q.mergeAbout("Event", rows.about.Event), rows.about.Event.length);
  add(q.mergeAbout("Actor", rows.about.Actor), rows.about.Actor.length);
  add(q.mergeAbout("Location", rows.about.Location), rows.about.Location.length);
  for (const type of ANALYTIC_TIES) {
    const r = rows.actorRelations.get(type);
    if (r?.length) out.push(q.mergeActorRelations(type, r));
  }
  for (const type of CLAIM_LINKS) {
    const r = rows.claimRelations.get(type);
    if (r?.length) out.push(q.mergeClaimRelations(type, r));
  }
  return out;
}

/** Options for {@link writeBundles}. */
export interface WriteOptions {
  /**
   * Resolve each article against the graph (syndication, same-event matching,
   * candidates); default true. Off only for generated data known to hold no
   * duplicates, and for the benchmark's baseline.
   */
  resolve?: boolean;
}

/**
 * Writes already-validated bundles in ONE write transaction (all or nothing).
 * Callers validate first (ingest/ingest-bundle.ts); bulk loaders pass many.
 * With resolution each bundle is resolved and written in turn, so a later
 * bundle of the batch sees the earlier ones.
 */
export async function writeBundles(
  db: Database,
  bundles: ArticleBundle[],
  options: WriteOptions = {},
): Promise<ResolvedArticle[]> {
  const metadata = { app: "rasd", operation: "ingest", articles: bundles.length };
  if (options.resolve === false) {
    const rows = emptyRows();
    for (const b of bundles) addBundleRows(rows, b);
    await db.writeAll(ingestStatements(rows), { metadata });
    return [];
  }
  return db.writeWork(
    async (run) => {
      const out: ResolvedArticle[] = [];
      for (const b of bundles) out.push(await resolveAndWrite(run, b));
      return out;
    },
    { metadata },
  );
}
