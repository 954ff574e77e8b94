import type { AddressInfo } from "node:net";
import { loadSettings, type Settings } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import { createApp } from "../../src/http/server.ts";

/**
 * Starts the real HTTP app on a free port; returns its base URL and a stop
 * function. Rate limits are off unless a test sets them: tests send requests
 * far faster than anyone would.
 */
export async function startTestApp(db: Database, overrides: Partial<Settings> = {}) {
  const defaults = loadSettings({ ...process.env, PORT: "0" });
  const settings = { ...defaults, rateLimits: { extract: 0, ingest: 0, export: 0 }, ...overrides };
  const server = createApp({ db, settings, neo4jMode: "external" });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
