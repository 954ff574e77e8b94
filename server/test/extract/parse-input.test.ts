import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { ArticleInputError, parseArticleInput } from "../../src/extract/parse-input.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

test("the header text format keeps everything after --- verbatim as article.text", () => {
  const a = parseArticleInput(
    bytes("title: عنوان\npublisher: رصد\npublished: 2024-08-22T07:16\n---\nعاجل\n\nنص"),
    "a.txt",
  );
  assert.equal(a.text, "عاجل\n\nنص");
  assert.equal(a.language, "ar");
  assert.equal(a.url, null);
});

test("HTML: the article body is found, without nav, ticker, caption, related news or footer", () => {
  const a = parseArticleInput(
    readFileSync(new URL("../../../seeds/eval/erbil-protest.en.html", import.meta.url)),
    "p.html",
  );
  assert.equal(a.title, "Protesters rally outside Erbil airport after rocket attack");
  assert.equal(a.publisher, "Rasd test desk");
  assert.equal(a.publishedAt, "2024-03-12T14:30:00Z");
  assert.equal(a.language, "en");
  assert.match(a.text, /^Hundreds of protesters gathered/);
  for (const junk of [
    "Breaking",
    "Israeli army strikes",
    "Photo: AFP",
    "Related news",
    "ballistic missiles",
    "All rights reserved",
    "Follow us",
  ])
    assert.ok(!a.text.includes(junk), `body contains "${junk}"`);
});

test("JSON input is read and its language detected when not given", () => {
  const a = parseArticleInput(
    bytes(JSON.stringify({ title: "t", publisher: "p", publishedAt: "2024-01-02", text: "The army said on Monday." })),
  );
  assert.equal(a.language, "en");
  assert.equal(a.format, "json");
});

test("bad input gets a clear ArticleInputError naming what is wrong", () => {
  const cases: [Uint8Array, string | undefined, RegExp][] = [
    [new Uint8Array(), undefined, /input: is empty/],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), undefined, /binary/],
    [new Uint8Array([0x74, 0x69, 0xe1, 0xc7, 0xd1, 0x0a]), "a.txt", /encoding: is not valid UTF-8/],
    [new Uint8Array(2 * 1024 * 1024 + 1).fill(0x61), "a.txt", /size: .* over the .* limit/],
    [bytes("just some text with no header"), "a.txt", /title: is missing/],
    [bytes("title: t\npublisher: p\n---\nbody"), "a.txt", /published: is missing/],
    [bytes('{"title": "t", "publisher": "p", "publishedAt": "2024-01-01", "text": ""}'), "a.json", /text: is empty/],
    [bytes('{"title": 3}'), "a.json", /title: must be a string/],
    [bytes("<html><head><meta charset=koi8-r></head><body>x</body></html>"), "a.html", /charset koi8-r/],
    [
      bytes(`title: t\npublisher: p\npublished: 2024-01-01\n---\n${"این یک خبر فارسی است که گفت ".repeat(4)}`),
      "a.txt",
      /Persian/,
    ],
  ];
  for (const [input, name, message] of cases)
    assert.throws(
      () => parseArticleInput(input, name),
      (e: unknown) => e instanceof ArticleInputError && message.test(e.message),
    );
});

test("an HTML page declared as windows-1256 or ISO-8859-6 is decoded, not refused", () => {
  const arabic = "قال المتحدث باسم الجيش";
  for (const charset of ["windows-1256", "iso-8859-6"]) {
    // Encode with the code page's own table (TextDecoder decodes it; Node has no encoder, so build the bytes by lookup).
    const decoder = new TextDecoder(charset);
    const table = new Map<string, number>();
    for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(new Uint8Array([b])), b);
    const page = `<html><head><meta charset="${charset}"><title>t</title><meta property="og:site_name" content="p"><meta property="article:published_time" content="2024-08-22T07:16:00Z"></head><body><article><p>${arabic} إن الهجوم فشل في المدينة اليوم.</p></article></body></html>`;
    const encoded = new Uint8Array(
      [...page].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : (table.get(c) ?? 0x3f))),
    );
    const a = parseArticleInput(encoded, "a.html");
    assert.ok(a.text.includes(arabic), `${charset}: ${a.text}`);
  }
});
