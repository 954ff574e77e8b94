import type { Database } from "../db/database.ts";

export type Role = "anonymous" | "reader" | "editor";

/** Per-request context: the database and who is asking. */
export interface GraphContext {
  db: Database;
  role: Role;
}
