import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { progress } from "../../src/cli/log.ts";
import { runRasd } from "../helpers/cli.ts";
import { privateManagedEnv } from "../helpers/managed-env.ts";

describe("rasd ingest checks its files before it starts Neo4j", () => {
  let managed: Awaited<ReturnType<typeof privateManagedEnv>>;
  before(async () => {
    managed = await privateManagedEnv("ingest-check");
  });
  after(async () => managed.cleanup());

  it("an empty file is refused by name and no Neo4j is started", async () => {
    const empty = join(managed.dataDir, "empty.txt");
    writeFileSync(empty, "  \n");
    const r = await runRasd(["ingest", empty], managed.env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`${empty}: the file is empty`));
    assert.match(r.stderr, /nothing to ingest/);
    assert.doesNotMatch(r.stderr, /Starting Neo4j/);
    assert.ok(!existsSync(join(managed.dataDir, "dbms")), "no store was created");
    assert.match((await runRasd(["db", "status"], managed.env)).stdout, /^stopped/);
  });

  it("a missing file, an article without a title and a broken bundle are each named, still without Neo4j", async () => {
    const untitled = join(managed.dataDir, "untitled.txt");
    writeFileSync(untitled, "publisher: Somewhere\npublished: 2024-08-22\n---\nA body without a title.");
    const broken = join(managed.dataDir, "broken.bundle.json");
    writeFileSync(broken, JSON.stringify({ bundleVersion: 1, events: "no" }));
    const r = await runRasd(["ingest", join(managed.dataDir, "nope.txt"), untitled, broken], managed.env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /nope\.txt: no such file/);
    assert.match(r.stderr, /untitled\.txt: .*title/);
    assert.match(r.stderr, /broken\.bundle\.json: invalid article bundle/);
    assert.match(r.stderr, /all 3 files were refused/);
    assert.ok(!existsSync(join(managed.dataDir, "dbms")), "no store was created");
  });

  it("a Neo4j that ingest starts is stopped when it is done — after a stored file and after a refused one", async () => {
    const broken = join(managed.dataDir, "broken.bundle.json");
    const r = await runRasd(["ingest", "seeds/erem-2024-08-22.bundle.json", broken], managed.env);
    assert.equal(r.code, 1, "one file refused");
    assert.match(r.stderr, /erem-2024-08-22\.bundle\.json: .* events/);
    assert.match(r.stderr, /Stopping the Neo4j this command started/);
    assert.match((await runRasd(["db", "status"], managed.env)).stdout, /^stopped/);
  });

  it("Ctrl-C while ingest is starting Neo4j leaves no Neo4j running", async () => {
    const { startRasd } = await import("../helpers/cli.ts");
    const rasd = startRasd(["ingest", "seeds/erem-2024-08-22.bundle.json"], managed.env, /Starting Neo4j/);
    await rasd.match;
    rasd.child.kill("SIGINT"); // the node process only (a terminal would signal the whole group)
    assert.equal(await rasd.exited, 130);
    // The exit hook sent the launcher SIGTERM; its clean shutdown takes a moment.
    const deadline = Date.now() + 120_000;
    let pidGone = false;
    while (!pidGone && Date.now() < deadline) {
      const { execFileSync } = await import("node:child_process");
      const launchers = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" })
        .split("\n")
        .filter((l) => l.includes("rasd.neo4j.Launcher") && l.includes(managed.dataDir));
      pidGone = launchers.length === 0;
      if (!pidGone) await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(pidGone, "the launcher it started has exited");
    assert.match((await runRasd(["db", "status"], managed.env)).stdout, /^stopped/);
  });
});

describe("rasd extract on a bundle", () => {
  it("says the file is a bundle and how to store it, not that the title is missing", async () => {
    const r = await runRasd(["extract", "seeds/erem-2024-08-22.bundle.json"], process.env);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /is an article bundle .*not an article.*rasd ingest/);
    assert.doesNotMatch(r.stderr, /title/);
  });
});

describe("progress without a terminal", () => {
  const capture = (run: () => void): string[] => {
    const lines: string[] = [];
    const write = process.stderr.write;
    const tty = process.stderr.isTTY;
    process.stderr.isTTY = false;
    process.stderr.write = ((chunk: string) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      run();
    } finally {
      process.stderr.write = write;
      process.stderr.isTTY = tty;
    }
    return lines;
  };

  it("writes one line per 10 % (97 files: 10 lines, the last one 97/97), not one per file", () => {
    const lines = capture(() => {
      const bar = progress(97, "ingest", () => 0);
      for (let i = 0; i < 97; i++) bar.tick();
      bar.end();
    });
    assert.equal(lines.length, 10, lines.join(""));
    assert.equal(lines.at(-1), "ingest 97/97 (100%)\n");
  });

  it("and a line every 5 s when the steps are slow", () => {
    let clock = 0;
    const lines = capture(() => {
      const bar = progress(10_000, "export", () => clock);
      for (let i = 0; i < 20; i++) {
        clock += 1000;
        bar.tick();
      }
    });
    assert.deepEqual(lines, [
      "export 5/10000 (0%)\n",
      "export 10/10000 (0%)\n",
      "export 15/10000 (0%)\n",
      "export 20/10000 (0%)\n",
    ]);
  });
});
