import { readFileSync } from "node:fs";
import { parseArticleInput } from "../../server/src/extract/parse-input.ts";
import type { ArticleInput } from "../../server/src/extract/types.ts";

/**
 * Long articles for extraction tests and bench:extract, made of the real
 * Arabic seed and evaluation articles so every extraction step has work:
 * - "mixed": the four Arabic articles in turn, as a long report would read;
 * - "repeated": the seed article again and again (the same events and names
 *   thousands of times: the case that overflowed the schema's evidence limit);
 * - "run-on": the seed's prose on one line with no full stop (one endless
 *   sentence, the case that made per-sentence steps quadratic).
 */
export type LongArticleShape = "mixed" | "repeated" | "run-on";

const root = new URL("../../", import.meta.url);
const ARABIC = [
  "seeds/erem-2024-08-22.ar.txt",
  "seeds/eval/basra-talks.ar.txt",
  "seeds/eval/harir-drone.ar.txt",
  "seeds/eval/hodeidah-strikes.ar.txt",
].map((f) => parseArticleInput(readFileSync(new URL(f, root)), f));

const utf8Length = (s: string) => Buffer.byteLength(s, "utf8");

function pieces(shape: LongArticleShape): string[] {
  if (shape === "mixed") return ARABIC.map((a) => `${a.text}\n\n`);
  if (shape === "repeated") return [`${ARABIC[0].text}\n\n`];
  const prose = ARABIC[0].text
    .split("\n")
    .filter((line) => line.length > 150 && !/المصدر/.test(line))
    .join(" ")
    .replace(/[.؟!?]/g, " ");
  return [`${prose} `];
}

/** Body text of about `bytes` UTF-8 bytes (never more), cut at a space. */
export function longArticleText(bytes: number, shape: LongArticleShape = "mixed"): string {
  const parts = pieces(shape);
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = parts[i % parts.length];
    out.push(part);
    size += utf8Length(part);
  }
  let text = out.join("");
  // Trim to the byte budget: Arabic letters are two bytes, so halve the overshoot in characters, then cut at a space.
  while (utf8Length(text) > bytes) text = text.slice(0, text.length - Math.ceil((utf8Length(text) - bytes) / 2));
  return text.slice(0, text.lastIndexOf(" ")).trimEnd();
}

/** The article as {@link ArticleInput}, published on the seed's day. */
export function longArticle(bytes: number, shape: LongArticleShape = "mixed"): ArticleInput {
  return { ...ARABIC[0], title: `تقرير مطول (${shape})`, text: longArticleText(bytes, shape) };
}

/** The article as a .txt file's content (header and body), as a user would upload it. */
export function longArticleFile(bytes: number, shape: LongArticleShape = "mixed"): string {
  const a = longArticle(bytes, shape);
  return `title: ${a.title}\npublisher: ${a.publisher}\npublished: ${a.publishedAt}\nlanguage: ar\n---\n${a.text}\n`;
}
