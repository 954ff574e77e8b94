// Which lane a test file runs in, from what it imports (followed through the
// test helpers, not the code under test):
//   unit    — needs neither Neo4j nor Chromium; runs without starting either
//   graph   — needs the throwaway Neo4j (imports server/test/helpers/graph.ts,
//             or helpers/cli.ts, whose `rasd` commands start their own)
//   browser — needs Neo4j, the built client and Chromium (client/test/helpers/browser.ts)
// A new test file lands in the right lane by importing the helper it uses.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";

const GRAPH_HELPERS = ["server/test/helpers/graph.ts", "server/test/helpers/cli.ts"];
const BROWSER_HELPERS = ["client/test/helpers/browser.ts"];
const TEST_DIRS = ["server/test", "client/test"];

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

/** "unit", "graph" or "browser". */
export function laneOf(root, file) {
  const reached = closure(root, file);
  if (BROWSER_HELPERS.some((h) => reached.has(h))) return "browser";
  if (GRAPH_HELPERS.some((h) => reached.has(h))) return "graph";
  return "unit";
}
