import { ArticleInputError } from "./input-error.ts";

/** Larger inputs are refused: no news article comes near it, and extraction holds the whole text in memory. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

/**
 * Bytes to a string, refusing what cannot be an article: empty input, binary
 * data, and text that is not UTF-8 (or UTF-16 with a byte-order mark). The
 * legacy Arabic code pages (windows-1256, ISO-8859-6) are decoded when the
 * page declares them (Node's TextDecoder has both) and never guessed, because
 * a wrong guess silently corrupts every name and span.
 */
export function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ArticleInputError("input", "is empty");
  if (bytes.length > MAX_INPUT_BYTES)
    throw new ArticleInputError(
      "size",
      `${bytes.length} bytes is over the ${MAX_INPUT_BYTES}-byte limit (2 MB); split the input or send the article alone`,
    );
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    if (looksBinary(bytes)) throw new ArticleInputError("input", "looks like binary data, not text");
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      const declared = declaredArabicCharset(bytes);
      if (!declared)
        throw new ArticleInputError(
          "encoding",
          "is not valid UTF-8 and declares no Arabic charset (windows-1256 and ISO-8859-6 are read when an HTML page declares them; other legacy encodings are not guessed); convert the file to UTF-8",
        );
      text = new TextDecoder(declared).decode(bytes);
    }
  }
  if (text.trim().length === 0) throw new ArticleInputError("input", "has no text (only whitespace)");
  return text;
}

/** NUL bytes or many control characters in the first 8 KB mean an image, archive or document, not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.05;
}

/** Legacy Arabic charsets a page may declare (<meta charset=…> or http-equiv), as TextDecoder labels. */
export const ARABIC_CHARSETS: Record<string, string> = {
  "windows-1256": "windows-1256",
  cp1256: "windows-1256",
  "iso-8859-6": "iso-8859-6",
  "iso_8859-6": "iso-8859-6",
  arabic: "iso-8859-6",
};

function declaredArabicCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const charset = /charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  return charset ? ARABIC_CHARSETS[charset] : undefined;
}
