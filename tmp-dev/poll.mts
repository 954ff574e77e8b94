import { readFileSync, writeFileSync } from "node:fs";
import neo4j from "neo4j-driver";

const password = readFileSync("/tmp/api-dev/neo4j/password", "utf8").trim();
for (let i = 0; i < 40; i++) {
  await new Promise((r) => setTimeout(r, 8000));
  const d = neo4j.driver("bolt://127.0.0.1:47311", neo4j.auth.basic("neo4j", password));
  try {
    await d.verifyConnectivity();
    writeFileSync(
      "/tmp/api-dev/env",
      `export NEO4J_URI=bolt://127.0.0.1:47311 NEO4J_USER=neo4j NEO4J_PASSWORD=${password} RASD_TEST=1 TZ=UTC\n`,
    );
    console.log("up");
    process.exit(0);
  } catch (e) {
    console.log(String(e).slice(0, 120));
  } finally {
    await d.close();
  }
}
