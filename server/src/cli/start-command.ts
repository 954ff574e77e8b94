import { buildClientIfNeeded } from "../client-build.ts";
import { loadSettings } from "../config.ts";
import { connect } from "../db/connect.ts";
import { runMigrations } from "../db/migrations.ts";
import { createApp } from "../http/server.ts";
import { superviseManagedNeo4j } from "../neo4j-managed/supervisor.ts";
import { loadSeedIfEmpty } from "../seed.ts";
import { onInterrupt } from "./interrupt.ts";
import { log } from "./log.ts";

/**
 * rasd start: Neo4j (managed or NEO4J_URI), migrations, the seed when the graph
 * is empty, the client built if needed, then one HTTP server on PORT. A managed
 * Neo4j is watched and restarted when it dies. One that this command started
 * is stopped again on exit (Ctrl-C, SIGTERM, or a failed start); one that was
 * already running (rasd db start) is left running.
 */
export async function startCommand(_args: string[] = []): Promise<number> {
  const t0 = Date.now();
  const settings = loadSettings();
  const connection = await connect(settings.neo4j, log);
  const { db, mode, uri } = connection;
  log(`Neo4j (${mode}${connection.startedHere ? ", started by this command" : ""}) at ${uri}`);
  const supervisor =
    settings.neo4j.kind === "managed"
      ? superviseManagedNeo4j(settings.neo4j, { log, owned: connection.startedHere })
      : undefined;
  try {
    await runMigrations(db);
    if (await loadSeedIfEmpty(db)) log("Loaded the seed article (seeds/erem-2024-08-22.bundle.json)");
    await buildClientIfNeeded(log);
  } catch (error) {
    supervisor?.stop();
    await connection.close();
    throw error;
  }
  const server = createApp({ db, settings, neo4jMode: mode });
  const stopRequested = new Promise<void>((resolve) => onInterrupt(resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(settings.port, settings.host, resolve);
    });
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : settings.port;
    log(
      `Rasd is ready in ${((Date.now() - t0) / 1000).toFixed(1)}s: http://${settings.host}:${port}/ (GraphQL at /graphql)`,
    );
    await stopRequested;
    log("Shutting down…");
  } finally {
    supervisor?.stop();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await connection.close();
  }
  return 0;
}
