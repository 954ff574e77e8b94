import type { Neo4jSettings } from "../config.ts";
import { startManagedNeo4j } from "../neo4j-managed/managed-neo4j.ts";
import { Database } from "./database.ts";

export interface Connection {
  db: Database;
  /** "managed" when Rasd runs the Neo4j process, "external" for NEO4J_URI. */
  mode: Neo4jSettings["kind"];
  uri: string;
}

/**
 * Opens the graph: with NEO4J_URI, that server or cluster as it is (nothing is
 * started); otherwise the managed local Neo4j, started when not running.
 */
export async function connect(settings: Neo4jSettings, log: (line: string) => void = () => {}): Promise<Connection> {
  if (settings.kind === "external") {
    const db = new Database(settings.uri, settings.user, settings.password, settings.database);
    await db.verify();
    return { db, mode: "external", uri: settings.uri };
  }
  const running = await startManagedNeo4j(settings, { log, detached: true });
  const db = new Database(running.uri, running.user, running.password, settings.database);
  await db.verify();
  return { db, mode: "managed", uri: running.uri };
}
