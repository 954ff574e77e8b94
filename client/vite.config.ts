import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import { getUrl } from "./src/data/api.ts";
import { startQuery } from "./src/data/queries.ts";

const root = fileURLToPath(new URL(".", import.meta.url));
const outDir = join(root, "dist");

/**
 * Writes a .br and a .gz beside every text asset after the build, so the
 * server (sirv with `brotli` and `gzip`) sends them precompressed instead of
 * compressing on every request or not at all. It compresses the build's own
 * output folder (a caller such as bench:client may build elsewhere).
 */
function precompress(): Plugin {
  let built = outDir;
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  return {
    name: "rasd-precompress",
    apply: "build",
    configResolved(config) {
      built = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(built)) {
        if (!/\.(js|css|html|json|svg)$/.test(file)) continue;
        const data = readFileSync(file);
        if (data.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
      }
    },
  };
}

/**
 * Preloads the start query (GET /graphql?query=…) from the page's head: the
 * timeline needs the graph's time range before it can ask for its events, and
 * on a graph of up to 1000 events the answer carries them too, so it travels
 * while the script downloads and starts instead of after, and the first paint
 * waits for no request the script sends (client/src/data/load.ts `loadStart`
 * takes it). The address comes from the same document and function the client
 * uses, so the two match.
 */
function preloadStart(): Plugin {
  return {
    name: "rasd-preload-start",
    transformIndexHtml: () => [
      {
        tag: "link",
        attrs: { rel: "preload", as: "fetch", crossorigin: "anonymous", href: getUrl(startQuery) },
        injectTo: "head",
      },
    ],
  };
}

// The client is served by the Rasd server from client/dist; `npm run dev:client`
// proxies /graphql to a running `rasd start`. Views other than the timeline, the
// ingest dialog and the world atlases are split into chunks loaded on demand.
export default defineConfig({
  root,
  base: "/",
  plugins: [preloadStart(), precompress()],
  build: { outDir, emptyOutDir: true, sourcemap: true },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000", "/export": "http://127.0.0.1:4000" } },
});
