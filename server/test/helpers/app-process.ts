import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Settings } from "../../src/config.ts";

const script = fileURLToPath(new URL("./serve-app.ts", import.meta.url));

/** Starts the real HTTP app in a child process on a free port; returns its URL and a stop function. */
export async function startAppProcess(overrides: Partial<Settings> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, RASD_TEST_SETTINGS: JSON.stringify(overrides) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/listening (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`the app exited (${code}) before listening`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
