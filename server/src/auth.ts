import { createHash } from "node:crypto";
import type { ApiKey } from "./config.ts";
import type { Role } from "./context.ts";

/**
 * The role of a request: the API key's role when one is given (Authorization:
 * Bearer KEY or x-api-key), "reader" for keyless requests when reads are open,
 * else "anonymous". An unknown key is an error, not a silent downgrade.
 */
export function roleOf(request: Request, keys: ApiKey[], openReads: boolean): Role | { error: string } {
  const key = presentedKey(request.headers);
  if (!key) return openReads ? "reader" : "anonymous";
  const found = keys.find((k) => k.key === key);
  return found ? found.role : { error: "unknown API key" };
}

/** The API key a request carries (Authorization: Bearer KEY or x-api-key), if any. */
export function presentedKey(headers: Headers): string | null {
  const header = headers.get("authorization");
  return (header?.startsWith("Bearer ") ? header.slice(7).trim() : headers.get("x-api-key")) || null;
}

/**
 * Who is asking, for audit entries and analyst provenance: the key's name when
 * RASD_API_KEYS gives one, else "editor key 1a2b3c4d" (the role with a
 * fingerprint of the key, enough to tell keys apart; never the key).
 */
export function whoIs(request: Request, role: Role, keys: ApiKey[] = []): string {
  const key = presentedKey(request.headers);
  if (!key) return role;
  const name = keys.find((k) => k.key === key)?.name;
  if (name) return name;
  return `${role} key ${createHash("sha256").update(key).digest("hex").slice(0, 8)}`;
}
