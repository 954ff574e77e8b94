import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { ingestBundle } from "../../server/src/ingest/ingest-bundle.ts";
import { operations, startWorkspace } from "./helpers/workspace.ts";

const editorKey = "test-editor-key";
const articleText = readFileSync("seeds/erem-2024-08-22.ar.txt", "utf8");

/** A place and a person already in the graph under their own ids and spellings, for the review to link to. */
const existingPlace = {
  bundleVersion: 1,
  article: {
    id: "article:review-editor-existing-place",
    title: "An earlier report",
    publisher: "Test",
    language: "en",
    publishedAt: "2024-08-01T00:00:00Z",
    text: "Rockets fell near the Asad Test Airbase on Monday. Muhammad Shiya' al-Sudani spoke.",
  },
  // The prime minister under another spelling and id: the review should say a new actor looks like him.
  actors: [
    {
      id: "actor:sudani-wire-spelling",
      name: "Muhammad Shiya' al-Sudani",
      kind: "PERSON",
      evidence: [{ start: 51, end: 76, text: "Muhammad Shiya' al-Sudani" }],
    },
  ],
  locations: [
    {
      id: "location:asad-test-airbase",
      name: "Asad Test Airbase",
      aliases: ["Test Base Asad"],
      kind: "MILITARY_BASE",
      evidence: [{ start: 22, end: 39, text: "Asad Test Airbase" }],
    },
  ],
  events: [],
  claims: [],
};

describe("the ingest review is an editor, and Accept stores exactly the edited bundle", () => {
  let ws: Awaited<ReturnType<typeof startWorkspace>>;
  before(async () => {
    ws = await startWorkspace((db) => ingestBundle(db, existingPlace), {
      apiKeys: [{ key: editorKey, role: "editor" }],
    });
  });
  after(async () => {
    await ws?.stop();
  });

  const ask = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${ws.app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data;
  };

  /** The bundle on screen, read back from the item lists (ids in document order). */
  const ids = (page: Page, section: string) =>
    page.$$eval(`.review-${section} > ul > li.review-item`, (n) => n.map((li) => li.getAttribute("data-id") ?? ""));
  const item = (section: string, id: string) => `.review-${section} li.review-item[data-id="${id}"]`;
  /** A fresh page on the workspace, ready, with its page errors collected. */
  const openWorkspace = async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${ws.app.url}/`);
    await page.waitForSelector("#app.ready");
    return { page, errors };
  };

  it("rename, link, re-date, change a speaker, remove, add from a selection, accept: the graph holds exactly that", async () => {
    const page = await ws.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const sent = operations(page);
    await page.goto(`${ws.app.url}/`);
    await page.waitForSelector("#app.ready");
    await page.click("#ingest-open");
    await page.fill("#ingest-key", editorKey);
    await page.fill("#ingest-text", articleText);
    await page.waitForSelector(".review-events li.review-item", { timeout: 60_000 });
    const events = await ids(page, "events");
    const actors = await ids(page, "actors");
    const places = await ids(page, "places");
    const claims = await ids(page, "claims");
    assert.ok(events.length >= 3 && actors.length >= 3 && places.length >= 1 && claims.length >= 1);
    const articleText0 = await page.textContent("#review-article");
    assert.ok(articleText0 && articleText0.length > 1000, "the article pane shows the extracted text");

    // A new actor that looks like one in the graph (another spelling, either script) is flagged, with a link.
    const warned = await page.waitForSelector(".review-actors li.review-item:has(.review-warning)", {
      timeout: 30_000,
    });
    const lookalike = (await warned.getAttribute("data-id")) as string;
    assert.match(
      (await warned.textContent()) ?? "",
      /Looks like an existing node:.*Muhammad Shiya' al-Sudani · person/,
    );
    await page.click(`${item("actors", lookalike)} .review-warning button`);
    await page.waitForSelector(`${item("actors", "actor:sudani-wire-spelling")} .review-standing.linked`);

    // Rename an actor (Enter commits).
    const renamed = actors.find((id) => id !== lookalike) as string;
    await page.fill(`${item("actors", renamed)} input[data-key="${renamed}/name"]`, "Renamed In Review");
    await page.press(`${item("actors", renamed)} input[data-key="${renamed}/name"]`, "Enter");
    await page.waitForFunction(
      (sel) => (document.querySelector(sel) as HTMLInputElement | null)?.value === "Renamed In Review",
      `${item("actors", renamed)} input[data-key="${renamed}/name"]`,
    );

    // Link a place to the one already in the graph, found by searching its alias.
    const place = places[0];
    await page.click(`${item("places", place)} details.review-link > summary`);
    await page.fill(`${item("places", place)} input[type=search]`, "Test Base Asad");
    await page.waitForSelector(`${item("places", place)} li[role=option][data-id="location:asad-test-airbase"]`);
    const candidate = (await page.textContent(`${item("places", place)} li[role=option]`)) ?? "";
    assert.match(candidate, /Asad Test Airbase · military base · also: Test Base Asad/, "type and aliases are shown");
    await page.press(`${item("places", place)} input[type=search]`, "Enter");
    await page.waitForSelector(`${item("places", "location:asad-test-airbase")} .review-standing.linked`);
    assert.equal((await ids(page, "places")).includes(place), false, "the place now has the graph's id");
    const placeEvents = await page.$$eval(`input[data-key$="/place/location:asad-test-airbase"]:checked`, (n) =>
      n.map((x) => x.getAttribute("data-key")?.split("/place/")[0]),
    );

    // Re-date the first event: the EDTF follows live as the dates are typed; a new precision commits them.
    const dated = events[0];
    const field = (key: string) => `${item("events", dated)} [data-key="${dated}/${key}"]`;
    // An end before the start is the server's to refuse: the refusal is shown on that event, nothing is stored.
    await page.fill(field("start"), "2024-08-09");
    await page.fill(field("end"), "2024-08-03");
    await page.selectOption(field("precision"), "RANGE");
    await page.click("#ingest-accept");
    const issue = await page.waitForSelector(`${item("events", dated)} .review-issue`, { timeout: 60_000 });
    assert.match(
      (await issue.textContent()) ?? "",
      /\/events\/0\/end end \(2024-08-03\) is before start \(2024-08-09\)/,
    );
    assert.match((await page.textContent(".ingest-status")) ?? "", /Refused/);
    const { events: none } = await ask<{ events: { totalCount: number } }>("{ events { totalCount } }");
    assert.equal(none.totalCount, 0, "a refused bundle stores nothing");

    await page.fill(field("start"), "2024-08-01");
    await page.fill(field("end"), "2024-08-03");
    assert.equal(await page.textContent(field("edtf")), "2024-08-01/2024-08-03");
    await page.selectOption(field("precision"), "MONTH");
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent === "2024-08", field("edtf"));
    assert.equal(await page.inputValue(field("end")), "2024-08-31", "a month spans the whole month");
    await page.fill(field("end"), "2024-08-03");
    await page.selectOption(field("precision"), "RANGE");
    await page.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent === "2024-08-01/2024-08-03",
      field("edtf"),
    );

    // Give the first claim another speaker.
    const claim = claims[0];
    const speakers = await page.$$eval(`${item("claims", claim)} select[data-key="${claim}/claimant"] option`, (o) =>
      o.map((x) => (x as HTMLOptionElement).value),
    );
    const current = await page.$eval(
      `${item("claims", claim)} select[data-key="${claim}/claimant"]`,
      (s) => (s as HTMLSelectElement).value,
    );
    const speaker = speakers.find((s) => s !== current && s !== renamed) as string;
    await page.selectOption(`${item("claims", claim)} select[data-key="${claim}/claimant"]`, speaker);

    // Remove the last event.
    const removed = events[events.length - 1];
    await page.click(`${item("events", removed)} button[data-key="${removed}/remove"]`);
    await page.waitForSelector(item("events", removed), { state: "detached" });

    // Select a word in the article and make it an actor: the span is exactly those characters.
    const word = "التنسيقية";
    const at = articleText0.indexOf(word);
    assert.ok(at > 0);
    await page.evaluate(
      ([s, e]) => {
        const pane = document.getElementById("review-article") as HTMLElement;
        const range = document.createRange();
        range.setStart(pane.firstChild as Text, s);
        range.setEnd(pane.firstChild as Text, e);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
      },
      [at, at + word.length],
    );
    await page.waitForSelector("#span-actor:not([disabled])");
    await page.selectOption("#span-actor-kind", "COALITION");
    // Pressing the button focuses it and can collapse the selection before the click lands (the
    // selectionchange may run between mouse down and up): the chosen span stays meanwhile.
    await page.focus("#span-actor");
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    await page.click("#span-actor");
    await page.waitForSelector('.review-actors li.review-item[data-id^="actor:review-"]');
    const added = (await ids(page, "actors")).find((id) => id.startsWith("actor:review-")) as string;
    assert.ok(added, "a new actor is listed");

    // The editor as an analyst sees it, edits made, for the README.
    mkdirSync("docs/screenshots", { recursive: true });
    await page.$eval(".review-head", (e) => e.scrollIntoView());
    await page.screenshot({ path: "docs/screenshots/review-editor.png" });

    await page.click("#ingest-accept");
    await page.waitForSelector(".ingest-status .ok, .ingest-status .error", { timeout: 60_000 });
    assert.ok(await page.$(".ingest-status .ok"), (await page.textContent(".ingest-status")) ?? "");
    assert.ok(sent.includes("RasdIngestBundle"));

    // The graph, asked through the API: exactly the edited bundle.
    type Stored = {
      renamed: { name: string } | null;
      linked: { name: string; aliases: string[] } | null;
      oldPlace: { id: string } | null;
      dated: { start: string; end: string; precision: string; edtf: string; locations: { id: string }[] } | null;
      claim: { claimant: { id: string } } | null;
      removed: { id: string } | null;
      added: { name: string; kind: string; evidence: { start: number; end: number; quote: string }[] } | null;
      sudani: { name: string; articles: { id: string }[] } | null;
      lookalike: { id: string } | null;
    };
    const stored = await ask<Stored>(
      `query($renamed: ID!, $place: ID!, $dated: ID!, $claim: ID!, $removed: ID!, $added: ID!, $lookalike: ID!) {
        renamed: node(id: $renamed) { ... on Actor { name } }
        linked: node(id: "location:asad-test-airbase") { ... on Location { name aliases } }
        oldPlace: node(id: $place) { id }
        dated: node(id: $dated) { ... on Event { start end precision edtf locations(first: 20) { id } } }
        claim: node(id: $claim) { ... on Claim { claimant { id } } }
        removed: node(id: $removed) { id }
        added: node(id: $added) { ... on Actor { name kind evidence { start end quote } } }
        sudani: node(id: "actor:sudani-wire-spelling") { ... on Actor { name articles(first: 5) { id } } }
        lookalike: node(id: $lookalike) { id }
      }`,
      { renamed, place, dated, claim, removed, added, lookalike },
    );
    assert.equal(stored.renamed?.name, "Renamed In Review");
    assert.equal(stored.sudani?.name, "Muhammad Shiya' al-Sudani");
    assert.equal(stored.sudani?.articles.length, 2, "the linked actor gains this article's mentions");
    assert.equal(stored.lookalike, null, "the look-alike was not stored as a new actor");
    assert.equal(stored.linked?.name, "Asad Test Airbase", "the graph's name stays");
    assert.equal(stored.oldPlace, null, "no node was made under the extracted place's id");
    if (placeEvents.includes(dated))
      assert.ok(stored.dated?.locations.some((l) => l.id === "location:asad-test-airbase"));
    assert.equal(stored.dated?.start.slice(0, 10), "2024-08-01");
    assert.equal(stored.dated?.end.slice(0, 10), "2024-08-03");
    assert.equal(stored.dated?.precision, "RANGE");
    assert.equal(stored.dated?.edtf, "2024-08-01/2024-08-03");
    assert.equal(stored.claim?.claimant.id, speaker);
    assert.equal(stored.removed, null, "a removed event is not stored");
    assert.equal(stored.added?.name, word);
    assert.equal(stored.added?.kind, "COALITION");
    assert.deepEqual(
      stored.added?.evidence.map((e) => [e.start, e.end]),
      [[at, at + word.length]],
      "the new actor's evidence is the selected span",
    );
    const { events: all } = await ask<{ events: { totalCount: number } }>("{ events { totalCount } }");
    assert.equal(all.totalCount, events.length - 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("closing the dialog with review edits not stored asks first, by keyboard or button", async () => {
    const { page, errors } = await openWorkspace();
    const open = async () => {
      await page.click("#ingest-open");
      const pasted = { ...existingPlace, article: { ...existingPlace.article, id: "article:review-guard" } };
      await page.fill("#ingest-text", JSON.stringify(pasted));
      await page.waitForSelector(".review-actors li.review-item");
    };
    const ingestOpen = () => page.evaluate(() => document.querySelector<HTMLDialogElement>(".ingest-dialog")?.open);
    const name = `${item("actors", "actor:sudani-wire-spelling")} input[data-key="actor:sudani-wire-spelling/name"]`;

    // Nothing edited: Escape closes at once.
    await open();
    await page.keyboard.press("Escape");
    await page.waitForSelector(".ingest-dialog", { state: "detached" });
    assert.equal(await page.$(".confirm-dialog"), null, "nothing to lose, nothing asked");

    // An edit: Escape asks, the safe answer has the focus, and Enter keeps the review with the edit.
    await open();
    await page.fill(name, "Renamed Before Closing");
    await page.press(name, "Enter");
    await page.keyboard.press("Escape");
    await page.waitForSelector(".confirm-dialog[open]");
    assert.match((await page.textContent(".confirm-dialog")) ?? "", /Discard your review edits\?/);
    assert.equal(await page.evaluate(() => document.activeElement?.className), "confirm-cancel");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".confirm-dialog", { state: "detached" });
    assert.equal(await ingestOpen(), true, "the review is still open");
    assert.equal(await page.inputValue(name), "Renamed Before Closing", "with the edit");

    // Escape twice (the second on the question) keeps it too; the Close button asks the same question.
    await page.keyboard.press("Escape");
    await page.waitForSelector(".confirm-dialog[open]");
    await page.keyboard.press("Escape");
    await page.waitForSelector(".confirm-dialog", { state: "detached" });
    assert.equal(await ingestOpen(), true, "Escape on the question is 'keep editing'");
    await page.click("#ingest-close");
    await page.waitForSelector(".confirm-dialog[open]");
    // Tab reaches "Discard edits" from the keyboard; choosing it closes the dialog and drops the edits.
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.className), "confirm-ok");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".ingest-dialog", { state: "detached" });
    const stored = await ask<{ node: { id: string } | null }>(`{ node(id: "article:review-guard") { id } }`);
    assert.equal(stored.node, null, "nothing was stored");
    assert.deepEqual(errors, []);
    await page.close();
  });
  it("Escape straight after Enter asks to close: it does not undo the edit Enter committed", async () => {
    // The editor redraws on a timer after an edit; an Escape that comes before the redraw used to
    // compare with the drawn value, "undo" the committed edit in the field, and close nothing.
    const { page, errors } = await openWorkspace();
    await page.click("#ingest-open");
    const pasted = { ...existingPlace, article: { ...existingPlace.article, id: "article:review-guard-race" } };
    await page.fill("#ingest-text", JSON.stringify(pasted));
    await page.waitForSelector(".review-actors li.review-item");
    const name = `${item("actors", "actor:sudani-wire-spelling")} input[data-key="actor:sudani-wire-spelling/name"]`;
    await page.fill(name, "Renamed In One Task");
    // Enter then Escape in one task, so no timer can run between them.
    // (No named function inside: the test's compiler would wrap it in a helper the page does not have.)
    // The field is looked up inside the task too: a handle found in an earlier one may have been
    // redrawn away (the graph's answer redraws the list), and keys sent to it reach nothing.
    await page.evaluate((sel) => {
      const input = document.querySelector(sel) as HTMLInputElement;
      for (const key of ["Enter", "Escape"])
        input.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
    }, name);
    await page.waitForSelector(".confirm-dialog[open]");
    await page.click(".confirm-cancel");
    await page.waitForSelector(".confirm-dialog", { state: "detached" });
    assert.equal(await page.inputValue(name), "Renamed In One Task", "the committed edit stays");
    assert.deepEqual(errors, []);
    await page.close();
  });
  it("a redraw keeps the caret and the selection of the field being edited: typing over a selection replaces it", async () => {
    // The editor redraws when an edit elsewhere commits or the graph's answer arrives. A redraw between
    // "select all" and the next keystroke used to leave the caret at the start, so the typing went in front.
    const { page, errors } = await openWorkspace();
    await page.click("#ingest-open");
    await page.fill("#ingest-text", articleText);
    await page.waitForSelector(".review-actors li.review-item", { timeout: 60_000 });
    const [first, second] = await ids(page, "actors");
    const nameOf = (id: string) => `${item("actors", id)} input[data-key="${id}/name"]`;
    const before = await page.inputValue(nameOf(first));
    // Select all of the first name, then commit an edit to the second in the same task: the redraw follows.
    // (Both fields are looked up in that task: an element handle from an earlier one may have been redrawn away.)
    await page.evaluate(
      ([sel, other]) => {
        const field = document.querySelector(sel) as HTMLInputElement;
        field.focus();
        field.select();
        field.dataset.drawn = "old";
        const next = document.querySelector(other) as HTMLInputElement;
        next.value = "Edited Elsewhere";
        next.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
      },
      [nameOf(first), nameOf(second)],
    );
    await page.waitForFunction((sel) => {
      const now = document.querySelector(sel) as HTMLInputElement | null;
      return now !== null && now.dataset.drawn === undefined && document.activeElement === now;
    }, nameOf(first));
    const kept = await page.$eval(nameOf(first), (x) => [
      (x as HTMLInputElement).selectionStart,
      (x as HTMLInputElement).selectionEnd,
    ]);
    assert.deepEqual(kept, [0, before.length], "the whole name is still selected after the redraw");
    await page.keyboard.type("Typed Over");
    assert.equal(await page.inputValue(nameOf(first)), "Typed Over");
    assert.equal(await page.inputValue(nameOf(second)), "Edited Elsewhere");
    assert.deepEqual(errors, []);
    await page.close();
  });
});
