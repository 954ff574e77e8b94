import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { buildSchema, parse, validate } from "graphql";
import { repoRoot } from "../../server/src/paths.ts";
import * as queries from "../src/data/queries.ts";

const schema = buildSchema(readFileSync(join(repoRoot, "schema", "schema.graphql"), "utf8"));

describe("every GraphQL operation the client sends", () => {
  for (const [name, text] of Object.entries(queries))
    it(`${name} is valid against schema/schema.graphql (fields, arguments, variables, fragments on the right types)`, () => {
      const errors = validate(schema, parse(text)).map((e) => e.message);
      assert.deepEqual(errors, [], `${name}:\n${errors.join("\n")}`);
    });
});
