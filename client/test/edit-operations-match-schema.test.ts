import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSchema, parse, validate } from "graphql";
import { repoRoot } from "../../server/src/paths.ts";
import * as operations from "../src/data/edit-queries.ts";

const schema = buildSchema(readFileSync(join(repoRoot, "schema", "schema.graphql"), "utf8"));

describe("every editing operation the workspace sends", () => {
  for (const [name, text] of Object.entries(operations))
    it(`${name} is valid against schema/schema.graphql`, () => {
      const errors = validate(schema, parse(text)).map((e) => e.message);
      assert.deepEqual(errors, [], `${name}:\n${errors.join("\n")}`);
    });
});
