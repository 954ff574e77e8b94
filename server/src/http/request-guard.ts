import type { IncomingMessage } from "node:http";
import { hostname, networkInterfaces } from "node:os";

/** Options for {@link requestGuard}. */
export interface RequestGuardOptions {
  /** The address the server is bound to (HOST). */
  host: string;
  /** Extra host names requests may use (RASD_ALLOWED_HOSTS). */
  allowedHosts: string[];
  /** Origins allowed to call the API from scripts (RASD_CORS_ORIGINS). */
  corsOrigins: string[];
}

export interface Refusal {
  status: number;
  error: string;
}

const LOOPBACK = ["localhost", "127.0.0.1", "::1", "[::1]"];
const bracket = (address: string) => (address.includes(":") ? `[${address}]` : address);

/** Every name the server may be reached by without configuration: its own address, and every local one when bound to all. */
function ownNames(host: string): string[] {
  const h = host.toLowerCase();
  if (h === "0.0.0.0" || h === "::" || h === "[::]") {
    const addresses = Object.values(networkInterfaces())
      .flat()
      .map((i) => i?.address)
      .filter((a): a is string => !!a);
    return [...LOOPBACK, hostname().toLowerCase(), ...addresses, ...addresses.map(bracket)];
  }
  return [...LOOPBACK, h, bracket(h)];
}

/** The host name of a Host header, without its port: "a.b:4000" → "a.b", "[::1]:4000" → "[::1]". */
function hostOf(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  return h.replace(/:\d*$/, "");
}

/**
 * Refuses what a browser could be tricked into sending, before any route
 * runs:
 * - a Host this server is not known by: a DNS-rebinding page resolves its
 *   own name to 127.0.0.1, and its requests name that host (403);
 * - a script's request from another site (Fetch Metadata
 *   `Sec-Fetch-Site: cross-site`, not a navigation) unless its Origin is
 *   allow-listed: CORS already stops such a page reading answers, this stops
 *   it sending expensive requests blind (403).
 */
export function requestGuard({ host, allowedHosts, corsOrigins }: RequestGuardOptions) {
  const known = new Set([...ownNames(host), ...allowedHosts]);
  const origins = new Set(corsOrigins);
  return (req: IncomingMessage): Refusal | undefined => {
    const header = req.headers.host;
    if (!header) return { status: 400, error: "the request has no Host header" };
    const name = hostOf(header);
    if (!known.has(name))
      return {
        status: 403,
        error: `this server does not answer to the host name "${name.slice(0, 100)}"; add it to RASD_ALLOWED_HOSTS to allow it`,
      };
    const site = req.headers["sec-fetch-site"];
    const origin = req.headers.origin;
    if (site === "cross-site" && req.headers["sec-fetch-mode"] !== "navigate" && !(origin && origins.has(origin)))
      return {
        status: 403,
        error:
          "requests from scripts on other sites are refused; add the site's origin to RASD_CORS_ORIGINS to allow it",
      };
    return undefined;
  };
}
