import { Database } from "../../src/db/database.ts";
import { runMigrations } from "../../src/db/migrations.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { seedBundle } from "./seed.ts";

/**
 * The test database: the throwaway Neo4j that scripts/run-tests.mjs started
 * (NEO4J_URI etc.). Tests in a file share it; files run one at a time.
 */
export async function testDatabase(): Promise<Database> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error("NEO4J_URI is not set: run the tests with `npm test` (it starts a throwaway Neo4j)");
  const db = new Database(uri, process.env.NEO4J_USER ?? "neo4j", process.env.NEO4J_PASSWORD ?? "");
  await runMigrations(db);
  return db;
}

/** Empties the throwaway test graph (never pointed at a real one: the runner sets NEO4J_URI itself). */
export async function resetGraph(db: Database): Promise<void> {
  if (process.env.RASD_TEST !== "1") throw new Error("refusing to empty a graph outside the test runner");
  // Relationships first, in batches: DETACH DELETE of a synthetic actor with
  // tens of thousands of ties would hold them all in one transaction.
  await db.autoCommit({ cypher: "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS" });
  await db.autoCommit({ cypher: "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS" });
}

/** Empties the test graph and loads the hand-checked seed bundle into it. */
export async function loadSeed(db: Database): Promise<void> {
  await resetGraph(db);
  await ingestBundle(db, seedBundle());
}

/** The test database, emptied (the usual `before()` of a test that loads its own data). */
export async function emptyDatabase(): Promise<Database> {
  const db = await testDatabase();
  await resetGraph(db);
  return db;
}

/** The test database holding exactly the seed graph (the usual `before()` of a test over the seed). */
export async function seededDatabase(): Promise<Database> {
  const db = await testDatabase();
  await loadSeed(db);
  return db;
}
