import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import neo4j from "neo4j-driver";
import { runRasd } from "../helpers/cli.ts";
import { privateManagedEnv } from "../helpers/managed-env.ts";

// Issue 9 item 1: the launcher set the password at every start, and Neo4j
// refuses "the same password" — the second or third start on one folder failed.
describe("restarting the managed Neo4j on one data folder", () => {
  let managed: Awaited<ReturnType<typeof privateManagedEnv>>;
  before(async () => {
    managed = await privateManagedEnv("restart");
  });
  after(async () => managed.cleanup());

  const session = async <T>(work: (s: neo4j.Session) => Promise<T>): Promise<T> => {
    const password = readFileSync(join(managed.dataDir, "password"), "utf8");
    const driver = neo4j.driver(`bolt://127.0.0.1:${managed.env.RASD_NEO4J_PORT}`, neo4j.auth.basic("neo4j", password));
    const s = driver.session();
    try {
      return await work(s);
    } finally {
      await s.close();
      await driver.close();
    }
  };

  it("start → stop → start → stop → start: every start is ready and the data is still there", async () => {
    for (let round = 1; round <= 3; round++) {
      const started = await runRasd(["db", "start"], managed.env);
      assert.equal(started.code, 0, `start ${round}: ${started.stderr}`);
      assert.match(started.stdout, /Neo4j running \(pid \d+\)/, `start ${round}`);
      if (round === 1) await session((s) => s.run("CREATE (:RestartProbe {round: 1})"));
      const probes = await session((s) => s.run("MATCH (p:RestartProbe) RETURN count(p) AS n"));
      assert.equal(probes.records[0].get("n").toNumber(), 1, `start ${round}: the node written at start 1 is there`);
      if (round < 3) {
        const stopped = await runRasd(["db", "stop"], managed.env);
        assert.match(stopped.stdout, /Neo4j stopped/, `stop ${round}`);
      }
    }
    const log = readFileSync(join(managed.dataDir, "neo4j.log"), "utf8");
    assert.equal(log.match(/RASD_NEO4J_READY/g)?.length, 3, "the launcher finished its setup three times");
    assert.doesNotMatch(log, /RASD_NEO4J_FAILED|cannot be the same/);
  });

  it("applies a changed NEO4J_PASSWORD on the next start, and the old one stops working", async () => {
    await runRasd(["db", "stop"], managed.env);
    const generated = readFileSync(join(managed.dataDir, "password"), "utf8");
    const env = { ...managed.env, NEO4J_PASSWORD: "a-changed-password-1" };
    const started = await runRasd(["db", "start"], env);
    assert.equal(started.code, 0, started.stderr);
    const uri = `bolt://127.0.0.1:${managed.env.RASD_NEO4J_PORT}`;
    const right = neo4j.driver(uri, neo4j.auth.basic("neo4j", "a-changed-password-1"));
    await right.verifyConnectivity();
    await right.close();
    const old = neo4j.driver(uri, neo4j.auth.basic("neo4j", generated));
    await assert.rejects(old.verifyConnectivity(), /unauthorized|authentication/i);
    await old.close();
    await runRasd(["db", "stop"], env);
    const again = await runRasd(["db", "start"], env);
    assert.equal(again.code, 0, `the same password again is not a change: ${again.stderr}`);
  });

  it("a launcher whose setup fails exits non-zero with its message, and the start says so", async () => {
    await runRasd(["db", "stop"], managed.env);
    // A password Neo4j refuses (shorter than its minimum of 8 characters).
    const r = await runRasd(["db", "start"], { ...managed.env, NEO4J_PASSWORD: "short" });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Neo4j setup failed: .*password/i);
    const status = await runRasd(["db", "status"], managed.env);
    assert.match(status.stdout, /^stopped/, "nothing half-started is left running");
  });
});
