import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { keepReportedHull } from "../cypher/as-of.ts";
import { rebuildMergedIdLookup } from "../cypher/merged-ids.ts";
import { rebuildSpanClasses } from "../cypher/span-class.ts";
import { rebuildTieKeys } from "../cypher/tie-keys.ts";
import {
  rebuildCarryCounts,
  rebuildSpanCounts,
  rebuildTimelineCounts,
  rebuildYearCounts,
  timelineCountsKept,
} from "../cypher/timeline-counts.ts";
import { repoRoot } from "../paths.ts";
import type { Database } from "./database.ts";

const migrationsDir = join(repoRoot, "schema", "migrations");

/** Splits a migration file into statements; `//` comment lines are dropped. */
export function migrationStatements(source: string): string[] {
  return source
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Applies schema/migrations/*.cypher in name order. Every statement is
 * `IF NOT EXISTS`, so running them at every start is idempotent; schema
 * commands cannot share a transaction with writes, hence one each.
 */
export async function runMigrations(db: Database): Promise<number> {
  const names = readdirSync(migrationsDir)
    .filter((n) => n.endsWith(".cypher"))
    .sort();
  let count = 0;
  for (const name of names) {
    for (const cypher of migrationStatements(readFileSync(join(migrationsDir, name), "utf8"))) {
      await db.write({ cypher }, { metadata: { app: "rasd", migration: name } });
      count++;
    }
  }
  // Full-text and range indexes populate in the background; wait so the first query sees them.
  await db.write({ cypher: "CALL db.awaitIndexes(300)" });
  await ensureTimelineCounts(db);
  await ensureReportedHulls(db);
  await ensureMergedIdLookup(db);
  await ensureSpanClasses(db);
  await ensureTieKeys(db);
  return count;
}

/**
 * A graph whose events predate their span class (cypher/span-class.ts) gets
 * it once, in batches; the candidate search on ingest finds only events that
 * have one. A marker node says it was done, so later starts read one node.
 */
export async function ensureSpanClasses(db: Database): Promise<void> {
  const done = await db.read({ cypher: "MATCH (m:SchemaMark {key: 'span-class'}) RETURN count(m) > 0 AS done" });
  if (done.records[0]?.get("done")) return;
  await db.autoCommit(rebuildSpanClasses(), { metadata: { app: "rasd", operation: "span-class" } });
  await db.write({ cypher: "MERGE (:SchemaMark {key: 'span-class'})" });
}

/**
 * A graph whose ties predate their candidate keys (cypher/tie-keys.ts) gets
 * them once, in batches, after the span classes they copy; the candidate
 * search on ingest finds events only through them. A marker node says it was
 * done, so later starts read one node.
 */
export async function ensureTieKeys(db: Database): Promise<void> {
  // Version 2 added the incident key: a graph keyed by version 1 is keyed again.
  const done = await db.read({
    cypher: "MATCH (m:SchemaMark {key: 'tie-keys'}) WHERE m.version >= $version RETURN count(m) > 0 AS done",
    params: { version: TIE_KEYS_VERSION },
  });
  if (done.records[0]?.get("done")) return;
  await db.autoCommit(rebuildTieKeys(), { metadata: { app: "rasd", operation: "tie-keys" } });
  await db.write({
    cypher: "MERGE (m:SchemaMark {key: 'tie-keys'}) SET m.version = $version",
    params: { version: TIE_KEYS_VERSION },
  });
}

/** The candidate keys' version (cypher/tie-keys.ts TIE_KEY_PROPERTIES): raised when they change, so graphs are keyed again. */
const TIE_KEYS_VERSION = 2;

/**
 * A graph whose actors or places were merged before the lookup of merged-away
 * ids existed (cypher/merged-ids.ts) gets it built once; a marker node says
 * it was done, so later starts read one node.
 */
export async function ensureMergedIdLookup(db: Database): Promise<void> {
  const done = await db.read({ cypher: "MATCH (m:SchemaMark {key: 'merged-id-lookup'}) RETURN count(m) > 0 AS done" });
  if (done.records[0]?.get("done")) return;
  await db.writeAll([...rebuildMergedIdLookup(), { cypher: "MERGE (:SchemaMark {key: 'merged-id-lookup'})" }], {
    metadata: { app: "rasd", operation: "merged-id-lookup" },
  });
}

/**
 * Events merged before the report hull was kept (cypher/as-of.ts) get it
 * once; a marker node says it was done, so later starts read one node.
 */
export async function ensureReportedHulls(db: Database): Promise<void> {
  const done = await db.read({ cypher: "MATCH (m:SchemaMark {key: 'reported-hull'}) RETURN count(m) > 0 AS done" });
  if (done.records[0]?.get("done")) return;
  await db.autoCommit(
    {
      cypher: `MATCH (e:Event) WHERE e.reportCount > 1 OR e.lockedFields IS NOT NULL
CALL (e) {
  ${keepReportedHull("e").replaceAll("\n", "\n  ")}
} IN TRANSACTIONS OF 5000 ROWS`,
    },
    { metadata: { app: "rasd", operation: "reported-hull" } },
  );
  await db.write({ cypher: "MERGE (:SchemaMark {key: 'reported-hull'})" });
}

/**
 * A graph that predates the timeline aggregates (or was loaded by
 * neo4j-admin import) has none yet: count them once, in one transaction.
 * From then on every write path keeps them. A graph whose day counts predate
 * the span histogram, the year running counts or the carried events gets only those counted.
 */
export async function ensureTimelineCounts(db: Database): Promise<void> {
  const r = (await db.read(timelineCountsKept())).records[0];
  const metadata = { app: "rasd", operation: "timeline-counts" };
  if (!r?.get("kept")) await db.writeAll(rebuildTimelineCounts(), { metadata });
  else {
    if (!r.get("spansKept")) await db.writeAll(rebuildSpanCounts(), { metadata });
    if (!r.get("yearsKept")) await db.writeAll(rebuildYearCounts(), { metadata });
    if (!r.get("carryKept")) await db.writeAll(rebuildCarryCounts(), { metadata });
  }
}
