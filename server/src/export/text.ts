import type { Value } from "./elements.ts";

/**
 * Escaping and buffering shared by the text writers. Arabic and every other
 * script pass through untouched as UTF-8; only what the syntax reserves is
 * escaped.
 */

// XML 1.0 forbids most C0 controls, lone surrogates and U+FFFE/U+FFFF even when escaped.
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the characters XML forbids is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_SPECIAL = /[&<>"']/g;
const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export const xml = (s: string) => s.replace(XML_INVALID, "").replace(XML_SPECIAL, (c) => XML_ENTITIES[c]);

/** A value as attribute text: lists become JSON arrays (GraphML and GEXF readers keep them as one string). */
export function text(v: Value): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return JSON.stringify(v);
  return String(v);
}

/** RFC 4180: quote when a field holds a comma, quote, line break or edge whitespace. */
export function csvField(v: Value): string {
  const s = text(v);
  if (s === null) return "";
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Drops nulls so JSON stays small; readers treat a missing key as no value. */
export function compact(attrs: Record<string, Value>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

/**
 * Joins the many small strings a writer yields into chunks of about `size`
 * bytes: one socket write per chunk instead of one per attribute.
 */
export async function* buffered(parts: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let pending: string[] = [];
  let length = 0;
  for await (const part of parts) {
    pending.push(part);
    length += part.length;
    if (length >= size) {
      yield pending.join("");
      pending = [];
      length = 0;
    }
  }
  if (pending.length) yield pending.join("");
}
