import type { QueryResult } from "neo4j-driver";
import type { Statement } from "../db/database.ts";

/** Runs one statement inside the edit's write transaction. */
export type Run = (s: Statement) => Promise<QueryResult>;

/** A refused edit: `path` names the argument that is wrong, the message says why. Nothing is written. */
export class EditError extends Error {
  override name = "EditError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** An id that names nothing in the graph. */
export class MissingNode extends Error {
  override name = "MissingNode";
  constructor(readonly id: string) {
    super(`nothing has the id "${id}"`);
  }
}
