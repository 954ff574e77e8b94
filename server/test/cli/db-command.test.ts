import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import neo4j from "neo4j-driver";
import { runRasd } from "../helpers/cli.ts";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

// The real managed path: a second Neo4j with its own data folder and port.
describe("rasd db start|status|stop (the managed local Neo4j)", () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "rasd-db-test-"));
    env = {
      ...process.env,
      RASD_DATA_DIR: dataDir,
      RASD_NEO4J_PORT: String(await freePort()),
      RASD_NEO4J_HEAP: "512m",
    };
    delete env.NEO4J_URI;
    delete env.NEO4J_PASSWORD;
  });
  after(async () => {
    await runRasd(["db", "stop"], env);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("starts Neo4j on 127.0.0.1 with a generated owner-only password, reports it, and stops it", async () => {
    const started = await runRasd(["db", "start"], env);
    assert.equal(started.code, 0, started.stderr);
    assert.match(started.stdout, /Neo4j running \(pid \d+\) at bolt:\/\/127\.0\.0\.1:\d+/);
    const mode = statSync(join(dataDir, "password")).mode & 0o777;
    assert.equal(mode, 0o600, "the password file is readable by its owner only");

    const status = await runRasd(["db", "status"], env);
    assert.equal(status.code, 0);
    assert.match(status.stdout, /^running/);

    const { readFileSync } = await import("node:fs");
    const password = readFileSync(join(dataDir, "password"), "utf8");
    const uri = `bolt://127.0.0.1:${env.RASD_NEO4J_PORT}`;
    const wrong = neo4j.driver(uri, neo4j.auth.basic("neo4j", "not-the-password"));
    await assert.rejects(wrong.verifyConnectivity(), /unauthorized|authentication/i, "authentication is on");
    await wrong.close();
    const right = neo4j.driver(uri, neo4j.auth.basic("neo4j", password));
    await right.verifyConnectivity();
    await right.close();

    const again = await runRasd(["db", "start"], env);
    assert.equal(again.code, 0, "starting twice finds the running instance");

    const stopped = await runRasd(["db", "stop"], env);
    assert.match(stopped.stdout, /Neo4j stopped/);
    const after = await runRasd(["db", "status"], env);
    assert.match(after.stdout, /^stopped/);
  });

  it("fails at once with a clear message when the port is taken", async () => {
    const port = await freePort();
    const blocker: Server = createServer().listen(port, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      const r = await runRasd(["db", "start"], { ...env, RASD_NEO4J_PORT: String(port) });
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is taken`));
    } finally {
      blocker.close();
    }
  });

  it("fails at once with a clear message when Java is missing", async () => {
    const r = await runRasd(["db", "start"], { ...env, JAVA_HOME: "/nonexistent-jdk" });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Java was not found \(tried "\/nonexistent-jdk\/bin\/java"\)/);
  });

  it("refuses to manage anything when NEO4J_URI points elsewhere", async () => {
    const r = await runRasd(["db", "start"], { ...env, NEO4J_URI: "bolt://127.0.0.1:1" });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /NEO4J_URI is set/);
  });
});
