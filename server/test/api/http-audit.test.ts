import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { serverAudits } from "graphql-http";
import type { Database } from "../../src/db/database.ts";
import { testYoga } from "../graphql/gql.ts";
import { testDatabase } from "../helpers/graph.ts";

describe("GraphQL over HTTP (graphql-http serverAudits)", () => {
  let db: Database;
  let gql: ReturnType<typeof testYoga>;
  before(async () => {
    db = await testDatabase();
    gql = testYoga(db, { introspection: true });
  });
  after(async () => db.close());

  for (const audit of serverAudits({
    url: "http://rasd.test/graphql",
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) => gql.yoga.fetch(new Request(input, init)),
  })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      // MUST audits have to pass; SHOULD/MAY ones are reported but not required by the spec.
      if (audit.name.startsWith("MUST")) assert.equal(result.status, "ok", "reason" in result ? result.reason : "");
    });
  }
});
