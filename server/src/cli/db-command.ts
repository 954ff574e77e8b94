import { loadSettings } from "../config.ts";
import { connect } from "../db/connect.ts";
import { runMigrations } from "../db/migrations.ts";
import { managedStatus, startManagedNeo4j, stopManagedNeo4j } from "../neo4j-managed/managed-neo4j.ts";
import { log } from "./log.ts";

/** rasd db start|stop|status|migrate */
export async function dbCommand(args: string[]): Promise<number> {
  const settings = loadSettings();
  const [action] = args;
  if (action === "migrate") {
    const connection = await connect(settings.neo4j, log);
    try {
      log(`applied ${await runMigrations(connection.db)} schema statements`);
    } finally {
      await connection.close();
    }
    return 0;
  }
  if (settings.neo4j.kind === "external") {
    if (action === "status") {
      const connection = await connect(settings.neo4j);
      await connection.close();
      const { uri } = connection;
      console.log(`external Neo4j at ${uri} (NEO4J_URI): reachable`);
      return 0;
    }
    throw new Error(`NEO4J_URI is set (${settings.neo4j.uri}): Rasd does not manage that server`);
  }
  const neo = settings.neo4j;
  switch (action) {
    case "start": {
      const running = await startManagedNeo4j(neo, { log, detached: true });
      console.log(`Neo4j running (pid ${running.pid}) at ${running.uri}; data in ${neo.dataDir}`);
      return 0;
    }
    case "stop":
      console.log((await stopManagedNeo4j(neo)) ? "Neo4j stopped" : "Neo4j was not running");
      return 0;
    case "status": {
      const s = managedStatus(neo);
      console.log(
        s.running ? `running (pid ${s.pid}) at ${s.uri}; data in ${s.dataDir}` : `stopped; data in ${s.dataDir}`,
      );
      return s.running ? 0 : 3;
    }
    default:
      throw new Error(`expected "rasd db start", "rasd db stop" or "rasd db status", got "${args.join(" ")}"`);
  }
}
