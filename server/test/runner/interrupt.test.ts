import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { processesMentioning, running, startTestRunner } from "../helpers/test-runner.ts";

const fixture = "server/test/runner/hold.fixture.ts";

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
async function until(check: () => boolean, what: string, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// The README's promise for `npm test`: interrupted, it stops its Neo4j and
// removes its temporary folder, whatever it was doing.
describe("npm test cut short stops its Neo4j and removes its folder", () => {
  it("Ctrl-C while a test runs: no process of the run survives, the folder is gone", async () => {
    const runner = startTestRunner([fixture]);
    const [, dataDir] = await runner.waitFor(/Starting a throwaway Neo4j in (\S+) on port/);
    const work = dirname(dataDir);
    const pidFile = join(work, "hold.pid");
    await until(() => existsSync(pidFile) && readFileSync(pidFile, "utf8") !== "", "the test to start");
    const detached = Number(readFileSync(pidFile, "utf8"));
    assert.ok(running(detached), "the test's detached process runs");
    assert.ok(processesMentioning(dataDir).length > 0, "the run's Neo4j runs");

    runner.interruptGroup();
    assert.equal(await runner.exited, 130, runner.output());
    assert.deepEqual(processesMentioning(dataDir), [], "a java process of the run's Neo4j survived");
    assert.equal(running(detached), false, "the test's detached process survived");
    assert.equal(existsSync(work), false, `${work} is left behind`);
  });

  it("SIGTERM to the runner alone while its Neo4j starts: that Neo4j is stopped, the folder is gone", async () => {
    const runner = startTestRunner([fixture]);
    const [, dataDir] = await runner.waitFor(/Starting a throwaway Neo4j in (\S+) on port/);
    await until(() => processesMentioning(dataDir).length > 0, "the Neo4j's java process");

    runner.child.kill("SIGTERM");
    assert.equal(await runner.exited, 143, runner.output());
    assert.deepEqual(processesMentioning(dataDir), [], "a java process of the run's Neo4j survived");
    assert.equal(existsSync(dirname(dataDir)), false, `${dirname(dataDir)} is left behind`);
  });
});
