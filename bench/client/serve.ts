import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";
import { build } from "vite";
import { repoRoot } from "../../server/src/paths.ts";

const here = fileURLToPath(new URL(".", import.meta.url));

/**
 * Builds the client bench page (bench/client/index.html: the real views on
 * synthetic data) of `commit`, or of the working tree when null, and serves
 * it on a free port. A commit's page is built from `git archive` inside the
 * repository, so it resolves the same node_modules (the peers included).
 */
export async function serveBench(commit: string | null, o: { minify?: boolean } = {}) {
  let root = here;
  let src: string | null = null;
  if (commit) {
    src = join(repoRoot, "node_modules", ".cache", `rasd-bench-${commit.replace(/[^\w.-]/g, "_")}`);
    rmSync(src, { recursive: true, force: true });
    mkdirSync(src, { recursive: true });
    execFileSync("sh", [
      "-c",
      `git -C "${repoRoot}" archive "${commit}" client bench seeds/synthetic server/src | tar -x -C "${src}"`,
    ]);
    root = join(src, "bench", "client");
  }
  const outDir = mkdtempSync(join(tmpdir(), "rasd-bench-client-"));
  await build({ root, base: "./", logLevel: "warn", build: { outDir, emptyOutDir: true, minify: o.minify ?? true } });
  const serve = sirv(outDir, { dev: true });
  const server = createServer((req, res) => serve(req, res, () => void res.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`,
    close() {
      server.close();
      rmSync(outDir, { recursive: true, force: true });
      if (src) rmSync(src, { recursive: true, force: true });
    },
  };
}
