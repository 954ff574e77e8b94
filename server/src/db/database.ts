import neo4j, { type Driver, type QueryResult, type RecordShape } from "neo4j-driver";
import { withRetries } from "./retry.ts";

/** A statement and its parameters: Cypher text is built from constants, values are always parameters. */
export interface Statement {
  cypher: string;
  params?: Record<string, unknown>;
}

/** The database could not be reached or refused the work; message is safe to show. */
export class DatabaseError extends Error {
  override name = "DatabaseError";
  readonly code?: string;
  constructor(message: string, code?: string, cause?: unknown) {
    super(message, { cause });
    this.code = code;
  }
}

/** The database is down or (re)starting: the same request may work in a few seconds. */
export class DatabaseUnavailableError extends DatabaseError {
  override name = "DatabaseUnavailableError";
}

/**
 * Driver codes that mean "no database to talk to right now": the server is
 * gone or refusing connections, a connection broke mid-transaction, or Neo4j
 * is up but its database is still starting (store recovery after a crash).
 */
const unavailableCodes = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
]);

/** Opening a connection to a host that does not answer gives up after this long. */
const CONNECTION_TIMEOUT_MS = 3000;

const isUnavailable = (error: unknown) => unavailableCodes.has((error as { code?: string }).code ?? "");

/** Maps driver error codes to messages a user can act on. */
function toDomainError(error: unknown): Error {
  const code = (error as { code?: string }).code;
  if (!code) return error as Error;
  if (isUnavailable(error)) return new DatabaseUnavailableError("the graph database is unavailable", code, error);
  if (code === "Neo.ClientError.Security.Unauthorized")
    return new DatabaseError(
      "the graph database refused the credentials (check NEO4J_USER/NEO4J_PASSWORD)",
      code,
      error,
    );
  if (code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut") || code.includes("TransactionTimedOut"))
    return new DatabaseError("the query took too long and was stopped", code, error);
  if (code === "Neo.ClientError.Schema.ConstraintValidationFailed")
    return new DatabaseError(`a uniqueness rule was broken: ${(error as Error).message}`, code, error);
  return error as Error;
}

/** Runs one statement inside an open transaction (what `Database.transaction` hands its work). */
export type Run = (s: Statement) => Promise<QueryResult>;

export interface RunOptions {
  /** Tagged on the transaction (shows in SHOW TRANSACTIONS and query.log). */
  metadata?: Record<string, unknown>;
  timeoutMs?: number;
}

/** Counts statements per operation; tests use it to prove nested queries are batched. */
export type StatementListener = (statement: Statement, mode: "READ" | "WRITE") => void;

/**
 * The one wrapper around the driver. Reads go through read transactions and
 * writes through write transactions so a cluster routes them; sessions are
 * always closed; driver errors become DatabaseErrors.
 */
export class Database {
  readonly driver: Driver;
  readonly database?: string;
  private listeners = new Set<StatementListener>();
  private writeListeners = new Set<() => void>();

  constructor(uri: string, user: string, password: string, database?: string) {
    this.driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: 50,
      // Retries are withRetries' job (a short budget when the database is down).
      maxTransactionRetryTime: 0,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
    });
    this.database = database;
  }

  onStatement(listener: StatementListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after every committed write (caches of what the graph holds drop themselves here). */
  onWrite(listener: () => void): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  private committed<T>(result: T): T {
    for (const l of this.writeListeners) l();
    return result;
  }

  async verify(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      throw toDomainError(error);
    }
  }

  async read<T extends RecordShape = RecordShape>(s: Statement, options: RunOptions = {}): Promise<QueryResult<T>> {
    return this.run("READ", (tx) => tx.run<T>(s.cypher, s.params ?? {}), s, options);
  }

  async write<T extends RecordShape = RecordShape>(s: Statement, options: RunOptions = {}): Promise<QueryResult<T>> {
    return this.run("WRITE", (tx) => tx.run<T>(s.cypher, s.params ?? {}), s, options);
  }

  /** Several statements in one write transaction: all or nothing. */
  async writeAll(statements: Statement[], options: RunOptions = {}): Promise<QueryResult[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const results = await withRetries(
        () =>
          session.executeWrite(
            async (tx) => {
              const results: QueryResult[] = [];
              for (const s of statements) {
                this.emit(s, "WRITE");
                results.push(await tx.run(s.cypher, s.params ?? {}));
              }
              return results;
            },
            { metadata: options.metadata, timeout: options.timeoutMs },
          ),
        isUnavailable,
      );
      return this.committed(results);
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * Work that reads and writes in ONE write transaction, deciding what to
   * write from what it read (ingest resolves an article against the graph
   * this way, so nothing can change in between). All or nothing. `run` sends
   * its statement at once: statements started without awaiting the previous
   * one are pipelined (run in order, one round trip for all of them).
   */
  async writeWork<T>(work: (run: Run) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx) =>
          work((s) => {
            this.emit(s, "WRITE");
            return tx.run(s.cypher, s.params ?? {});
          }),
        { metadata: options.metadata, timeout: options.timeoutMs },
      );
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * An auto-commit statement, for `CALL { … } IN TRANSACTIONS` batch jobs that
   * cannot run inside a managed transaction (bulk deletes, imports).
   */
  async autoCommit(s: Statement, options: RunOptions = {}): Promise<QueryResult> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    this.emit(s, "WRITE");
    try {
      return this.committed(
        await session.run(s.cypher, s.params ?? {}, { metadata: options.metadata, timeout: options.timeoutMs }),
      );
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close();
    }
  }

  private emit(s: Statement, mode: "READ" | "WRITE") {
    for (const l of this.listeners) l(s, mode);
  }

  private async run<T extends RecordShape>(
    mode: "READ" | "WRITE",
    work: (tx: import("neo4j-driver").ManagedTransaction) => Promise<QueryResult<T>>,
    s: Statement,
    options: RunOptions,
  ): Promise<QueryResult<T>> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    this.emit(s, mode);
    const config = { metadata: options.metadata, timeout: options.timeoutMs };
    try {
      const result = await withRetries(
        () => (mode === "READ" ? session.executeRead(work, config) : session.executeWrite(work, config)),
        isUnavailable,
      );
      return mode === "READ" ? result : this.committed(result);
    } catch (error) {
      throw toDomainError(error);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
