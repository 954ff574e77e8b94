// Which lane a test file runs in, from what it imports (followed through the
// test helpers, not the code under test):
//   unit     — needs neither Neo4j nor Chromium; runs without starting either
//   graph    — needs the run's shared throwaway Neo4j (imports server/test/helpers/graph.ts)
//   isolated — starts a Neo4j of its own and never touches the shared one
//              (imports helpers/cli.ts or helpers/test-runner.ts but not graph.ts);
//              these run one at a time beside the graph and browser lanes
//   browser  — needs Neo4j, the built client and Chromium (client/test/helpers/browser.ts)
// A new test file lands in the right lane by importing the helper it uses.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

const SHARED_NEO4J_HELPERS = ["server/test/helpers/graph.ts"];
const OWN_NEO4J_HELPERS = [
  "server/test/helpers/cli.ts", // `rasd` commands start a managed Neo4j of their own
  "server/test/helpers/test-runner.ts", // starts scripts/run-tests.mjs, which starts its own
];
const BROWSER_HELPERS = ["client/test/helpers/browser.ts"];
const TEST_DIRS = ["server/test", "client/test"];

/** The file name ending of a generated module that runs a lane's files in one process (run-tests.mjs). */
export const ENTRY_SUFFIX = ".entry.mjs";

/** Every *.test.ts under `dir` (relative to the repository root), sorted. */
export function testFiles(root, dir) {
  let out = [];
  let entries = [];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) out = out.concat(testFiles(root, p));
    else if (name.endsWith(".test.ts")) out.push(p);
  }
  return out.sort();
}

export const allTestFiles = (root) => TEST_DIRS.flatMap((d) => testFiles(root, d));

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"|import\(\s*"(\.[^"]+)"\s*\)/g;

/** The test-side files `file` reaches through relative imports (itself included). */
function closure(root, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!TEST_DIRS.some((d) => file.startsWith(`${d}/`))) return seen; // stop at the code under test
  let text = "";
  try {
    text = readFileSync(join(root, file), "utf8");
  } catch {
    return seen;
  }
  for (const m of text.matchAll(IMPORT)) {
    const target = normalize(join(dirname(file), m[1] ?? m[2]));
    closure(root, target, seen);
  }
  return seen;
}

/** "unit", "graph", "isolated" or "browser". */
export function laneOf(root, file) {
  const reached = closure(root, file);
  if (BROWSER_HELPERS.some((h) => reached.has(h))) return "browser";
  if (SHARED_NEO4J_HELPERS.some((h) => reached.has(h))) return "graph";
  if (OWN_NEO4J_HELPERS.some((h) => reached.has(h))) return "isolated";
  return "unit";
}
