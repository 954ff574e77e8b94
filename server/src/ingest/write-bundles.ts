import type { ArticleBundle } from "../bundle/types.ts";
import * as q from "../cypher/ingest.ts";
import { countCreatedEvents } from "../cypher/timeline-counts.ts";
import type { Database, Statement } from "../db/database.ts";
import { ANALYTIC_TIES, CLAIM_LINKS } from "../model/vocabulary.ts";
import { addBundleRows, type BundleRows, emptyRows } from "./bundle-rows.ts";

/** Statements for a set of rows, in dependency order (nodes before the ties between them). */
export function ingestStatements(rows: BundleRows): Statement[] {
  const out: Statement[] = [q.mergeArticles(rows.articles)];
  const add = (s: Statement, n: number) => n > 0 && out.push(s);
  add(q.mergeActors(rows.actors), rows.actors.length);
  add(q.mergeLocations(rows.locations), rows.locations.length);
  add(q.mergeWithin(rows.within), rows.within.length);
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

/**
 * Writes already-validated bundles in ONE write transaction (all or nothing).
 * Callers validate first (ingest/ingest-bundle.ts); bulk loaders pass many.
 */
export async function writeBundles(db: Database, bundles: ArticleBundle[]): Promise<void> {
  const rows = emptyRows();
  for (const b of bundles) addBundleRows(rows, b);
  await db.writeAll(ingestStatements(rows), {
    metadata: { app: "rasd", operation: "ingest", articles: bundles.length },
  });
}
