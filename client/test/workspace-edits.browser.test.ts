import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { seedBundle } from "../../server/test/helpers/seed.ts";
import { graphqlOverHttp, openWorkspace, startWorkspace } from "./helpers/workspace.ts";

const attack = "event:attacks-on-us-forces-at-ain-al-asad-2024-08";
const factions = "actor:iraqi-armed-factions";
const editorKey = "workspace-editor-key";

/** The graph as stored, read through GraphQL (what the analyst's edits must change). */
const graph = (url: string, query: string, variables: Record<string, unknown> = {}) =>
  graphqlOverHttp(url, editorKey)(query, variables);

async function giveKey(page: Page) {
  await page.waitForSelector(".editor-key-form input");
  await page.fill(".editor-key-form input", editorKey);
  await page.click(".editor-key-form button");
  await page.waitForSelector(".edit-panel");
}

describe("editing the graph from the workspace's evidence panel, in Chromium", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  before(async () => {
    ws = await startWorkspace(
      (db) => ingestBundle(db, { ...seedBundle(), producer: { name: "rasd-extract", version: "0.9" } }),
      {
        apiKeys: [{ key: editorKey, role: "editor", name: "amira" }],
      },
    );
  });
  after(async () => {
    await ws?.stop();
  });

  it("without an editor key there is only the key field; with one, a role change shows analyst provenance and undo restores it", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url, `?sel=${encodeURIComponent(attack)}`);
    await page.waitForSelector(`.evidence-view[data-id="${attack}"]`);
    assert.equal(await page.$(".edit-panel"), null, "no edit controls without a key");
    await giveKey(page);
    const row = `.edit-participants li[data-actor="${factions}"]`;
    assert.match((await page.textContent(`${row} .provenance`)) ?? "", /^extractor v0\.9 · /);
    await page.selectOption(`${row} select.role-select`, "TARGET");
    await page.waitForSelector(`${row} .provenance.by-analyst`);
    assert.match((await page.textContent(`${row} .provenance`)) ?? "", /^analyst amira · /);
    const stored = await graph(ws.app.url, `{ node(id: "${attack}") { ... on Event { actors { id role } } } }`);
    assert.ok(stored.node.actors.some((a: { id: string; role: string }) => a.id === factions && a.role === "TARGET"));

    await page.click(".edit-panel .undo-edit");
    await page.waitForSelector(`${row} .provenance.by-extractor`);
    assert.equal(await page.inputValue(`${row} select.role-select`), "INITIATOR");
    const undone = await graph(ws.app.url, `{ node(id: "${attack}") { ... on Event { actors { id role } } } }`);
    assert.ok(
      undone.node.actors.some((a: { id: string; role: string }) => a.id === factions && a.role === "INITIATOR"),
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("moves an event's date by EDTF, and names the field when the date is not EDTF", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url, `?sel=${encodeURIComponent(attack)}`);
    await giveKey(page);
    await page.fill(".edit-date input[name=edtf]", "2024-08-32");
    await page.click(".edit-date .move-date");
    await page.waitForSelector(".edit-status.error");
    assert.match((await page.textContent(".edit-status.error")) ?? "", /date\.edtf: "2024-08-32" is not EDTF/);
    await page.fill(".edit-date input[name=edtf]", "2024-08-18");
    await page.selectOption(".edit-date select[name=precision]", "DAY");
    await page.click(".edit-date .move-date");
    await page.waitForFunction(() => /Saved/.test(document.querySelector(".edit-status")?.textContent ?? ""));
    const d = await graph(ws.app.url, `{ node(id: "${attack}") { ... on Event { start end precision edtf } } }`);
    assert.deepEqual(d.node, {
      start: "2024-08-18T00:00:00.000Z",
      end: "2024-08-18T23:59:59.999Z",
      precision: "DAY",
      edtf: "2024-08-18",
    });
    await page.click(".edit-panel .undo-edit");
    await page.waitForFunction(() => /Undone/.test(document.querySelector(".edit-status")?.textContent ?? ""));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("adds and removes a place, changes a claim's speaker, sets a Wikidata id", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url, `?sel=${encodeURIComponent(attack)}`);
    await giveKey(page);
    await page.selectOption(".edit-panel select[name=place]", "location:syria");
    await page.click(".edit-panel .add-place");
    await page.waitForSelector('.edit-places li[data-location="location:syria"] .provenance.by-analyst');
    await page.click('.edit-places li[data-location="location:syria"] .remove-place');
    await page.waitForFunction(() => !document.querySelector('.edit-places li[data-location="location:syria"]'));

    const claim = "claim:erem-2024-08-22-factions-agree-to-end-truce";
    await page.goto(`${ws.app.url}/?sel=${encodeURIComponent(claim)}`);
    await page.waitForSelector(".edit-panel select[name=speaker]");
    await page.selectOption(".edit-panel select[name=speaker]", "actor:coordination-of-iraqi-resistance");
    await page.click(".edit-panel .save-claim");
    await page.waitForFunction(() => /Saved/.test(document.querySelector(".edit-status")?.textContent ?? ""));
    const c = await graph(ws.app.url, `{ node(id: "${claim}") { ... on Claim { claimant { id } } } }`);
    assert.equal(c.node.claimant.id, "actor:coordination-of-iraqi-resistance");

    await page.goto(`${ws.app.url}/?sel=${encodeURIComponent(factions)}`);
    await page.waitForSelector(".edit-panel input[name='Wikidata id']");
    await page.fill(".edit-panel input[name='Wikidata id']", "Q9999");
    await page.click(".edit-panel .save-entity");
    await page.waitForFunction(() => /Saved/.test(document.querySelector(".edit-status")?.textContent ?? ""));
    const a = await graph(
      ws.app.url,
      `{ node(id: "${factions}") { ... on Actor { wikidataId provenance { correctedBy } } } }`,
    );
    assert.deepEqual(a.node, { wikidataId: "Q9999", provenance: { correctedBy: "amira" } });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("a right click on a graph node opens its edit section", async () => {
    const { page, errors } = await openWorkspace(ws.browser, ws.app.url);
    await page.click(`.graph g.node[data-id="${factions}"]`, { button: "right", force: true });
    await page.waitForSelector(`.evidence-view[data-id="${factions}"] .editor-key-form`);
    await giveKey(page);
    assert.equal(await page.inputValue(".edit-panel input[name=name]"), "Iraqi armed factions");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
