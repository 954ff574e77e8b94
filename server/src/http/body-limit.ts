import type { IncomingMessage } from "node:http";
import type { Refusal } from "./request-guard.ts";

/**
 * Refuses a POST body too large to read, from its Content-Length, before
 * any of it is buffered: GraphQL Yoga reads the whole body into memory, so
 * a 1 GB upload would otherwise hold the server while it arrives.
 * A POST without Content-Length (a chunked stream of unknown size) is refused
 * too: browsers and HTTP clients send the length for a GraphQL request, and
 * only a length known up front can be checked without reading.
 */
export function bodyLimit(req: IncomingMessage, maxBytes: number): Refusal | undefined {
  if (req.method !== "POST") return undefined;
  const header = req.headers["content-length"];
  if (header === undefined)
    return { status: 411, error: "a POST to /graphql must say its Content-Length (chunked bodies are not accepted)" };
  const length = Number(header);
  if (!Number.isSafeInteger(length) || length < 0)
    return { status: 400, error: `Content-Length "${String(header).slice(0, 40)}" is not a byte count` };
  if (length > maxBytes)
    return {
      status: 413,
      error: `the request body is ${length} bytes, over the ${maxBytes}-byte limit (RASD_MAX_BODY_BYTES)`,
    };
  return undefined;
}
