import type { QueryResult, RecordShape } from "neo4j-driver";
import type { Database, Statement } from "./db/database.ts";
import type { Loaders } from "./loaders/loaders.ts";

export type Role = "anonymous" | "reader" | "editor";

/** Per-request context: the database, who is asking, and the request's batch loaders. */
export interface GraphContext {
  db: Database;
  role: Role;
  /** Who is asking, for audit entries: the role and a short fingerprint of the API key (never the key). */
  who: string;
  loaders: Loaders;
  /** A read transaction tagged with the operation name and bounded by the query timeout. */
  read<T extends RecordShape = RecordShape>(s: Statement): Promise<QueryResult<T>>;
  /** Several statements in one write transaction, same tagging and timeout. */
  writeAll(statements: Statement[]): Promise<QueryResult[]>;
}
