import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { repoRoot } from "./paths.ts";

/** Connection to a Neo4j that Rasd does not manage (NEO4J_URI set). */
export interface ExternalNeo4j {
  kind: "external";
  uri: string;
  user: string;
  password: string;
  database?: string;
}

/** The local Neo4j that `rasd db start` runs. */
export interface ManagedNeo4j {
  kind: "managed";
  dataDir: string;
  port: number;
  heap: string;
  pageCache: string;
  /** Overrides the generated password stored in the data folder. */
  password?: string;
  database?: string;
}

export type Neo4jSettings = ExternalNeo4j | ManagedNeo4j;

export interface ApiKey {
  key: string;
  role: "reader" | "editor";
  /** Who holds the key, as audit entries and analyst provenance name them (default: a fingerprint of the key). */
  name?: string;
}

/** The extraction worker pool (server/src/extract-pool). */
export interface ExtractionSettings {
  /** Worker threads extracting at once (RASD_EXTRACT_WORKERS). */
  workers: number;
  /** Articles that may wait for a worker; one more is refused at once (RASD_EXTRACT_QUEUE). */
  queue: number;
  /** An extraction running longer is stopped (RASD_EXTRACT_TIMEOUT_MS). */
  timeoutMs: number;
}

export interface Settings {
  port: number;
  host: string;
  neo4j: Neo4jSettings;
  apiKeys: ApiKey[];
  /** When true, reads need no API key; writes always do. */
  openReads: boolean;
  /** GraphiQL and introspection; on unless NODE_ENV=production, overridable. */
  graphiql: boolean;
  /** Per-query transaction timeout in milliseconds. */
  queryTimeoutMs: number;
  extraction: ExtractionSettings;
  /** Origins (scheme://host[:port]) other sites may call the API from; empty: same origin only. */
  corsOrigins: string[];
  /** Host names, besides the bound address and localhost, that requests may name (DNS-rebinding guard). */
  allowedHosts: string[];
  /** Requests per minute per API key (or client address without one); 0 turns a limit off. */
  rateLimits: RateLimits;
  /** Largest request body /graphql accepts, in bytes (RASD_MAX_BODY_BYTES). */
  maxBodyBytes: number;
}

/** Requests per minute for the expensive operations, per API key or client address. */
export interface RateLimits {
  /** extractArticle (runs the extractor). */
  extract: number;
  /** ingestArticle and ingestBundle (write to the graph). */
  ingest: number;
  /** GET /export (streams a file). */
  export: number;
}

/** Fails early with the variable's name, so a typo never becomes a silent default. */
function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = 65535): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`invalid ${name}: ${raw} (expected an integer between ${min} and ${max})`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`invalid ${name}: ${raw} (expected true or false)`);
}

/**
 * RASD_RESOLVE_ON_INGEST=false: `rasd ingest` stores each event as its article
 * tells it, without matching it to stored events or syndicated copies (a bulk
 * load of data known to hold no duplicates, or a baseline to time resolution
 * against). Default true.
 */
export function resolveOnIngest(env: NodeJS.ProcessEnv = process.env): boolean {
  return flag(env, "RASD_RESOLVE_ON_INGEST", true);
}

/** RASD_API_KEYS="key1:editor:amira,key2:reader": key, role, and an optional name for the audit log. */
function apiKeys(raw: string | undefined): ApiKey[] {
  if (!raw) return [];
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [key, role = "reader", name] = entry.split(":");
      if (!key || key.length < 8) throw new Error("invalid RASD_API_KEYS: every key must be at least 8 characters");
      if (role !== "reader" && role !== "editor")
        throw new Error(`invalid RASD_API_KEYS: role "${role}" (expected reader or editor)`);
      if (name !== undefined && !/^[\p{L}\p{N}._ -]{1,40}$/u.test(name))
        throw new Error(`invalid RASD_API_KEYS: key name "${name}" (1-40 letters, digits, spaces, dots, dashes)`);
      return name ? { key, role, name } : { key, role };
    });
}

/** RASD_CORS_ORIGINS="https://a.example,http://localhost:5173": each must be a bare origin. */
function origins(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      let origin: string | undefined;
      try {
        origin = new URL(entry).origin;
      } catch {}
      if (!origin || origin === "null" || origin !== entry.replace(/\/$/, ""))
        throw new Error(`invalid RASD_CORS_ORIGINS: "${entry}" (expected an origin such as https://example.org)`);
      return origin;
    });
}

/** RASD_ALLOWED_HOSTS="rasd.lan,192.168.1.20": host names without port. */
function hostNames(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((h) => {
      if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(h))
        throw new Error(`invalid RASD_ALLOWED_HOSTS: "${h}" (expected host names such as rasd.lan, no port or scheme)`);
      return h;
    });
}

export function neo4jSettings(env: NodeJS.ProcessEnv = process.env): Neo4jSettings {
  const database = env.NEO4J_DATABASE || undefined;
  if (env.NEO4J_URI) {
    if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(env.NEO4J_URI))
      throw new Error(`invalid NEO4J_URI: ${env.NEO4J_URI} (expected bolt://, neo4j://, neo4j+s:// …)`);
    return {
      kind: "external",
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER || "neo4j",
      password: env.NEO4J_PASSWORD ?? "",
      database,
    };
  }
  return {
    kind: "managed",
    dataDir: resolve(repoRoot, env.RASD_DATA_DIR || ".rasd/neo4j"),
    port: integer(env, "RASD_NEO4J_PORT", 7687, 1, 65535),
    heap: env.RASD_NEO4J_HEAP || "1g",
    pageCache: env.RASD_NEO4J_PAGECACHE || "512m",
    password: env.NEO4J_PASSWORD || undefined,
    database,
  };
}

/** Defaults: one worker per core but one (the event loop keeps a core), at least one; 16 waiting; 2 minutes. */
export function extractionSettings(env: NodeJS.ProcessEnv = process.env): ExtractionSettings {
  return {
    workers: integer(env, "RASD_EXTRACT_WORKERS", Math.max(1, availableParallelism() - 1), 1, 64),
    queue: integer(env, "RASD_EXTRACT_QUEUE", 16, 0, 10000),
    timeoutMs: integer(env, "RASD_EXTRACT_TIMEOUT_MS", 120_000, 1000, 3_600_000),
  };
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const production = env.NODE_ENV === "production";
  return {
    port: integer(env, "PORT", 4000, 0, 65535),
    host: env.HOST || "127.0.0.1",
    neo4j: neo4jSettings(env),
    apiKeys: apiKeys(env.RASD_API_KEYS),
    openReads: flag(env, "RASD_OPEN_READS", true),
    graphiql: flag(env, "RASD_GRAPHIQL", !production),
    queryTimeoutMs: integer(env, "RASD_QUERY_TIMEOUT_MS", 15000, 100, 600000),
    corsOrigins: origins(env.RASD_CORS_ORIGINS),
    allowedHosts: hostNames(env.RASD_ALLOWED_HOSTS),
    rateLimits: {
      extract: integer(env, "RASD_RATE_LIMIT_EXTRACT", 30, 0, 100000),
      ingest: integer(env, "RASD_RATE_LIMIT_INGEST", 120, 0, 100000),
      export: integer(env, "RASD_RATE_LIMIT_EXPORT", 60, 0, 100000),
    },
    extraction: extractionSettings(env),
    // An article is at most 2 MB (decode-bytes.ts); a bundle of one is well under 32 MB even escaped as JSON.
    maxBodyBytes: integer(env, "RASD_MAX_BODY_BYTES", 32 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
  };
}
