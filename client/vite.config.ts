import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

// The client is served by the Rasd server from client/dist; `npm run dev:client`
// proxies /graphql to a running `rasd start`.
export default defineConfig({
  root,
  base: "/",
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/graphql": "http://127.0.0.1:4000", "/export": "http://127.0.0.1:4000" } },
});
