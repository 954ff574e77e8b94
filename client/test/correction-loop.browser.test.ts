import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { graphqlOverHttp, startWorkspace } from "./helpers/workspace.ts";

/**
 * Issue 13's loop on the seed article, in Chromium, checking the graph
 * through GraphQL after each step: ingest the article through the dialog,
 * then in the workspace change a role and see it asserted by the analyst,
 * undo it, merge two duplicate actors and split them again.
 */
const editorKey = "loop-editor-key";
const articleText = readFileSync("seeds/erem-2024-08-22.ar.txt", "utf8");

/** An earlier wire report naming the Iraqi armed factions under its own id and spelling: a duplicate to merge. */
const wire = {
  bundleVersion: 1,
  producer: { name: "wire-desk" },
  article: {
    id: "article:loop-wire",
    title: "Wire report",
    publisher: "Test Wire",
    language: "en",
    publishedAt: "2024-08-20T00:00:00Z",
    text: "The Iraqi Armed Factions said they would answer any strike on Asad Loop Base.",
  },
  actors: [
    {
      id: "actor:loop-wire-factions",
      name: "Iraqi Armed Factions (wire)",
      kind: "ARMED_GROUP",
      evidence: [{ start: 4, end: 25 }],
    },
  ],
  // A place the graph already has, under its own name: the review links the article's place to it.
  locations: [
    {
      id: "location:loop-asad",
      name: "Asad Loop Base",
      aliases: ["Asad Loop Airbase"],
      kind: "MILITARY_BASE",
      evidence: [{ start: 62, end: 76 }],
    },
  ],
  events: [],
  claims: [],
};

describe("the correction loop: ingest, correct, see who said so, undo, merge and split", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  before(async () => {
    ws = await startWorkspace((db) => ingestBundle(db, wire), {
      apiKeys: [{ key: editorKey, role: "editor", name: "amira" }],
    });
  });
  after(async () => {
    await ws?.stop();
  });

  const ask = (query: string, variables: Record<string, unknown> = {}) =>
    graphqlOverHttp(ws.app.url, editorKey)(query, variables);
  const select = async (page: Page, id: string) => {
    await page.goto(`${ws.app.url}/?sel=${encodeURIComponent(id)}`);
    await page.waitForSelector(`.evidence-view[data-id="${id}"] .edit-panel`, { timeout: 60_000 });
  };
  const saved = (page: Page, text: RegExp) =>
    page.waitForFunction(
      (t) => new RegExp(t).test(document.querySelector(".edit-status")?.textContent ?? ""),
      text.source,
      {
        timeout: 60_000,
      },
    );

  it("runs the loop on the seed article", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${ws.app.url}/`);
    await page.waitForSelector("#app.ready");

    // 1. Ingest: paste the article, review, accept.
    await page.click("#ingest-open");
    await page.fill("#ingest-key", editorKey);
    await page.fill("#ingest-text", articleText);
    await page.waitForSelector("#ingest-accept:not([disabled])", { timeout: 120_000 });
    await page.waitForSelector(".review-events li.review-item", { timeout: 120_000 });

    // 1b. Correct the review before accepting: it is the bundle that will be stored.
    const reviewIds = (section: string) =>
      page.$$eval(`.review-${section} > ul > li.review-item`, (n) => n.map((li) => li.getAttribute("data-id") ?? ""));
    const item = (section: string, id: string) => `.review-${section} li.review-item[data-id="${id}"]`;
    const [rActors, rPlaces, rEvents, rClaims] = await Promise.all(
      ["actors", "places", "events", "claims"].map(reviewIds),
    );
    assert.ok(rActors.length >= 2 && rPlaces.length >= 1 && rEvents.length >= 1 && rClaims.length >= 1);
    // Rename an actor (not the factions: they are merged below).
    const nameField = (id: string) => `${item("actors", id)} input[data-key="${id}/name"]`;
    const names = await Promise.all(rActors.map((id) => page.inputValue(nameField(id))));
    const renamed = rActors.find((_, i) => !/faction/i.test(names[i])) as string;
    await page.fill(nameField(renamed), "Renamed In Loop");
    await page.press(nameField(renamed), "Enter");
    // Link the article's first place to the one the graph has, found by its alias.
    const place = rPlaces[0];
    await page.click(`${item("places", place)} details.review-link > summary`);
    await page.fill(`${item("places", place)} input[type=search]`, "Asad Loop Airbase");
    await page.waitForSelector(`${item("places", place)} li[role=option][data-id="location:loop-asad"]`, {
      state: "attached",
      timeout: 60_000,
    });
    await page.press(`${item("places", place)} input[type=search]`, "Enter");
    await page.waitForSelector(`${item("places", "location:loop-asad")} .review-standing.linked`);
    const placeEvents = await page.$$eval(`input[data-key$="/place/location:loop-asad"]:checked`, (n) => n.length);
    // Fix the first event's date.
    const dated = rEvents[0];
    const field = (key: string) => `${item("events", dated)} [data-key="${dated}/${key}"]`;
    await page.fill(field("start"), "2024-08-01");
    await page.fill(field("end"), "2024-08-03");
    await page.selectOption(field("precision"), "RANGE");
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent === "2024-08-01/2024-08-03",
      field("edtf"),
    );
    // Give the first claim another speaker.
    const claim = rClaims[0];
    const speakerField = `${item("claims", claim)} select[data-key="${claim}/claimant"]`;
    const current = await page.$eval(speakerField, (x) => (x as HTMLSelectElement).value);
    const speakers = await page.$$eval(`${speakerField} option`, (o) => o.map((x) => (x as HTMLOptionElement).value));
    const speaker = speakers.find((v) => v && v !== current) as string;
    await page.selectOption(speakerField, speaker);
    await page.click("#ingest-accept");
    await page.waitForSelector(".ingest-status .ok, .ingest-status .error", { timeout: 120_000 });
    assert.ok(await page.$(".ingest-status .ok"), (await page.textContent(".ingest-status")) ?? "");
    const ingested = await ask(`{ auditLog(filter: {action: ingest}) { nodes { who target after } } }`);
    assert.equal(ingested.auditLog.nodes.length, 1);
    assert.equal(ingested.auditLog.nodes[0].who, "amira");
    const written = JSON.parse(ingested.auditLog.nodes[0].after) as { events: string[]; actors: string[] };
    // The graph holds the review's corrections.
    const untouchedActor = rActors.find(
      (id, i) => id !== renamed && id !== "actor:loop-wire-factions" && /faction/i.test(names[i]),
    ) as string;
    const untouchedEvent = rEvents.find((id) => id !== dated) ?? null;
    const reviewed = await ask(
      `query($actor: ID!, $event: ID!, $claim: ID!, $untouched: ID!, $otherEvent: ID!) {
        actor: node(id: $actor) { ... on Actor { name provenance { assertedBy asserter } } }
        event: node(id: $event) { ... on Event { start end edtf provenance { assertedBy asserter } } }
        claim: node(id: $claim) { ... on Claim { claimant { id } provenance { assertedBy asserter } } }
        untouched: node(id: $untouched) { ... on Actor { provenance { assertedBy asserter } } }
        otherEvent: node(id: $otherEvent) { ... on Event { provenance { assertedBy } } }
        place: node(id: "location:loop-asad") { ... on Location { articles { id } provenance { assertedBy }
          events { places { location { id } provenance { assertedBy asserter } } } } } }`,
      { actor: renamed, event: dated, claim, untouched: untouchedActor, otherEvent: untouchedEvent ?? dated },
    );
    assert.equal(reviewed.actor.name, "Renamed In Loop");
    assert.equal(reviewed.event.edtf, "2024-08-01/2024-08-03");
    assert.equal(reviewed.claim.claimant.id, speaker);
    assert.equal(reviewed.place.articles.length, 2, "the linked place is named by the wire and the article");
    // Who said so: each correction is the analyst's (the key's name), what the review left alone the extractor's.
    const analyst = { assertedBy: "ANALYST", asserter: "amira" };
    assert.deepEqual(reviewed.actor.provenance, analyst, "the renamed actor");
    assert.deepEqual(reviewed.event.provenance, analyst, "the event whose date was fixed");
    assert.deepEqual(reviewed.claim.provenance, analyst, "the claim given another speaker");
    assert.equal(reviewed.untouched.provenance.assertedBy, "EXTRACTOR", "an actor the review left alone");
    assert.match(reviewed.untouched.provenance.asserter, /^rasd-extract /);
    if (untouchedEvent) assert.equal(reviewed.otherEvent.provenance.assertedBy, "EXTRACTOR", "an event left alone");
    assert.equal(reviewed.place.provenance.assertedBy, "IMPORT", "the linked place is still the wire's node");
    const placeTies = reviewed.place.events.flatMap(
      (e: { places: { location: { id: string }; provenance: unknown }[] }) =>
        e.places.filter((p) => p.location.id === "location:loop-asad").map((p) => p.provenance),
    );
    assert.equal(placeTies.length, placeEvents, "each event the review placed at the linked place");
    for (const p of placeTies) assert.deepEqual(p, analyst, "an event placed at the linked place: the analyst's link");

    // 2. Change a role in the workspace: the evidence panel says the analyst asserted it.
    const events = await Promise.all(
      written.events.map(
        async (id) =>
          (
            await ask(
              `query($id: ID!) { node(id: $id) { id ... on Event { actors { id role provenance { assertedBy } } } } }`,
              { id },
            )
          ).node,
      ),
    );
    const event = events.find((e: { actors: unknown[] }) => e.actors.length > 0);
    assert.ok(event, "the article gave an event with participants");
    const actor = event.actors[0];
    assert.equal(actor.provenance.assertedBy, "EXTRACTOR");
    const role = actor.role === "TARGET" ? "AFFECTED" : "TARGET";
    await page.evaluate((k) => sessionStorage.setItem("rasd.editorKey", k), editorKey);
    await select(page, event.id);
    const row = `.edit-participants li[data-actor="${actor.id}"]`;
    assert.match((await page.textContent(`${row} .provenance`)) ?? "", /^extractor v/);
    await page.selectOption(`${row} select.role-select`, role);
    await page.waitForSelector(`${row} .provenance.by-analyst`, { timeout: 60_000 });
    assert.match((await page.textContent(`${row} .provenance`)) ?? "", /^analyst amira · /);
    const changed = await ask(
      `query($id: ID!) { node(id: $id) { ... on Event { actors { id role provenance { assertedBy asserter } } } } }`,
      {
        id: event.id,
      },
    );
    const now = changed.node.actors.filter((a: { id: string }) => a.id === actor.id);
    assert.deepEqual(
      now.map((a: { role: string }) => a.role),
      [role],
    );
    assert.deepEqual(now[0].provenance, { assertedBy: "ANALYST", asserter: "amira" });

    // The evidence panel with provenance, for the closing note.
    mkdirSync("docs/screenshots", { recursive: true });
    await page.$eval(".edit-panel", (e) => e.scrollIntoView());
    await page.locator(".evidence-view").screenshot({ path: "docs/screenshots/evidence-provenance.png" });

    // 3. Undo it: the extractor's role is back.
    await page.click(".edit-panel .undo-edit");
    await page.waitForSelector(`${row} .provenance.by-extractor`, { timeout: 60_000 });
    const undone = await ask(
      `query($id: ID!) { node(id: $id) { ... on Event { actors { id role provenance { assertedBy } } } } }`,
      {
        id: event.id,
      },
    );
    const back = undone.node.actors.filter((a: { id: string }) => a.id === actor.id);
    assert.deepEqual(
      back.map((a: { role: string; provenance: { assertedBy: string } }) => [a.role, a.provenance.assertedBy]),
      [[actor.role, "EXTRACTOR"]],
    );

    // 4. Merge the two duplicate actors: the wire's spelling and the article's.
    const factions = (
      await ask(`query($ids: [ID!]) { actors(filter: {ids: $ids}, first: 100) { nodes { id name } } }`, {
        ids: written.actors,
      })
    ).actors.nodes.find((a: { name: string }) => /faction/i.test(a.name));
    assert.ok(factions, "the article names the factions");
    await select(page, "actor:loop-wire-factions");
    await page.selectOption(".edit-panel select[name='merge with']", factions.id);
    await page.click(".edit-panel .merge-entity");
    await saved(page, /Saved \(merge\)/);
    const merged = await ask(
      `query($id: ID!) { gone: node(id: $id) { id }
      kept: node(id: "actor:loop-wire-factions") { ... on Actor { aliases mergedIds articles { id } } } }`,
      { id: factions.id },
    );
    assert.equal(merged.gone, null, "the duplicate is gone");
    assert.ok(merged.kept.aliases.includes(factions.name));
    assert.deepEqual(merged.kept.mergedIds, [factions.id]);
    assert.equal(merged.kept.articles.length, 2, "the kept actor is named by both articles");

    // 5. Split them again, from what the merge recorded.
    await page.click(`.edit-panel .split-entity[data-restore="${factions.id}"]`);
    await saved(page, /Saved \(split\)/);
    const split = await ask(
      `query($id: ID!) { back: node(id: $id) { ... on Actor { name provenance { assertedBy }
        articles { id } events { role event { id } } } }
      kept: node(id: "actor:loop-wire-factions") { ... on Actor { aliases mergedIds articles { id } } } }`,
      { id: factions.id },
    );
    assert.equal(split.back.name, factions.name);
    assert.equal(split.back.provenance.assertedBy, "ANALYST");
    assert.ok(split.back.events.length > 0, "its participations came back with it");
    assert.deepEqual(split.kept.mergedIds, []);
    assert.ok(!split.kept.aliases.includes(factions.name));
    assert.deepEqual(
      split.kept.articles.map((a: { id: string }) => a.id),
      ["article:loop-wire"],
    );

    const log = await ask(`{ auditLog(filter: {who: "amira"}) { nodes { action } } }`);
    assert.deepEqual(
      log.auditLog.nodes.map((n: { action: string }) => n.action),
      ["splitEntity", "mergeEntities", "undo", "setRole", "ingest"],
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
});
