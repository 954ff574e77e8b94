import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Starts `node scripts/run-tests.mjs FILES` in a process group of its own, as
 * a terminal runs `npm test` in the foreground, so `interruptGroup` is Ctrl-C.
 * The variables naming the outer run's Neo4j and work folder are left out: the
 * inner run starts its own, as a person's `npm test` would.
 */
export function startTestRunner(files: string[]) {
  const env = { ...process.env };
  for (const k of ["NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "RASD_TEST", "RASD_TEST_RUN"]) delete env[k];
  const child: ChildProcess = spawn(process.execPath, ["scripts/run-tests.mjs", ...files], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  /** The first match of `pattern` in the runner's output, waiting up to `timeoutMs`. */
  async function waitFor(pattern: RegExp, timeoutMs = 300_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = output.match(pattern);
      if (m) return m;
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`the test runner never printed ${pattern}:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    child,
    exited,
    waitFor,
    output: () => output,
    /** Ctrl-C in a terminal: SIGINT to every process in the runner's group. */
    interruptGroup: () => process.kill(-(child.pid as number), "SIGINT"),
  };
}

/** Pids of running processes whose command line mentions `text` (Linux /proc). */
export function processesMentioning(text: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(text)) found.push(pid);
    } catch {}
  }
  return found;
}

/** Whether a process is running (a zombie waiting for its parent counts as gone). */
export function running(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return false;
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(stat, "utf8"));
  } catch {
    return false;
  }
}
