// Writes schema/schema.graphql from the Pothos schema (`npm run schema:print`).
// The file is the contract the client codes against; a test fails when it is stale.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printSchemaFile } from "../server/src/graphql/print-schema.ts";

const target = fileURLToPath(new URL("../schema/schema.graphql", import.meta.url));
writeFileSync(target, printSchemaFile());
console.log(`wrote ${target}`);
