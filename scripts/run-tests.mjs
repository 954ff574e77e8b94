#!/usr/bin/env node
// The test runner, in lanes (see scripts/test-lanes.mjs):
//   npm test              lint, type check, import rules, seed-bundle check, the
//                         unit lane, then the graph and browser lanes against a
//                         throwaway managed Neo4j (its own data folder and port)
//                         started here and removed afterwards — also on Ctrl-C
//                         or SIGTERM — and beside them the isolated lane (files
//                         with a Neo4j of their own). Ends with one line
//                         "N passed, N failed, N skipped", after the wall time
//                         by step and the 10 slowest files.
//   npm run test:unit     only the unit lane: no Neo4j, no Chromium, no client build.
//   node scripts/run-tests.mjs FILE…   only these files; Neo4j and the client
//                         build only when one of them needs them.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";
import { RUN_TAG, stopTaggedProcesses } from "./tagged-processes.mjs";
import { allTestFiles, ENTRY_SUFFIX, laneOf } from "./test-lanes.mjs";

register();
const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
const args = process.argv.slice(2);
const unitOnly = args.includes("--unit");
const only = args.filter((a) => !a.startsWith("--")); // optional: run only these test files
const full = !unitOnly && only.length === 0;
const started = Date.now();
let passed = 0;
let failed = 0;
let skipped = 0;

// ---- cleanup on any exit, including Ctrl-C and SIGTERM ---------------------
const children = new Set();
let cleanup = async () => {};
function run(cmd, argv, options = {}) {
  const child = spawn(cmd, argv, { stdio: "inherit", ...options });
  children.add(child);
  return new Promise((resolve) => {
    child.on("error", () => resolve(1));
    child.on("exit", (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the tests and the test Neo4j…`);
    for (const c of children) c.kill("SIGTERM");
    await cleanup();
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

async function check(name, cmd, argv) {
  const code = await timed(name, () => run(cmd, argv));
  if (code === 0) {
    passed++;
    console.log(`✔ ${name}`);
  } else {
    failed++;
    console.log(`✖ ${name} (exit ${code})`);
  }
}

/** How long each step and each test file took, for the summary at the end. */
const timings = { steps: [], files: [] };
const timingsFile = (lane) => join(work, `${lane.replace(/\W+/g, "-")}.timings`);

/** Runs `step`, recording its wall time under `name`. */
async function timed(name, step) {
  const t0 = Date.now();
  try {
    return await step();
  } finally {
    timings.steps.push({ name, ms: Date.now() - t0 });
  }
}

/**
 * One module running `files` in one process, each inside a suite named by its
 * path (so a file's top-level hooks stay its own): each file in a process of
 * its own pays ~4 s of start-up (tsx, the schema, the driver) before its first test.
 */
function entryImporting(files, lane) {
  const entry = join(work, `${lane.replace(/\W+/g, "-")}${ENTRY_SUFFIX}`);
  const suites = files.map(
    (f) =>
      `describe(${JSON.stringify(f)}, async () => { await import(${JSON.stringify(pathToFileURL(join(root, f)).href)}); });\n`,
  );
  writeFileSync(entry, `import { describe } from "node:test";\n${suites.join("")}`);
  return entry;
}

/** Runs test files with Node's runner; its TAP summary is added to the totals. */
async function runFiles(files, { concurrency, env, tapFile, lane, specFile, oneProcess = false }) {
  if (files.length === 0) return;
  const code = await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "--test",
      `--test-concurrency=${concurrency}`,
      "--test-reporter=spec",
      `--test-reporter-destination=${specFile ?? "stdout"}`,
      "--test-reporter=tap",
      `--test-reporter-destination=${tapFile}`,
      "--test-reporter=./scripts/test-timing-reporter.mjs",
      `--test-reporter-destination=${timingsFile(lane)}`,
      ...(oneProcess ? [entryImporting(files, lane)] : files),
    ],
    { env },
  );
  let tap = "";
  try {
    tap = readFileSync(tapFile, "utf8");
  } catch {}
  const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, "m"))?.[1] ?? 0);
  passed += count("pass");
  failed += count("fail") + count("cancelled");
  skipped += count("skipped") + count("todo");
  if (code !== 0 && count("fail") + count("cancelled") === 0) failed++; // the runner itself failed
  try {
    for (const line of readFileSync(timingsFile(lane), "utf8").split("\n").filter(Boolean))
      timings.files.push({ ...JSON.parse(line), lane });
  } catch {}
}

/** The steps' wall times and the slowest test files, printed before the totals. */
function printTimings() {
  const s = (ms) => `${(ms / 1000).toFixed(1)}s`.padStart(7);
  if (timings.steps.length) {
    console.log("\nWall time by step:");
    for (const { name, ms } of timings.steps) console.log(`${s(ms)}  ${name}`);
  }
  const slowest = [...timings.files].sort((a, b) => b.ms - a.ms).slice(0, 10);
  if (slowest.length) {
    console.log("Slowest test files (time in their tests and hooks):");
    for (const { file, ms, lane } of slowest) console.log(`${s(ms)}  ${relative(root, file)} (${lane})`);
  }
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** One unless measured otherwise (README, "Tests"): several shards compete for the same cores. */
const DEFAULT_SHARDS = 1;

/**
 * Splits files into `n` shards of about equal expected time, longest first onto the
 * lightest shard. Expected time: browser files (Chromium, the app) weigh three times a
 * graph file of the same size; a file's size stands for how much it does.
 */
function splitIntoShards(list, n) {
  const weight = (f) => {
    let size = 1;
    try {
      size = statSync(join(root, f)).size;
    } catch {}
    return size * (laneOf(root, f) === "browser" ? 3 : 1);
  };
  const out = Array.from({ length: n }, () => ({ files: [], load: 0 }));
  for (const f of [...list].sort((a, b) => weight(b) - weight(a))) {
    const lightest = out.reduce((a, b) => (b.load < a.load ? b : a));
    lightest.files.push(f);
    lightest.load += weight(f);
  }
  return out.map((x) => x.files);
}

const files = only.length ? only : allTestFiles(root);
const lanes = { unit: [], graph: [], isolated: [], browser: [] };
for (const f of files) lanes[laneOf(root, f)].push(f);
if (unitOnly) lanes.graph = lanes.isolated = lanes.browser = [];
const needsNeo4j = lanes.graph.length + lanes.browser.length > 0;

const work = mkdtempSync(join(tmpdir(), "rasd-test-"));
// Every process this run starts inherits the tag, so cleanup finds them all (tagged-processes.mjs).
process.env[RUN_TAG] = work;
const baseEnv = { ...process.env, TZ: "UTC" };
delete baseEnv.NEO4J_DATABASE;
// Set when this runner is itself started from inside a test (interrupt.test.ts does): a
// `node --test` that inherits it takes itself for a child of that outer run and never
// runs its files the way a terminal's `npm test` does.
delete baseEnv.NODE_TEST_CONTEXT;

// The graph and browser lanes are split into shards, each with a throwaway Neo4j of its
// own, run side by side (their files share a database and reset it, so one file at a
// time per database). RASD_TEST_SHARDS sets how many; see the README for the measurement
// behind the default.
const shardCount = Math.max(1, Math.min(4, Number(process.env.RASD_TEST_SHARDS ?? DEFAULT_SHARDS) || 1));
const sharedFiles = [...lanes.graph, ...lanes.browser];
const shards = splitIntoShards(sharedFiles, Math.min(shardCount, Math.max(1, sharedFiles.length)));

// The throwaway Neo4j servers start first and boot while the checks and the unit lane run.
const neos = shards.map((_, i) => ({
  kind: "managed",
  dataDir: join(work, i === 0 ? "neo4j" : `neo4j-${i + 1}`),
  heap: "2g",
  pageCache: "512m",
}));
let neo4jReady = [];
const { startManagedNeo4j, stopManagedNeo4j } = await import("../server/src/neo4j-managed/managed-neo4j.ts");
cleanup = async () => {
  await Promise.all(neos.map((neo) => stopManagedNeo4j(neo).catch(() => {})));
  // Whatever the tests left running when they were cut short: their servers,
  // Chromium, the private Neo4j servers of the CLI tests.
  await stopTaggedProcesses(work);
  rmSync(work, { recursive: true, force: true });
};
if (needsNeo4j) {
  neo4jReady = neos.map(async (neo) => {
    neo.port = await freePort();
    console.log(`Starting a throwaway Neo4j in ${neo.dataDir} on port ${neo.port}…`);
    const t0 = Date.now();
    return startManagedNeo4j(neo, { log: (l) => console.log(l), timeoutMs: 300_000 }).then(
      (running) => {
        console.log(`Neo4j ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
        return running;
      },
      (error) => ({ error }),
    );
  });
}

if (full) {
  await check("lint and format (biome check)", "npx", ["biome", "check", "."]);
  await check("type check (tsc --noEmit)", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
  await check("import rules (dependency-cruiser: no cycles, no upward imports)", "npx", [
    "depcruise",
    "--config",
    ".dependency-cruiser.cjs",
    "server/src",
    "client/src",
    "scripts",
    "seeds",
    "bench",
  ]);
  await check("seed bundle is up to date (build-seed-bundle --check)", process.execPath, [
    "--import",
    "tsx",
    "seeds/tools/build-seed-bundle.ts",
    "--check",
  ]);
}

// Unit tests share nothing, so they run side by side.
const unitEnv = { ...baseEnv };
for (const k of ["NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"]) delete unitEnv[k];
await timed("unit lane", () =>
  runFiles(lanes.unit, {
    concurrency: Math.max(1, availableParallelism()),
    env: unitEnv,
    tapFile: join(work, "unit.tap"),
    lane: "unit",
  }),
);

// Files that start a Neo4j of their own run one at a time beside the graph and
// browser lanes (they never touch the shared database); their report is
// printed whole when they are done, so it does not interleave with the others'.
const isolatedEnv = { ...unitEnv };
const isolatedSpec = join(work, "isolated.spec");
const isolatedDone = timed("isolated lane (own Neo4j; beside the graph and browser lanes)", async () => {
  await runFiles(lanes.isolated, {
    concurrency: 1,
    env: isolatedEnv,
    tapFile: join(work, "isolated.tap"),
    lane: "isolated",
    specFile: isolatedSpec,
  });
  if (lanes.isolated.length) {
    console.log("\n── isolated lane (own Neo4j) ──");
    try {
      process.stdout.write(readFileSync(isolatedSpec, "utf8"));
    } catch {}
  }
});

if (needsNeo4j) {
  if (lanes.browser.length) {
    const { buildClientIfNeeded } = await import("../server/src/client-build.ts");
    await timed("client build (when stale)", () => buildClientIfNeeded((l) => console.log(l)));
  }
  const servers = await timed("waiting for the test Neo4j", () => Promise.all(neo4jReady));
  const broken = servers.find((r) => !r || r.error);
  if (broken) {
    console.error(`could not start the test Neo4j: ${broken?.error?.message}`);
    failed++;
  } else {
    await timed(`graph and browser lanes (${shards.length} shard${shards.length === 1 ? "" : "s"} side by side)`, () =>
      Promise.all(
        shards.map(async (shardFiles, i) => {
          const running = servers[i];
          // The first shard reports as it goes; the others' reports are printed whole at the end.
          const specFile = i === 0 ? undefined : join(work, `graph-${i + 1}.spec`);
          await runFiles(shardFiles, {
            concurrency: 1,
            env: {
              ...baseEnv,
              NEO4J_URI: running.uri,
              NEO4J_USER: running.user,
              NEO4J_PASSWORD: running.password,
              RASD_TEST: "1",
            },
            tapFile: join(work, `graph-${i + 1}.tap`),
            lane: shards.length === 1 ? "graph/browser" : `graph/browser ${i + 1}`,
            specFile,
            // A file's own process again with RASD_TEST_ONE_PROCESS=0 (README, "The two commands").
            oneProcess: process.env.RASD_TEST_ONE_PROCESS !== "0",
          });
          return specFile;
        }),
      ).then((specFiles) => {
        for (const [i, specFile] of specFiles.entries()) {
          if (!specFile) continue;
          console.log(`\n── graph and browser lanes, shard ${i + 1} ──`);
          try {
            process.stdout.write(readFileSync(specFile, "utf8"));
          } catch {}
        }
      }),
    );
  }
}

await isolatedDone;
// Interrupted: the signal handler is stopping everything and exits with 130/143.
if (stopping) await new Promise(() => {});
printTimings();
await cleanup();
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped (${seconds}s)`);
process.exit(failed === 0 ? 0 : 1);
