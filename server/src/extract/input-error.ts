/** Thrown when an article cannot be read; the message names what is wrong so a user can fix the input. */
export class ArticleInputError extends Error {
  /** The input field or property at fault ("title", "encoding", "size" …). */
  readonly field: string;
  constructor(field: string, reason: string) {
    super(`cannot read article: ${field}: ${reason}`);
    this.name = "ArticleInputError";
    this.field = field;
  }
}
