import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runRasd } from "./cli.ts";

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/**
 * The environment for a private managed Neo4j (its own data folder and port),
 * separate from the test runner's shared one: for tests that start, stop or
 * kill it. `cleanup` stops it and removes the folder.
 */
export async function privateManagedEnv(prefix: string) {
  // Inside the test run's work folder when there is one, so a run cut short
  // (Ctrl-C) removes the folder with everything else it made.
  const dataDir = mkdtempSync(join(process.env.RASD_TEST_RUN ?? tmpdir(), `rasd-${prefix}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RASD_DATA_DIR: dataDir,
    RASD_NEO4J_PORT: String(await freePort()),
    RASD_NEO4J_HEAP: "512m",
    RASD_NEO4J_PAGECACHE: "64m",
  };
  delete env.NEO4J_URI;
  delete env.NEO4J_USER;
  delete env.NEO4J_PASSWORD;
  return {
    dataDir,
    env,
    async cleanup() {
      await runRasd(["db", "stop"], env);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
