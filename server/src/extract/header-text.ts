import { ArticleInputError } from "./input-error.ts";

/** The fields of a plain-text article's header and where its body starts. */
export interface HeaderText {
  fields: Record<string, string>;
  body: string;
}

const FIELD_LINE = /^([a-zA-Z][\w-]*):\s*(.*)$/;

/**
 * Splits the small `key: value` header (url, title, publisher, published,
 * language) from the body at the first `---` line. The body is kept verbatim —
 * page furniture included — so evidence spans index the file as it is.
 */
export function parseHeaderText(raw: string): HeaderText {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const fields: Record<string, string> = {};
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, "");
    const next = nl === -1 ? text.length : nl + 1;
    if (line.trim() === "---") return { fields, body: text.slice(next) };
    const m = FIELD_LINE.exec(line);
    if (!m) {
      if (line.trim() === "" && Object.keys(fields).length === 0) {
        pos = next;
        continue;
      }
      break;
    }
    fields[m[1].toLowerCase()] = m[2].trim();
    pos = next;
  }
  if (Object.keys(fields).length > 0)
    throw new ArticleInputError("header", "has no `---` line ending it; put `---` on its own line before the article");
  throw new ArticleInputError(
    "title",
    "is missing: plain text needs a header (title:, publisher:, published:, optional url: and language:) ended by a `---` line",
  );
}
