import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Database } from "../../server/src/db/database.ts";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { startWorkspace } from "./helpers/workspace.ts";

const editorKey = "test-editor-key";

/** One article naming one actor, in one event (so the workspace has something to draw). */
function report(n: number, actor: { id: string; name: string }) {
  const text = `${actor.name} claimed an attack.`;
  return {
    bundleVersion: 1,
    article: {
      id: `article:duplicates-ui-${n}`,
      title: `Report ${n}`,
      publisher: `Wire ${n}`,
      language: "en",
      publishedAt: `2024-08-0${n}T10:00:00Z`,
      text,
    },
    actors: [{ ...actor, kind: "ARMED_GROUP", evidence: [{ start: 0, end: actor.name.length, text: actor.name }] }],
    locations: [],
    events: [
      {
        id: `event:duplicates-ui-${n}`,
        type: "ATTACK",
        title: `Attack claimed (${n})`,
        start: `2024-08-0${n}`,
        end: `2024-08-0${n}`,
        precision: "DAY",
        evidence: [{ start: 0, end: text.length }],
        participants: [{ actor: actor.id, role: "INITIATOR" }],
        locations: [],
      },
    ],
    claims: [],
  };
}

async function load(db: Database) {
  await ingestBundle(db, report(1, { id: "actor:zarqan-a", name: "Zarqan Militia" }));
  await ingestBundle(db, report(2, { id: "actor:zarqan-b", name: "Zarqan Militia" }));
  await ingestBundle(db, report(3, { id: "actor:kh-latin", name: "Kataib Hezbollah" }));
  await ingestBundle(db, report(4, { id: "actor:kh-arabic", name: "كتائب حزب الله" }));
}

describe("the workspace lists possible duplicate actors to merge or dismiss, by keyboard", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  before(async () => {
    ws = await startWorkspace(load, { apiKeys: [{ key: editorKey, role: "editor" }] });
  });
  after(async () => {
    await ws?.stop();
  });

  const ask = async <T>(query: string): Promise<T> => {
    const response = await fetch(`${ws.app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    return ((await response.json()) as { data: T }).data;
  };

  it("M merges the focused group into the most mentioned member; D dismisses the next; the graph shows both", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${ws.app.url}/`);
    await page.waitForSelector("#app.ready", { timeout: 60_000 });
    await page.click("#toolbar-more > summary");
    await page.click("#duplicates-open");
    await page.waitForSelector(".duplicates-dialog li.candidate");
    const groups = await page.$$eval(".duplicates-dialog li.candidate", (n) => n.map((li) => li.textContent ?? ""));
    assert.equal(groups.length, 2);
    assert.match(groups[0], /Zarqan Militia.*Zarqan Militia/s);
    assert.match(groups[0], /1 mention in 1 article/);
    assert.match(groups[0], /same name “zarqan militia”/);
    assert.match(groups[1], /Kataib Hezbollah/);
    assert.match(groups[1], /كتائب حزب الله/);
    assert.match(groups[1], /same name in transliteration \(ktbhzbl\)/);
    await page.screenshot({ path: "docs/screenshots/possible-duplicates.png" });

    await page.fill("#duplicates-key", editorKey);
    await page.focus(".duplicates-dialog li.candidate");
    await page.keyboard.press("m");
    await page
      .waitForFunction(() => document.querySelectorAll(".duplicates-dialog li.candidate").length === 1, null, {
        timeout: 90_000,
      })
      .catch(async (error) => {
        throw new Error(
          `${error.message}; the dialog says: ${await page.textContent(".duplicates-dialog .hint[aria-live]")}`,
        );
      });
    assert.match((await page.textContent(".duplicates-dialog .hint[aria-live]")) ?? "", /Merged into “Zarqan Militia”/);
    // The list moved on to the next group by itself.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-id")), "actor:kh-arabic");
    await page.keyboard.press("d");
    await page.waitForSelector(".duplicates-dialog li.hint");

    type Graph = {
      a: { aliases: string[]; articles: { id: string }[] } | null;
      b: { id: string } | null;
      dup: { totalCount: number };
    };
    const graph = await ask<Graph>(`{
      a: node(id: "actor:zarqan-a") { ... on Actor { aliases articles(first: 5) { id } } }
      b: node(id: "actor:zarqan-b") { id }
      dup: duplicateSuggestions(kind: ACTOR) { totalCount }
    }`);
    assert.equal(graph.b, null, "merged away");
    assert.equal(graph.a?.articles.length, 2, "the kept actor has both articles' evidence");
    assert.equal(graph.dup.totalCount, 0, "nothing left to suggest: one merged, one dismissed");
    await page.keyboard.press("Escape");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
