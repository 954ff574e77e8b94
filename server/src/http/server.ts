import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import sirv from "sirv";
import type { Settings } from "../config.ts";
import type { Database } from "../db/database.ts";
import { repoRoot } from "../paths.ts";
import { RateLimiters } from "../plugins/rate-limits.ts";
import { createRasdYoga } from "../yoga.ts";
import { bodyLimit } from "./body-limit.ts";
import { exportRoute } from "./export-route.ts";
import { requestGuard } from "./request-guard.ts";
import { graphiqlSecurityHeaders, securityHeaders } from "./security-headers.ts";

export interface AppOptions {
  db: Database;
  settings: Settings;
  /** Shown by /healthz: "managed" or "external". */
  neo4jMode: string;
}

export const clientDist = join(repoRoot, "client", "dist");

/** A health probe must answer quickly even when Bolt hangs: give the database this long. */
const HEALTH_TIMEOUT_MS = 3000;

async function health(db: Database, neo4jMode: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
  });
  try {
    const r = await Promise.race([db.read({ cypher: "MATCH (e:Event) RETURN count(e) AS events" }), timeout]);
    return {
      status: 200,
      body: { status: "ok", database: { mode: neo4jMode, state: "up", events: r.records[0].get("events") } },
    };
  } catch (error) {
    return {
      status: 503,
      body: {
        status: "degraded",
        database: { mode: neo4jMode, state: "down", error: String((error as Error).message) },
      },
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Yoga's GraphiQL page: a browser asking /graphql for HTML while GraphiQL is on. */
const wantsGraphiql = (req: IncomingMessage, settings: Settings) =>
  settings.graphiql && req.method === "GET" && (req.headers.accept ?? "").includes("text/html");

/**
 * One HTTP server: the client at /, GraphQL at /graphql, health at /healthz.
 * Every response carries the security headers; requests naming an unknown
 * host, or sent by scripts on other sites, are refused before any route.
 */
export function createApp({ db, settings, neo4jMode }: AppOptions): Server {
  const yoga = createRasdYoga({ db, settings });
  // Precompressed .br/.gz from the client build; hashed assets are immutable, the page is revalidated.
  const statics = existsSync(clientDist)
    ? sirv(clientDist, {
        single: true,
        etag: true,
        brotli: true,
        gzip: true,
        setHeaders: (res, pathname) =>
          res.setHeader(
            "cache-control",
            pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
          ),
      })
    : undefined;
  const guard = requestGuard(settings);
  const exportLimits = new RateLimiters({ export: settings.rateLimits.export });
  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/graphql" && wantsGraphiql(req, settings)) graphiqlSecurityHeaders(req, res);
    else securityHeaders(req, res);
    const refused = guard(req) ?? (path === "/graphql" ? bodyLimit(req, settings.maxBodyBytes) : undefined);
    if (refused) {
      // A refused body is not read: close the connection rather than drain it.
      if (refused.status === 413 || refused.status === 411) res.setHeader("connection", "close");
      res.writeHead(refused.status, { "content-type": "application/json; charset=utf-8" });
      return res.end(JSON.stringify({ error: refused.error }));
    }
    if (path === "/graphql") return yoga(req, res);
    if (path === "/export") return exportRoute(req, res, { db, settings, limiters: exportLimits });
    if (path === "/healthz") {
      const h = await health(db, neo4jMode);
      res.writeHead(h.status, { "content-type": "application/json" });
      return res.end(JSON.stringify(h.body));
    }
    if (statics)
      return statics(req, res, () => {
        res.writeHead(404).end("not found");
      });
    res.writeHead(503, { "content-type": "text/plain" });
    res.end("the client is not built; run `npm run build:client`");
  });
}
