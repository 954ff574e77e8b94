import type { Statement } from "../db/database.ts";
import { namedSearchTextCypher } from "../model/search-text.ts";
import { ANALYTIC_TIES, type AnalyticTie, CLAIM_LINKS, type ClaimLink } from "../model/vocabulary.ts";
import { spanClassOf } from "./span-class.ts";
import { setTieKeys } from "./tie-keys.ts";
import { countCreated } from "./timeline-counts.ts";
import { unsizedLists } from "./unsized-lists.ts";

/**
 * Cypher for writing one article bundle. Pure: rows in, statements out; the
 * rows are shaped by ingest/bundle-rows.ts. Every MERGE sits on a uniqueness
 * constraint; re-running with the same rows changes nothing. Relationship
 * types come from the vocabulary's allow-lists, never from input. Rows are
 * passed inside a map (cypher/unsized-lists.ts): a bundle's 1, 5 or 40 rows
 * are then one plan, not one per size class.
 */

// Adds the new evidence strings to a relationship's list without duplicates.
const unionEvidence = (v: string) =>
  `${v}.evidence = coalesce(${v}.evidence, []) + [x IN row.evidence WHERE NOT x IN coalesce(${v}.evidence, [])]`;
/** Who asserted what a statement creates (the row's assertedBy and asserter) and when. */
const asserted = (v: string) =>
  `${v}.assertedBy = row.assertedBy, ${v}.asserter = row.asserter, ${v}.assertedAt = datetime()`;
/** A property an analyst set (listed in lockedFields) keeps its value; others fill their gap from the row. */
const fill = (v: string, prop: string, value: string) =>
  `${v}.${prop} = CASE WHEN '${prop}' IN coalesce(${v}.lockedFields, []) THEN ${v}.${prop} ELSE coalesce(${v}.${prop}, ${value}) END`;
/** A tie an analyst removed is remembered on its event or claim (see retractionKey in the vocabulary) and not re-added. */
const notRetracted = (holder: string, key: string) => `NOT (${key}) IN coalesce(${holder}.retracted, [])`;
/**
 * A row the extractor (or an import) asserts must not change what an analyst
 * asserted: analyst rows come from an editor key's review (bundle/analyst-marks.ts).
 */
const byAnalyst = (v: string) => `coalesce(${v}.assertedBy, '') = 'ANALYST'`;
const rowNotAnalyst = "row.assertedBy <> 'ANALYST'";
/** The dates an analyst set in review, locked like the dates of setEventDate. */
const reviewedDates = "['start', 'end', 'precision', 'edtf']";
const unionList = (v: string, prop: string, rowProp: string) =>
  `${v}.${prop} = coalesce(${v}.${prop}, []) + [x IN coalesce(row.${rowProp}, []) WHERE NOT x IN coalesce(${v}.${prop}, [])]`;

/** Rows carry their articleId, so one transaction can hold one bundle or a batch of them. */
export function mergeArticles(rows: unknown[]): Statement {
  return {
    cypher: `UNWIND $lists.rows AS row
MERGE (a:Article {id: row.id})
SET a.url = row.url, a.title = row.title, a.publisher = row.publisher,
    a.language = row.language, a.publishedAt = datetime(row.publishedAt),
    a.text = row.text, a.contentHash = row.contentHash, a.producer = row.producer`,
    params: unsizedLists({ rows }),
  };
}

/** Existing names win: a second article adds aliases and fills gaps, it does not rename. */
function mergeNamed(label: "Actor" | "Location", extra: string): string {
  return `UNWIND $lists.rows AS row
MERGE (n:${label} {id: row.id})
ON CREATE SET n.name = row.name, n.kind = row.kind, ${asserted("n")}
SET ${fill("n", "nameAr", "row.nameAr")}, ${fill("n", "description", "row.description")},
    ${fill("n", "wikidataId", "row.wikidataId")}, ${extra}
    ${unionList("n", "aliases", "aliases")}, ${unionList("n", "normNames", "normNames")},
    n.confidence = CASE WHEN n.confidence IS NULL OR row.confidence > n.confidence THEN row.confidence ELSE n.confidence END
SET n.searchText = ${namedSearchTextCypher("n")}
WITH n, row
MATCH (a:Article {id: row.articleId})
MERGE (a)-[m:MENTIONS]->(n)
SET m.starts = row.starts, m.ends = row.ends, m.confidence = row.confidence`;
}

export function mergeActors(rows: unknown[]): Statement {
  return {
    cypher: mergeNamed("Actor", `${unionList("n", "possiblySameAs", "possiblySameAs")},`),
    params: unsizedLists({ rows }),
  };
}

export function mergeLocations(rows: unknown[]): Statement {
  const point = `n.point = coalesce(n.point, CASE WHEN row.point IS NULL THEN null
      ELSE point({latitude: row.point.latitude, longitude: row.point.longitude}) END),
    n.countryCode = coalesce(n.countryCode, row.countryCode),
    n.geoPrecision = coalesce(n.geoPrecision, row.geoPrecision),
    ${fill("n", "geonamesId", "row.geonamesId")},`;
  return { cypher: mergeNamed("Location", point), params: unsizedLists({ rows }) };
}

export function mergeWithin(rows: unknown[]): Statement {
  return {
    cypher: `UNWIND $lists.rows AS row
MATCH (inner:Location {id: row.from}), (outer:Location {id: row.to})
MERGE (inner)-[r:WITHIN]->(outer)
ON CREATE SET ${asserted("r")}
SET ${unionEvidence("r")}`,
    params: unsizedLists({ rows }),
  };
}

/**
 * Events and the article's report of each. The events this statement creates
 * are added to the timeline aggregates by the same statement: marked
 * `uncounted` ON CREATE (so a re-ingest, or a concurrent ingest of the same
 * event that lost the MERGE race, counts nothing), then counted per (day,
 * type) in one pass at the end — one statement per batch, not one more
 * round trip. `countNew: false` leaves the aggregates alone: only for the
 * benchmark's baseline (bench/ingest/aggregates.ts), never for a real write.
 */
export function mergeEvents(rows: unknown[], options: { countNew?: boolean } = {}): Statement {
  const countNew = options.countNew ?? true;
  return {
    cypher: `UNWIND $lists.rows AS row
MERGE (e:Event {id: row.id})
ON CREATE SET e.type = row.type, e.title = row.title, e.summary = row.summary,
    e.start = CASE WHEN row.start IS NULL THEN null ELSE datetime(row.start) END,
    e.end = CASE WHEN row.end IS NULL THEN null ELSE datetime(row.end) END,
    e.precision = row.precision, e.edtf = row.edtf, e.confidence = row.confidence,
    e.spanClass = ${spanClassOf("datetime(row.start)", "datetime(row.end)")},
    e.searchText = row.searchText,${countNew ? " e.uncounted = true," : ""} ${asserted("e")},
    // What refreshEvents derives from the reports, for an event with this one report: a new event
    // needs no refresh (cypher/resolve.ts), only one that gained a report does.
    e.independentSources = 1, e.reportCount = 1, e.dateConflict = false,
    e.lockedFields = CASE WHEN row.assertedBy = 'ANALYST' THEN ${reviewedDates} ELSE null END
// Another report of a stored event: its wording (often the other language) becomes searchable too.
ON MATCH SET e.searchText = CASE WHEN e.searchText CONTAINS row.searchText THEN e.searchText
    ELSE e.searchText + ' ' + row.searchText END
WITH e, row
CALL (e, row) {
  MATCH (a:Article {id: row.articleId})
  MERGE (a)-[m:REPORTS]->(e)
  SET e.firstReportedAt = coalesce(e.firstReportedAt, a.publishedAt), e.lastReportedAt = coalesce(e.lastReportedAt, a.publishedAt)
  // The article's report as an analyst reviewed it stays so when the article is extracted again.
  WITH m, row WHERE NOT (${byAnalyst("m")} AND ${rowNotAnalyst})
  SET m.starts = row.starts, m.ends = row.ends, m.confidence = row.confidence,
      m.originalId = row.originalId, m.type = row.type, m.title = row.title, m.precision = row.precision, m.edtf = row.edtf,
      m.start = CASE WHEN row.start IS NULL THEN null ELSE datetime(row.start) END,
      m.end = CASE WHEN row.end IS NULL THEN null ELSE datetime(row.end) END,
      m.facts = row.facts, m.resolvedBy = row.resolvedBy, m.score = row.score, m.assertedBy = row.assertedBy
}${countNew ? `\n${countCreated("e")}` : ""}`,
    params: unsizedLists({ rows }),
  };
}

export function mergeParticipants(rows: unknown[]): Statement {
  return {
    cypher: `UNWIND $lists.rows AS row
MATCH (x:Actor {id: row.actor}), (e:Event {id: row.event})
WHERE ${notRetracted("e", "'PARTICIPATED_IN|' + row.actor + '|' + row.role")}
  // An actor's part in an event, once an analyst stated it, is not given another role by extraction.
  AND NOT (${rowNotAnalyst} AND EXISTS { (x)-[p:PARTICIPATED_IN]->(e) WHERE ${byAnalyst("p")} AND p.role <> row.role })
MERGE (x)-[r:PARTICIPATED_IN {role: row.role}]->(e)
ON CREATE SET ${asserted("r")}
SET ${unionEvidence("r")}
${setTieKeys("r", "e", "x")}`,
    params: unsizedLists({ rows }),
  };
}

export function mergeOccurredIn(rows: unknown[]): Statement {
  return {
    cypher: `UNWIND $lists.rows AS row
MATCH (e:Event {id: row.event}), (l:Location {id: row.location})
WHERE ${notRetracted("e", "'OCCURRED_IN|' + row.location")}
MERGE (e)-[r:OCCURRED_IN]->(l)
ON CREATE SET ${asserted("r")}
SET ${unionEvidence("r")}
${setTieKeys("r", "e", "l")}`,
    params: unsizedLists({ rows }),
  };
}

export function mergeClaims(rows: unknown[]): Statement {
  return {
    cypher: `UNWIND $lists.rows AS row
MERGE (c:Claim {id: row.id})
ON CREATE SET c.text = row.text, c.gloss = row.gloss, c.language = row.language,
    c.statedAt = CASE WHEN row.statedAt IS NULL THEN null ELSE datetime(row.statedAt) END,
    c.certainty = row.certainty, c.confidence = row.confidence, c.searchText = row.searchText, ${asserted("c")}
WITH c, row
MATCH (a:Article {id: row.articleId})
MERGE (a)-[m:CONTAINS]->(c)
SET m.starts = row.starts, m.ends = row.ends, m.confidence = row.confidence
WITH c, row
CALL (c, row) {
  MATCH (claimant:Actor {id: row.claimant})
  WHERE ${notRetracted("c", "'MADE|' + row.claimant")}
    // A speaker an analyst gave the claim is its speaker: extraction does not add another.
    AND NOT (${rowNotAnalyst} AND EXISTS { (other:Actor)-[s:MADE]->(c) WHERE ${byAnalyst("s")} AND other <> claimant })
  MERGE (claimant)-[made:MADE]->(c)
  ON CREATE SET ${asserted("made")}
  SET ${unionEvidence("made")}
}
CALL (c, row) {
  MATCH (outlet:Actor {id: row.toldTo})
  MERGE (c)-[t:TOLD_TO]->(outlet)
  ON CREATE SET ${asserted("t")}
  SET ${unionEvidence("t")}
}`,
    params: unsizedLists({ rows }),
  };
}

/** ABOUT targets are split by label so every MATCH uses a constraint index. */
export function mergeAbout(label: "Event" | "Actor" | "Location", rows: unknown[]): Statement {
  return {
    cypher: `UNWIND $lists.rows AS row
MATCH (c:Claim {id: row.claim}), (x:${label} {id: row.target})
WHERE ${notRetracted("c", "'ABOUT|' + row.target")}
MERGE (c)-[r:ABOUT]->(x)
ON CREATE SET ${asserted("r")}
SET ${unionEvidence("r")}`,
    params: unsizedLists({ rows }),
  };
}

export function mergeActorRelations(type: AnalyticTie, rows: unknown[]): Statement {
  if (!ANALYTIC_TIES.includes(type)) throw new Error(`invalid actor relation type: ${type}`);
  return {
    cypher: `UNWIND $lists.rows AS row
MATCH (from:Actor {id: row.from}), (to:Actor {id: row.to})
MERGE (from)-[r:${type}]->(to)
ON CREATE SET ${asserted("r")}
SET ${unionEvidence("r")}, r.confidence = row.confidence`,
    params: unsizedLists({ rows }),
  };
}

export function mergeClaimRelations(type: ClaimLink, rows: unknown[]): Statement {
  if (!CLAIM_LINKS.includes(type)) throw new Error(`invalid claim relation type: ${type}`);
  return {
    cypher: `UNWIND $lists.rows AS row
MATCH (from:Claim {id: row.from}), (to:Claim {id: row.to})
MERGE (from)-[r:${type}]->(to)
ON CREATE SET ${asserted("r")}
SET ${unionEvidence("r")}, r.confidence = row.confidence`,
    params: unsizedLists({ rows }),
  };
}
