import type { Neo4jSettings } from "../config.ts";
import { startManagedNeo4j, stopManagedNeo4j } from "../neo4j-managed/managed-neo4j.ts";
import { Database } from "./database.ts";

export interface Connection {
  db: Database;
  /** "managed" when Rasd runs the Neo4j process, "external" for NEO4J_URI. */
  mode: Neo4jSettings["kind"];
  uri: string;
  /** True when this process started the managed Neo4j (it was not running, e.g. no `rasd db start`). */
  startedHere: boolean;
  /** Closes the driver and stops the managed Neo4j when this process started it; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens the graph: with NEO4J_URI, that server or cluster as it is (nothing is
 * started); otherwise the managed local Neo4j, started when not running. A
 * Neo4j started here is this command's: it runs in the command's process group
 * (Ctrl-C in the terminal reaches it too) and `close` stops it. One started by
 * `rasd db start` is never stopped here.
 */
export async function connect(settings: Neo4jSettings, log: (line: string) => void = () => {}): Promise<Connection> {
  if (settings.kind === "external") {
    const db = new Database(settings.uri, settings.user, settings.password, settings.database);
    try {
      await db.verify();
    } catch (error) {
      await db.close();
      throw error;
    }
    return { db, mode: "external", uri: settings.uri, startedHere: false, close: () => db.close() };
  }
  const running = await startManagedNeo4j(settings, { log });
  let closed: Promise<void> | undefined;
  const db = new Database(running.uri, running.user, running.password, settings.database);
  const close = () => {
    closed ??= (async () => {
      await db.close();
      if (running.startedHere) {
        log("Stopping the Neo4j this command started…");
        await stopManagedNeo4j(settings);
      }
    })();
    return closed;
  };
  try {
    await db.verify();
  } catch (error) {
    await close();
    throw error;
  }
  return { db, mode: "managed", uri: running.uri, startedHere: running.startedHere, close };
}
