import assert from "node:assert/strict";
import type { Database } from "../../src/db/database.ts";
import { createRasdYoga, type YogaOptions } from "../../src/yoga.ts";
import { seededDatabase } from "../helpers/graph.ts";

export const EDITOR_KEY = "editor-key-123";
export const READER_KEY = "reader-key-123";

/** The settings of the test API: one editor key (named `editor` when given) and one reader key. */
function testSettings(editor?: string): YogaOptions["settings"] {
  return {
    apiKeys: [
      { key: EDITOR_KEY, role: "editor", ...(editor ? { name: editor } : {}) },
      { key: READER_KEY, role: "reader" },
    ],
    openReads: true,
    graphiql: false,
    queryTimeoutMs: 60000,
  };
}

/** An in-process GraphQL server over the test database, with one editor and one reader key. */
export function testYoga(db: Database, overrides: Partial<YogaOptions> = {}) {
  const yoga = createRasdYoga({ db, settings: testSettings(), ...overrides });
  /** Posts an operation; returns status and body. */
  async function post(query: string, variables: Record<string, unknown> = {}, key?: string) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (key) headers.authorization = `Bearer ${key}`;
    const res = await yoga.fetch("http://rasd.test/graphql", {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: await res.json() };
  }
  /** Posts and insists on success; returns data. */
  // biome-ignore lint/suspicious/noExplicitAny: test data is navigated freely.
  async function data(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<any> {
    const r = await post(query, variables, key);
    assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
    assert.equal(r.status, 200);
    return r.body.data;
  }
  return { yoga, post, data };
}

/** testYoga whose editor key belongs to a named analyst: the name audit entries and provenance show. */
export const namedEditorYoga = (db: Database, editor: string) => testYoga(db, { settings: testSettings(editor) });

/** The seed graph and an in-process API over it: what most API tests start from. */
export async function seededApi() {
  const db = await seededDatabase();
  return { db, gql: testYoga(db) };
}
