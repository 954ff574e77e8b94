import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { buildSchema, parse, validate } from "graphql";
import { graphqlEnvFile, graphqlEnvPath } from "../../scripts/contracts.ts";
import { repoRoot } from "../../server/src/paths.ts";
import { clientOperations } from "./helpers/operations.ts";

const schema = buildSchema(readFileSync(join(repoRoot, "schema", "schema.graphql"), "utf8"));

/** Every .ts file under client/src, relative to the repository root. */
function clientSources(dir = join(repoRoot, "client", "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? clientSources(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [relative(repoRoot, join(dir, e.name))]
        : [],
  );
}

describe("every GraphQL operation the client sends", () => {
  it("is found: the client has operations to check", () => {
    assert.ok(clientOperations.size >= 10, `only ${clientOperations.size} operations found in queries.ts`);
  });

  for (const [name, text] of clientOperations)
    it(`${name} is valid against schema/schema.graphql (fields, arguments, variables, fragments on the right types)`, () => {
      const errors = validate(schema, parse(text)).map((e) => e.message);
      assert.deepEqual(errors, [], `${name}:\n${errors.join("\n")}`);
    });

  // gql.tada types an operation but does not refuse a bad one (an unknown field
  // or a fragment on the wrong type is typed as missing), so the check above only
  // covers every operation if every operation is written in queries.ts.
  it("is written in client/src/data/queries.ts (or edit-queries.ts) with the graphql tag, nowhere else", () => {
    const elsewhere = clientSources().filter((file) => {
      if (/data\/(queries|edit-queries|graphql)\.ts$/.test(file)) return false;
      const text = readFileSync(join(repoRoot, file), "utf8");
      return /from "\.\/graphql\.ts"|from "\.\.\/data\/graphql\.ts"/.test(text) && /\bgraphql\(/.test(text)
        ? true
        : /[`"']\s*(query|mutation|subscription)\s+[A-Za-z_]\w*\s*[({]/.test(text);
    });
    assert.deepEqual(elsewhere, [], "move these operations into client/src/data/queries.ts");
  });

  it("is typed from the current schema: client/src/data/graphql-env.d.ts is up to date (`npm run schema:print`)", () => {
    assert.equal(readFileSync(graphqlEnvPath, "utf8"), graphqlEnvFile());
  });
});
