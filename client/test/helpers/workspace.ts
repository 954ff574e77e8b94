import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import type { Database } from "../../../server/src/db/database.ts";
import { startTestApp } from "../../../server/test/helpers/app.ts";
import { emptyDatabase } from "../../../server/test/helpers/graph.ts";
import { launchChromium } from "./browser.ts";

/** A real app (HTTP server over the test Neo4j) and Chromium, with a graph loaded by `load`. */
export async function startWorkspace(load: (db: Database) => Promise<unknown>, settings: Record<string, unknown> = {}) {
  const db = await emptyDatabase();
  await load(db);
  const app = await startTestApp(db, settings);
  const browser: Browser = await launchChromium();
  return {
    db,
    app,
    browser,
    async stop() {
      await browser.close();
      await app.stop();
      await db.close();
    },
  };
}

/** Opens the workspace at `query` and waits for the views; page errors are collected in `errors`. */
export async function openWorkspace(browser: Browser, url: string, query = "") {
  const page: Page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${url}/${query}`);
  await page.waitForSelector("#app.ready .timeline g.mark");
  await page.waitForSelector(".graph g.node");
  return { page, errors };
}

export const countOf = (page: Page, selector: string) => page.$$eval(selector, (nodes) => nodes.length);

/** The GraphQL operation names the page sends from now on (a live list). */
export function operations(page: Page): string[] {
  const names: string[] = [];
  page.on("request", (r) => {
    if (!r.url().endsWith("/graphql")) return;
    const name = /(?:query|mutation) (\w+)/.exec(r.postData() ?? "")?.[1];
    if (name) names.push(name);
  });
  return names;
}

/** Asks the app's GraphQL endpoint over HTTP with `key`, insisting on success; returns data (what tests check the stored graph with). */
export function graphqlOverHttp(url: string, key: string) {
  // biome-ignore lint/suspicious/noExplicitAny: test data is navigated freely.
  return async (query: string, variables: Record<string, unknown> = {}): Promise<any> => {
    const r = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await r.json();
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data;
  };
}
