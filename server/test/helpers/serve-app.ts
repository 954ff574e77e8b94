// Runs the real HTTP app over the test database in a process of its own
// (server/test/helpers/app-process.ts starts it), so a test's own work —
// building a 5 MB request, say — does not run on the server's event loop.
// Settings come from RASD_TEST_SETTINGS (JSON, merged over loadSettings()).
import { loadSettings } from "../../src/config.ts";
import { createApp } from "../../src/http/server.ts";
import { testDatabase } from "./graph.ts";

const db = await testDatabase();
const settings = {
  ...loadSettings({ ...process.env, PORT: "0" }),
  ...JSON.parse(process.env.RASD_TEST_SETTINGS ?? "{}"),
};
const server = createApp({ db, settings, neo4jMode: "external" });
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.log(`listening http://127.0.0.1:${address.port}`);
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => void db.close().then(() => process.exit(0)));
});
