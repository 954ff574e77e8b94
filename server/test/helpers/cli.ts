import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const rasdBin = fileURLToPath(new URL("../../../bin/rasd.mjs", import.meta.url));

/** Runs `rasd ARGS` to completion; returns exit code and output. */
export function runRasd(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [rasdBin, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * Starts a long-running `rasd` command and resolves once its stderr matches
 * `ready`. `ownGroup`: in a process group of its own, as a terminal runs a
 * foreground job, so `interruptGroup` can send Ctrl-C's SIGINT to all of it.
 */
export function startRasd(args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 180000, ownGroup = false) {
  const child: ChildProcess = spawn(process.execPath, [rasdBin, ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: ownGroup,
  });
  let stderr = "";
  const match = new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`rasd ${args.join(" ")} not ready in time:\n${stderr}`)),
      timeoutMs,
    );
    child.stderr?.on("data", (d) => {
      stderr += d;
      const m = stderr.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`rasd ${args.join(" ")} exited with ${code}:\n${stderr}`));
    });
  });
  const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  /** Ctrl-C in a terminal: SIGINT to every process in the group (needs ownGroup). */
  const interruptGroup = () => process.kill(-(child.pid as number), "SIGINT");
  return { child, match, exited, output: () => stderr, interruptGroup };
}
