import { writeFileSync } from "node:fs";
import { startManagedNeo4j } from "/work/wt/api/server/src/neo4j-managed/managed-neo4j.ts";

const neo = { kind: "managed" as const, dataDir: "/tmp/api-dev/neo4j", port: 47311, heap: "1g", pageCache: "256m" };
const r = await startManagedNeo4j(neo, { log: (l: string) => console.log(l), detached: true });
writeFileSync(
  "/tmp/api-dev/env",
  `export NEO4J_URI=${r.uri} NEO4J_USER=${r.user} NEO4J_PASSWORD=${r.password} RASD_TEST=1 TZ=UTC\n`,
);
console.log("ready", r.pid);
process.exit(0);
