import * as q from "../cypher/ingest.ts";
import type { Statement } from "../db/database.ts";
import { ANALYTIC_TIES, CLAIM_LINKS } from "../model/vocabulary.ts";
import type { BundleRows } from "./bundle-rows.ts";

// The write statements for a bundle's rows, shared by the plain write path and
// resolution (which writes entities first, then events once their ids are resolved).

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
