// Finds and stops every process one test run started, wherever it ended up in
// the process tree. The run puts RASD_TEST_RUN=<its work folder> in its own
// environment; every child inherits it — the test files, the servers and
// Chromium they start, and the Neo4j servers `rasd db start` detaches into a
// session of their own, which neither a process-group signal nor the test's
// own after() (it never runs when the test process is killed) would reach.
// Linux only (/proc); elsewhere nothing is found and nothing is stopped.
import { existsSync, readdirSync, readFileSync } from "node:fs";

export const RUN_TAG = "RASD_TEST_RUN";

/** Pids of live processes (not this one) whose environment carries RASD_TEST_RUN=tag. */
export function taggedProcesses(tag) {
  if (!existsSync("/proc")) return [];
  const mark = `${RUN_TAG}=${tag}`;
  const found = [];
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      // A zombie's environ is empty, so only processes that still run are found.
      if (readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(mark)) found.push(pid);
    } catch {} // gone meanwhile, or not ours to read
  }
  return found;
}

const signal = (pid, sig) => {
  try {
    process.kill(pid, sig);
  } catch {}
};

/** SIGTERM to every tagged process (a clean shutdown), SIGKILL to any still running after `graceMs`. */
export async function stopTaggedProcesses(tag, graceMs = 15_000) {
  let pids = taggedProcesses(tag);
  for (const pid of pids) signal(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (pids.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    pids = taggedProcesses(tag);
  }
  for (const pid of pids) signal(pid, "SIGKILL");
  return pids.length;
}
