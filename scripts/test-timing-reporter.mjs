// A node:test reporter that writes, as JSON lines, how long each test file
// took: the sum of its top-level tests' and suites' durations (a suite's
// includes its before/after hooks). scripts/run-tests.mjs reads the lines of
// every lane and prints the slowest files at the end of a run.
import { ENTRY_SUFFIX } from "./test-lanes.mjs";

export default async function* timingReporter(source) {
  const byFile = new Map();
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const { nesting, details } = event.data;
    // A lane run in one process: its top-level suites are the test files, named by path.
    const file = event.data.file?.endsWith(ENTRY_SUFFIX) ? event.data.name : event.data.file;
    if (!file || nesting !== 0) continue;
    byFile.set(file, (byFile.get(file) ?? 0) + (details?.duration_ms ?? 0));
  }
  for (const [file, ms] of byFile) yield `${JSON.stringify({ file, ms: Math.round(ms) })}\n`;
}
