import type { Language } from "../bundle/types.ts";
import { detectLanguage, otherArabicScript } from "../text/detect-language.ts";
import { ARABIC_CHARSETS, decodeBytes } from "./decode-bytes.ts";
import { parseHeaderText } from "./header-text.ts";
import { readHtmlArticle } from "./html-article.ts";
import { ArticleInputError } from "./input-error.ts";
import type { ArticleInput } from "./types.ts";

export { ArticleInputError } from "./input-error.ts";
export type { ArticleInput, KnownEntity } from "./types.ts";

type Format = ArticleInput["format"];

/**
 * Reads an article from plain text with a small header, an HTML page or JSON
 * ({title, publisher, publishedAt, language?, url?, text}). The format comes
 * from the file name when it has a known extension, else from the content.
 * Throws {@link ArticleInputError} naming the field at fault.
 */
export function parseArticleInput(bytes: Uint8Array, filename?: string): ArticleInput {
  const raw = decodeBytes(bytes);
  const format = formatOf(raw, filename);
  if (format === "json") return fromJson(raw);
  if (format === "html") return fromHtml(raw);
  const { fields, body } = parseHeaderText(raw);
  return finish(
    {
      url: fields.url,
      title: fields.title,
      publisher: fields.publisher,
      publishedAt: fields.published ?? fields.publishedat ?? fields.date,
      language: fields.language ?? fields.lang,
      text: body,
    },
    "text",
  );
}

function formatOf(raw: string, filename?: string): Format {
  const ext = filename?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === "json") return "json";
  if (ext === "html" || ext === "htm" || ext === "xhtml") return "html";
  if (ext === "txt" || ext === "text" || ext === "md") return "text";
  const head = raw.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith("{")) return "json";
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || /<(head|body|article)[\s>]/.test(head))
    return "html";
  return "text";
}

function fromJson(raw: string): ArticleInput {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    throw new ArticleInputError("json", `is not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ArticleInputError("json", "must be an object {title, publisher, publishedAt, text, language?, url?}");
  const o = value as Record<string, unknown>;
  for (const key of ["title", "publisher", "publishedAt", "text", "language", "url"]) {
    if (o[key] !== undefined && o[key] !== null && typeof o[key] !== "string")
      throw new ArticleInputError(key, `must be a string, got ${typeof o[key]}`);
  }
  const s = (k: string) => o[k] as string | undefined;
  return finish(
    {
      url: s("url"),
      title: s("title"),
      publisher: s("publisher"),
      publishedAt: s("publishedAt"),
      language: s("language"),
      text: s("text"),
    },
    "json",
  );
}

function fromHtml(raw: string): ArticleInput {
  const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(raw)?.[1]?.toLowerCase();
  if (charset && charset !== "utf-8" && charset !== "utf8" && !ARABIC_CHARSETS[charset])
    throw new ArticleInputError(
      "encoding",
      `the page declares charset ${charset}; UTF-8, windows-1256 and ISO-8859-6 pages are read`,
    );
  const page = readHtmlArticle(raw);
  return finish({ ...page }, "html");
}

interface Loose {
  url?: string;
  title?: string;
  publisher?: string;
  publishedAt?: string;
  language?: string;
  text?: string;
}

function finish(f: Loose, format: Format): ArticleInput {
  const title = f.title?.trim();
  if (!title) throw new ArticleInputError("title", "is missing or empty");
  const publisher = f.publisher?.trim() || hostOf(f.url);
  if (!publisher) throw new ArticleInputError("publisher", "is missing (and no url to take it from)");
  if (!f.publishedAt?.trim())
    throw new ArticleInputError("published", "is missing; give the publication date (ISO 8601)");
  const publishedAt = isoDate(f.publishedAt.trim());
  const text = f.text ?? "";
  if (text.trim().length === 0) throw new ArticleInputError("text", "is empty: no article body was found");
  return {
    url: urlOrNull(f.url),
    title,
    publisher,
    publishedAt,
    language: language(f.language, text),
    text,
    format,
  };
}

function language(given: string | undefined, text: string): Language {
  const other = otherArabicScript(text);
  if (other)
    throw new ArticleInputError(
      "language",
      `the text is ${other} written in Arabic script, which Rasd does not read (Arabic and English only); it is refused rather than misread as Arabic`,
    );
  const code = given?.trim().toLowerCase().slice(0, 2);
  if (code === "ar" || code === "en") return code;
  if (code) throw new ArticleInputError("language", `"${given}" is not supported (ar or en)`);
  const detected = detectLanguage(text);
  if (!detected)
    throw new ArticleInputError("language", "could not be detected: the text has no Arabic or Latin letters");
  return detected;
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Keeps an ISO value as given (a local time stays local); other parseable dates become UTC ISO. */
function isoDate(value: string): string {
  const v = value.replace(" ", "T");
  if (ISO.test(v)) return v;
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw new ArticleInputError("published", `"${value}" is not a date (use ISO 8601, e.g. 2024-08-22T07:16)`);
  return new Date(ms).toISOString();
}

function hostOf(url?: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

/** A header may describe a missing URL in words ("(not given; …)"); only a real http(s) URL is kept. */
function urlOrNull(url?: string): string | null {
  const u = url?.trim();
  return u && /^https?:\/\/\S+$/.test(u) ? u : null;
}
