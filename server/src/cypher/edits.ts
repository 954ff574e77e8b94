import type { Statement } from "../db/database.ts";
import { namedSearchTextCypher } from "../model/search-text.ts";

/**
 * An analyst's corrections of stored ties and names. Pure: values in,
 * statements out. What an analyst adds carries ANALYST provenance (the key's
 * name, the time); what an analyst removes is remembered in the event's or
 * claim's `retracted` list (the vocabulary's retractionKey) so a re-ingest of
 * the same article does not put it back; a property an analyst sets joins the
 * node's `lockedFields`, which ingest and resolution never overwrite.
 */

const analyst = (v: string) => `${v}.assertedBy = 'ANALYST', ${v}.asserter = $who, ${v}.assertedAt = datetime()`;
const corrected = (v: string) => `${v}.correctedBy = $who, ${v}.correctedAt = datetime()`;
const addTo = (list: string, items: string) =>
  `coalesce(${list}, []) + [k IN ${items} WHERE NOT k IN coalesce(${list}, [])]`;
const removeFrom = (list: string, items: string) => `[k IN coalesce(${list}, []) WHERE NOT k IN ${items}]`;

/** Roles an actor holds in an event, with their provenance, to check an edit first. */
export function participation(event: string, actor: string): Statement {
  return {
    cypher: `OPTIONAL MATCH (e:Event {id: $event})
OPTIONAL MATCH (x:Actor {id: $actor})
RETURN e IS NOT NULL AS event, x IS NOT NULL AS actor,
  [(x)-[r:PARTICIPATED_IN]->(e) | r.role] AS roles`,
    params: { event, actor },
  };
}

/**
 * The actor's part in the event becomes `role`: one tie keeps every span of
 * evidence the old ties had, and the roles it replaces are retracted.
 */
export function setRole(event: string, actor: string, role: string, who: string): Statement {
  return {
    cypher: `MATCH (x:Actor {id: $actor})-[old:PARTICIPATED_IN]->(e:Event {id: $event})
WITH x, e, collect(old) AS olds
WITH x, e, olds, reduce(s = [], o IN olds | s + [v IN coalesce(o.evidence, []) WHERE NOT v IN s]) AS evidence,
  [o IN olds WHERE o.role <> $role | 'PARTICIPATED_IN|' + $actor + '|' + o.role] AS gone
FOREACH (o IN [o IN olds WHERE o.role <> $role] | DELETE o)
MERGE (x)-[r:PARTICIPATED_IN {role: $role}]->(e)
SET r.evidence = evidence, ${analyst("r")},
  e.retracted = ${removeFrom(addTo("e.retracted", "gone"), "['PARTICIPATED_IN|' + $actor + '|' + $role]")}
RETURN r.role AS role`,
    params: { event, actor, role, who },
  };
}

export function addParticipant(event: string, actor: string, role: string, who: string): Statement {
  return {
    cypher: `MATCH (x:Actor {id: $actor}), (e:Event {id: $event})
MERGE (x)-[r:PARTICIPATED_IN {role: $role}]->(e)
ON CREATE SET r.evidence = [], ${analyst("r")}
SET e.retracted = ${removeFrom("e.retracted", "['PARTICIPATED_IN|' + $actor + '|' + $role]")}
RETURN r.role AS role`,
    params: { event, actor, role, who },
  };
}

/** Removes the actor's ties to the event (only `role`'s, when given) and retracts them. */
export function removeParticipant(event: string, actor: string, role: string | null): Statement {
  return {
    cypher: `MATCH (x:Actor {id: $actor})-[r:PARTICIPATED_IN]->(e:Event {id: $event})
WHERE $role IS NULL OR r.role = $role
WITH e, collect(r) AS rs
WITH e, rs, [r IN rs | 'PARTICIPATED_IN|' + $actor + '|' + r.role] AS gone
FOREACH (r IN rs | DELETE r)
SET e.retracted = ${addTo("e.retracted", "gone")}
RETURN size(rs) AS removed`,
    params: { event, actor, role },
  };
}

export function placeOf(event: string, location: string): Statement {
  return {
    cypher: `OPTIONAL MATCH (e:Event {id: $event})
OPTIONAL MATCH (l:Location {id: $location})
RETURN e IS NOT NULL AS event, l IS NOT NULL AS location, EXISTS { (e)-[:OCCURRED_IN]->(l) } AS linked`,
    params: { event, location },
  };
}

export function addEventPlace(event: string, location: string, who: string): Statement {
  return {
    cypher: `MATCH (e:Event {id: $event}), (l:Location {id: $location})
MERGE (e)-[r:OCCURRED_IN]->(l)
ON CREATE SET r.evidence = [], ${analyst("r")}
SET e.retracted = ${removeFrom("e.retracted", "['OCCURRED_IN|' + $location]")}`,
    params: { event, location, who },
  };
}

export function removeEventPlace(event: string, location: string): Statement {
  return {
    cypher: `MATCH (e:Event {id: $event})-[r:OCCURRED_IN]->(l:Location {id: $location})
DELETE r
SET e.retracted = ${addTo("e.retracted", "['OCCURRED_IN|' + $location]")}`,
    params: { event, location },
  };
}

/** A claim's speaker, its events and its certainty, and whether the given ids exist. */
export function claimForEdit(id: string, claimant: string | null, events: string[]): Statement {
  return {
    cypher: `OPTIONAL MATCH (c:Claim {id: $id})
RETURN c IS NOT NULL AS found, c.certainty AS certainty,
  [(a:Actor)-[:MADE]->(c) | a.id] AS claimants,
  [(c)-[:ABOUT]->(e:Event) | e.id] AS events,
  $claimant IS NULL OR EXISTS { MATCH (a:Actor {id: $claimant}) } AS claimantFound,
  [x IN $events WHERE NOT EXISTS { MATCH (e:Event {id: x}) }] AS missingEvents`,
    params: { id, claimant, events },
  };
}

/** The claim was made by `claimant`: the old speakers' evidence moves to the new tie, their ties are retracted. */
export function setClaimant(id: string, claimant: string, who: string): Statement {
  return {
    cypher: `MATCH (c:Claim {id: $id}), (n:Actor {id: $claimant})
OPTIONAL MATCH (old:Actor)-[m:MADE]->(c) WHERE old <> n
WITH c, n, collect(m) AS ms, collect(old.id) AS olds
WITH c, n, ms, olds, reduce(s = [], m IN ms | s + [v IN coalesce(m.evidence, []) WHERE NOT v IN s]) AS evidence
FOREACH (m IN ms | DELETE m)
MERGE (n)-[made:MADE]->(c)
ON CREATE SET made.evidence = [], ${analyst("made")}
SET made.evidence = ${addTo("made.evidence", "evidence")}, ${analyst("made")},
  c.retracted = ${removeFrom(addTo("c.retracted", "[o IN olds | 'MADE|' + o]"), "['MADE|' + $claimant]")}`,
    params: { id, claimant, who },
  };
}

/** The claim is about these events (instead of the ones it was about); actors and places it is about stay. */
export function setClaimEvents(id: string, events: string[], who: string): Statement {
  return {
    cypher: `MATCH (c:Claim {id: $id})
OPTIONAL MATCH (c)-[a:ABOUT]->(old:Event) WHERE NOT old.id IN $events
WITH c, collect(a) AS gone, collect(old.id) AS oldIds
FOREACH (a IN gone | DELETE a)
SET c.retracted = ${removeFrom(addTo("c.retracted", "[o IN oldIds | 'ABOUT|' + o]"), "[e IN $events | 'ABOUT|' + e]")}
WITH c
UNWIND $events AS eventId
MATCH (e:Event {id: eventId})
MERGE (c)-[r:ABOUT]->(e)
ON CREATE SET r.evidence = [], ${analyst("r")}`,
    params: { id, events, who },
  };
}

export function setCertainty(id: string, certainty: string, who: string): Statement {
  return {
    cypher: `MATCH (c:Claim {id: $id})
SET c.certainty = $certainty, c.lockedFields = ${addTo("c.lockedFields", "['certainty']")}, ${corrected("c")}`,
    params: { id, certainty, who },
  };
}

/** An actor's or a place's stored names and identifiers, to check an edit. */
export function namedForEdit(label: "Actor" | "Location", id: string): Statement {
  return {
    cypher: `MATCH (n:${label === "Actor" ? "Actor" : "Location"} {id: $id})
RETURN n.name AS name, n.nameAr AS nameAr, n.kind AS kind, n.wikidataId AS wikidataId, n.geonamesId AS geonamesId,
  coalesce(n.aliases, []) AS aliases`,
    params: { id },
  };
}

/** Other actors or places already holding this Wikidata or GeoNames id. */
export function identifierHolders(
  label: "Actor" | "Location",
  id: string,
  wikidataId: string | null,
  geonamesId: number | null,
): Statement {
  return {
    cypher: `MATCH (n:${label === "Actor" ? "Actor" : "Location"})
WHERE n.id <> $id AND (($wikidataId IS NOT NULL AND n.wikidataId = $wikidataId)
  OR ($geonamesId IS NOT NULL AND n.geonamesId = $geonamesId))
RETURN n.id AS id, n.name AS name LIMIT 5`,
    params: { id, wikidataId, geonamesId },
  };
}

export interface NamedEdit {
  name: string;
  nameAr: string | null;
  kind: string;
  wikidataId: string | null;
  geonamesId: number | null;
  /** Every name the node is found by, and their folded forms (computed where the folding lives). */
  aliases: string[];
  normNames: string[];
  /** The properties this edit set, added to lockedFields. */
  fields: string[];
}

export function updateNamed(label: "Actor" | "Location", id: string, edit: NamedEdit, who: string): Statement {
  return {
    cypher: `MATCH (n:${label === "Actor" ? "Actor" : "Location"} {id: $id})
SET n.name = $edit.name, n.nameAr = $edit.nameAr, n.kind = $edit.kind, n.wikidataId = $edit.wikidataId,
  n.geonamesId = $edit.geonamesId, n.aliases = $edit.aliases,
  n.normNames = ${addTo("n.normNames", "$edit.normNames")},
  n.lockedFields = ${addTo("n.lockedFields", "$edit.fields")}, ${corrected("n")}
SET n.searchText = ${namedSearchTextCypher("n")}
RETURN n.id AS id`,
    params: { id, edit, who },
  };
}
