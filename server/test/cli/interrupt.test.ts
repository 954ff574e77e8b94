import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { runRasd, startRasd } from "../helpers/cli.ts";
import { privateManagedEnv } from "../helpers/managed-env.ts";

// The README's promise: Ctrl-C stops the server and the Neo4j it started; a
// Neo4j started with `rasd db start` is left running. (Ctrl-C of a `rasd
// start` that started its own Neo4j is in client/test/outage.browser.test.ts.)
describe("Ctrl-C of rasd start with a Neo4j from rasd db start", () => {
  let managed: Awaited<ReturnType<typeof privateManagedEnv>>;
  before(async () => {
    managed = await privateManagedEnv("interrupt");
  });
  after(async () => managed.cleanup());

  it("stops the server and leaves that Neo4j running", async () => {
    const started = await runRasd(["db", "start"], managed.env);
    assert.equal(started.code, 0, started.stderr);
    const pid = Number(/pid (\d+)/.exec(started.stdout)?.[1]);

    const env = { ...managed.env, PORT: "0" };
    const rasd = startRasd(["start"], env, /ready in [\d.]+s: (http:\/\/[^/]+)\//, 900_000, true);
    const [, base] = await rasd.match;
    assert.match(rasd.output(), /Neo4j \(managed\) at bolt:/, "it found the running Neo4j");
    assert.equal((await fetch(`${base}/healthz`)).status, 200);

    rasd.interruptGroup();
    assert.equal(await rasd.exited, 0, rasd.output());
    assert.match(rasd.output(), /Shutting down/);
    assert.doesNotMatch(rasd.output(), /Stopping the Neo4j/);
    await new Promise((r) => setTimeout(r, 3000)); // a stop would have begun by now
    const status = await runRasd(["db", "status"], managed.env);
    assert.match(status.stdout, new RegExp(`^running \\(pid ${pid}\\)`), "the same Neo4j is still running");
  });
});
