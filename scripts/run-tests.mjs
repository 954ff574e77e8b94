#!/usr/bin/env node
// `npm test`: lint, type check, then every *.test.ts under server/test and
// client/test with Node's test runner, against a throwaway managed Neo4j (its
// own data folder and port) started here and removed afterwards. Ends with one
// line "N passed, N failed, N skipped" summing all of it.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
const only = process.argv.slice(2); // optional: run only these test files
let passed = 0;
let failed = 0;
let skipped = 0;

function check(name, cmd, args) {
  if (only.length) return;
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status === 0) {
    passed++;
    console.log(`✔ ${name}`);
  } else {
    failed++;
    console.log(`✖ ${name} (exit ${r.status})`);
  }
}

function testFiles(dir) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(testFiles(p));
    else if (name.endsWith(".test.ts")) out.push(relative(root, p));
  }
  return out.sort();
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

check("lint and format (biome check)", "npx", ["biome", "check", "."]);
check("type check (tsc --noEmit)", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);

const { startManagedNeo4j, stopManagedNeo4j } = await import("../server/src/neo4j-managed/managed-neo4j.ts");
const { buildClientIfNeeded } = await import("../server/src/client-build.ts");
await buildClientIfNeeded((l) => console.log(l));

const dataDir = mkdtempSync(join(tmpdir(), "rasd-test-neo4j-"));
const neo = { kind: "managed", dataDir, port: await freePort(), heap: "2g", pageCache: "512m" };
console.log(`Starting a throwaway Neo4j in ${dataDir} on port ${neo.port}…`);
const t0 = Date.now();
let running;
try {
  running = await startManagedNeo4j(neo, { log: (l) => console.log(l) });
  console.log(`Neo4j ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
} catch (error) {
  console.error(`could not start the test Neo4j: ${error.message}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}

const files = only.length ? only : [...testFiles("server/test"), ...testFiles("client/test")];
const tapFile = join(dataDir, "results.tap");
const env = {
  ...process.env,
  TZ: "UTC",
  NEO4J_URI: running.uri,
  NEO4J_USER: running.user,
  NEO4J_PASSWORD: running.password,
  RASD_TEST: "1",
};
delete env.NEO4J_DATABASE;
// One file at a time: integration tests share the one test database and reset it.
const child = spawn(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    "--test-concurrency=1",
    "--test-reporter=spec",
    "--test-reporter-destination=stdout",
    "--test-reporter=tap",
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { stdio: "inherit", env },
);
const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));

await stopManagedNeo4j(neo);
let tap = "";
try {
  tap = readFileSync(tapFile, "utf8");
} catch {}
rmSync(dataDir, { recursive: true, force: true });
const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, "m"))?.[1] ?? 0);
passed += count("pass");
failed += count("fail") + count("cancelled");
skipped += count("skipped") + count("todo");
if (code !== 0 && count("fail") + count("cancelled") === 0) failed++; // the runner itself failed
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
