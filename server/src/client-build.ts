import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./paths.ts";

const clientDir = join(repoRoot, "client");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "test") continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds client/dist with Vite when it is missing or older than the client's sources. */
export async function buildClientIfNeeded(log: (line: string) => void): Promise<boolean> {
  const index = join(clientDir, "dist", "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(clientDir)) return false;
  log("Building the client (Vite)…");
  const { build } = await import("vite");
  await build({ configFile: join(clientDir, "vite.config.ts"), logLevel: "warn" });
  return true;
}
