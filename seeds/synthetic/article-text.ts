import type { Span } from "../../server/src/bundle/types.ts";

/**
 * Builds an article's text piece by piece and remembers where each piece
 * landed, so every span the generator emits quotes the text exactly (the
 * validator checks that, and so do the evidence resolvers).
 */
export class ArticleText {
  private parts: string[] = [];
  private length = 0;
  /** Spans per entity id, in order of appearance. */
  readonly mentions = new Map<string, Span[]>();

  /** Appends plain text that is evidence of nothing. */
  add(text: string): Span {
    const span = { start: this.length, end: this.length + text.length, text };
    this.parts.push(text);
    this.length += text.length;
    return span;
  }

  /** Appends a name and records it as a mention of `id`. */
  mention(id: string, name: string): Span {
    const span = this.add(name);
    const list = this.mentions.get(id) ?? [];
    list.push(span);
    this.mentions.set(id, list);
    return span;
  }

  /** A span from `start` to the current end (a whole sentence, say). */
  since(start: number): Span {
    return { start, end: this.length, text: this.toString().slice(start, this.length) };
  }

  get position(): number {
    return this.length;
  }

  toString(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join("")];
    return this.parts[0] ?? "";
  }
}
