import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { longArticle } from "../../../seeds/synthetic/long-article.ts";
import type { ArticleBundle, Span } from "../../src/bundle/types.ts";
import { validateBundle } from "../../src/bundle/validate.ts";
import { capEvidence, LIMITS } from "../../src/extract/bundle-limits.ts";
import { extractArticle } from "../../src/extract/index.ts";
import { MAX_SENTENCE, splitSentences } from "../../src/text/sentences.ts";

/** Every evidence list of a bundle, with its path. */
function evidenceLists(b: ArticleBundle): [string, Span[]][] {
  return [
    ...b.actors.map((a, i) => [`/actors/${i}`, a.evidence] as [string, Span[]]),
    ...b.locations.map((l, i) => [`/locations/${i}`, l.evidence] as [string, Span[]]),
    ...b.events.map((e, i) => [`/events/${i}`, e.evidence] as [string, Span[]]),
    ...b.claims.map((c, i) => [`/claims/${i}`, c.evidence] as [string, Span[]]),
    ...(b.relations ?? []).map((r, i) => [`/relations/${i}`, r.evidence ?? []] as [string, Span[]]),
  ];
}

describe("long articles: the extractor's bundle always passes the bundle schema", () => {
  for (const shape of ["mixed", "repeated", "run-on"] as const)
    for (const kb of [100, 400]) {
      it(`${kb} KB, ${shape}: valid, every evidence list within ${LIMITS.evidence}`, () => {
        const bundle = extractArticle(longArticle(kb * 1000, shape));
        // extractArticle validates already; validating again states what the test relies on.
        validateBundle(bundle);
        assert.ok(bundle.actors.length > 0 && bundle.claims.length > 0, "the article was read");
        for (const [path, spans] of evidenceLists(bundle))
          assert.ok(spans.length <= LIMITS.evidence, `${path} has ${spans.length} spans`);
      });
    }

  it("the repeated article, whose events recur in thousands of sentences, keeps its evidence by merging runs", () => {
    const bundle = extractArticle(longArticle(400_000, "repeated"));
    assert.ok(
      bundle.events.some((e) => e.evidence.some((s) => (s.text ?? "").includes("\n"))),
      "consecutive sentences were merged into one span",
    );
  });
});

describe("capEvidence", () => {
  const text = "One. Two. Three.\n\nFour. Five.";
  const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length });

  it("leaves evidence within the limit as it is", () => {
    const spans = [at("Two."), at("One.")];
    assert.equal(capEvidence(spans, text, 2), spans);
  });

  it("merges overlapping spans and spans separated by white space only, re-quoting the text", () => {
    const merged = capEvidence([at("Three."), at("One."), at("Two."), at("Five.")], text, 3);
    assert.deepEqual(
      merged.map((s) => s.text),
      ["One. Two. Three.", "Five."],
    );
    for (const s of merged) assert.equal(text.slice(s.start, s.end), s.text);
  });

  it("keeps the first spans when merging is not enough", () => {
    const t = "a, b, c, d";
    const spans = ["a", "b", "c", "d"].map((w) => ({ start: t.indexOf(w), end: t.indexOf(w) + 1 }));
    assert.deepEqual(
      capEvidence(spans, t, 2).map((s) => s.text),
      ["a", "b"],
    );
  });
});

describe("sentences never run on past the limit", () => {
  it("cuts text without full stops at a comma or a space, covering all of it", () => {
    const text = `${"كلمة، ".repeat(2000)}نهاية`;
    const spans = splitSentences(text, 0, text.length);
    assert.ok(spans.length > 1);
    for (const s of spans) assert.ok(s.end - s.start <= MAX_SENTENCE, `${s.end - s.start} chars`);
    assert.equal(spans[0].start, 0);
    assert.equal(spans.at(-1)?.end, text.length);
    for (let i = 1; i < spans.length; i++) assert.match(text.slice(spans[i - 1].end, spans[i].start), /^\s*$/);
  });

  it("leaves real sentences as they were", () => {
    const text = "قال المتحدث إن الهجوم وقع فجرًا. وأضاف أن التحقيق مستمر.";
    assert.equal(splitSentences(text, 0, text.length).length, 2);
  });
});
