// Not a test of its own (no .test.ts): the file server/test/runner/interrupt.test.ts
// has an inner `npm test` run, so that there is something to interrupt. It
// uses the run's Neo4j, starts a detached process as `rasd db start` starts
// its Neo4j (a session of its own, out of reach of a Ctrl-C to the group),
// writes that pid to the run's work folder, and then waits to be interrupted.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { testDatabase } from "../helpers/graph.ts";

test("holds the run open until it is interrupted", async () => {
  const db = await testDatabase();
  await db.autoCommit({ cypher: "RETURN 1" });
  const detached = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], {
    detached: true,
    stdio: "ignore",
  });
  detached.unref();
  writeFileSync(join(process.env.RASD_TEST_RUN ?? "", "hold.pid"), String(detached.pid));
  await new Promise((resolve) => setTimeout(resolve, 600_000));
});
