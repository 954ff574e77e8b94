import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { printSchemaFile } from "../../src/graphql/print-schema.ts";

describe("schema/schema.graphql", () => {
  it("matches the code (run `npm run schema:print` when this fails)", () => {
    const committed = readFileSync(new URL("../../../schema/schema.graphql", import.meta.url), "utf8");
    assert.equal(committed, printSchemaFile());
  });
});
