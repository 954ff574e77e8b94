import { type SentenceSpan, splitSentences } from "../text/sentences.ts";
import { type Token, tokenize } from "../text/tokenize.ts";
import { classifyLines } from "./furniture.ts";
import type { ArticleInput } from "./types.ts";

/** A sentence of article prose with the range of its tokens in {@link Doc.tokens}. */
export interface Sentence extends SentenceSpan {
  index: number;
  tokStart: number;
  tokEnd: number;
  /** Index of the paragraph (line) it belongs to. */
  paragraph: number;
}

/** The article prepared once for every extraction step. Furniture lines are simply absent from `sentences`. */
export interface Doc {
  input: ArticleInput;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Publication date as yyyy-mm-dd, the anchor of relative dates. */
  published: string;
}

export function buildDoc(input: ArticleInput): Doc {
  const text = input.text;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const blocks = classifyLines(text, input.title);
  blocks.forEach((block, paragraph) => {
    if (!block.content) return;
    for (const span of splitSentences(text, block.start, block.end)) {
      const toks = tokenize(text, span.start, span.end);
      sentences.push({
        ...span,
        index: sentences.length,
        paragraph,
        tokStart: tokens.length,
        tokEnd: tokens.length + toks.length,
      });
      tokens.push(...toks);
    }
  });
  return { input, text, tokens, sentences, published: input.publishedAt.slice(0, 10) };
}

/** Index of the first token starting at or after character `offset` (tokens.length when none; binary search). */
export function firstTokenFrom(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The sentence holding token i (binary search; sentences are in text order). */
export function sentenceOfToken(doc: Doc, i: number): Sentence {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.sentences[mid].tokStart <= i) lo = mid;
    else hi = mid - 1;
  }
  return doc.sentences[lo];
}
