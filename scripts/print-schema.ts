// Writes the generated contract files (`npm run schema:print`): schema/schema.graphql
// from the Pothos schema, and the vocabulary's enums in schema/article-bundle.schema.json
// and schema/event-types.json, and the client's typed schema client/src/data/graphql-env.d.ts
// (gql.tada). A test fails when a checked-in copy is stale.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import {
  bundleSchema,
  contractPath,
  eventTypesFile,
  graphqlEnvFile,
  graphqlEnvPath,
  printSchemaFile,
} from "./contracts.ts";

// Written on one line; the formatter then lays it out (objects expand only when they do not fit).
const json = (v: unknown) => `${JSON.stringify(v)}\n`;
const files: [string, string][] = [
  [contractPath("schema.graphql"), printSchemaFile()],
  [contractPath("article-bundle.schema.json"), json(bundleSchema())],
  [contractPath("event-types.json"), json(eventTypesFile())],
  [graphqlEnvPath, graphqlEnvFile()],
];
for (const [path, text] of files) {
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
// The JSON files are checked in as the formatter lays them out.
spawnSync("npx", ["biome", "format", "--write", ...files.slice(1, 3).map(([p]) => p)], { stdio: "inherit" });
