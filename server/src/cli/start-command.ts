import { buildClientIfNeeded } from "../client-build.ts";
import { loadSettings } from "../config.ts";
import { connect } from "../db/connect.ts";
import { runMigrations } from "../db/migrations.ts";
import { createApp } from "../http/server.ts";
import { managedStatus, stopManagedNeo4j } from "../neo4j-managed/managed-neo4j.ts";
import { loadSeedIfEmpty } from "../seed.ts";
import { log } from "./log.ts";

/**
 * rasd start: Neo4j (managed or NEO4J_URI), migrations, the seed when the graph
 * is empty, the client built if needed, then one HTTP server on PORT. A managed
 * Neo4j that this command started is stopped again on exit; one that was
 * already running (rasd db start) is left running.
 */
export async function startCommand(_args: string[] = []): Promise<number> {
  const t0 = Date.now();
  const settings = loadSettings();
  const wasRunning = settings.neo4j.kind === "managed" && managedStatus(settings.neo4j).running;
  const { db, mode, uri } = await connect(settings.neo4j, log);
  log(`Neo4j (${mode}) at ${uri}`);
  await runMigrations(db);
  if (await loadSeedIfEmpty(db)) log("Loaded the seed article (seeds/erem-2024-08-22.bundle.json)");
  await buildClientIfNeeded(log);
  const server = createApp({ db, settings, neo4jMode: mode });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.port;
  log(
    `Rasd is ready in ${((Date.now() - t0) / 1000).toFixed(1)}s: http://${settings.host}:${port}/ (GraphQL at /graphql)`,
  );

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  log("Shutting down…");
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await db.close();
  if (settings.neo4j.kind === "managed" && !wasRunning) await stopManagedNeo4j(settings.neo4j);
  return 0;
}
