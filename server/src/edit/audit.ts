import { randomUUID } from "node:crypto";
import * as q from "../cypher/audit.ts";
import type { Database, Run } from "../db/database.ts";
import type { AuditAction } from "../model/vocabulary.ts";
import { EditError, MissingNode } from "./errors.ts";
import {
  canonical,
  firstDifference,
  keyTiesOf,
  restoreSnapshot,
  type Snapshot,
  type Target,
  takeSnapshot,
} from "./snapshot.ts";

/**
 * Every mutation leaves an audit entry. Edits of stored nodes go through
 * `audited`: in ONE write transaction it snapshots the nodes the edit
 * touches, runs the edit, snapshots them again (with any node the edit
 * created) and records both, so `undo` can put the "before" back — after
 * checking that the nodes still look exactly like "after".
 */
export interface Who {
  /** The analyst's key name (or key fingerprint), as audit entries and provenance record it. */
  who: string;
}

export interface EditWork<T> {
  /** The result, and the ids of nodes the edit created (recorded in "after"; undo deletes them). */
  (run: Run): Promise<{ result: T; created?: Target[]; target?: string }>;
}

export interface AuditedOptions {
  who: string;
  action: AuditAction;
  /** The id (or ids, space separated) the log lists the entry under. */
  target: string;
  /** The nodes the edit may change. */
  touches: Target[];
  metadata?: Record<string, unknown>;
  timeoutMs?: number;
}

export async function audited<T>(
  db: Database,
  o: AuditedOptions,
  work: EditWork<T>,
): Promise<{ result: T; auditId: string }> {
  return db.writeWork(
    async (run) => {
      const before = await takeSnapshot(run, o.touches);
      const out = await work(run);
      // Whatever the edit changed, the ties of the nodes it touched carry their events' keys again.
      await run(keyTiesOf([...o.touches, ...(out.created ?? [])]));
      const after = await takeSnapshot(run, [...o.touches, ...(out.created ?? [])]);
      const auditId = await record(run, {
        who: o.who,
        action: o.action,
        target: out.target ?? o.target,
        before: canonical(before),
        after: canonical(after),
        undoable: true,
      });
      return { result: out.result, auditId };
    },
    { metadata: o.metadata ?? { app: "rasd", operation: o.action }, timeoutMs: o.timeoutMs },
  );
}

/** An entry for a mutation that is not undone through the log (ingest: delete the article; delete: ingest it again). */
export async function record(run: Run, entry: Omit<q.AuditWrite, "id">): Promise<string> {
  const id = `audit:${randomUUID()}`;
  await run(q.writeAudit({ id, ...entry }));
  return id;
}

/**
 * Restores the state before entry `auditId` (default: `who`'s newest
 * undoable entry) in one transaction, and logs the undo as an entry of its
 * own (which can itself be undone: a redo). Refuses, writing nothing, when
 * the entry cannot be undone, was undone already, or its nodes changed since.
 */
export async function undo(db: Database, auditId: string | null, who: string) {
  return db.writeWork(
    async (run) => {
      const id = auditId ?? ((await run(q.lastUndoable(who))).records[0]?.get("id") as string | undefined);
      if (!id) throw new EditError("auditId", `${who} has no edit left to undo`);
      const row = (await run(q.auditEntryForUpdate(id))).records[0]?.get("entry") as q.AuditEntryRow | undefined;
      if (!row) throw new MissingNode(id);
      if (!row.undoable)
        throw new EditError(
          "auditId",
          `${row.action} cannot be undone from the log (${row.action === "ingest" ? "delete the article instead" : row.action === "deleteArticle" ? "ingest the article again" : "use the matching split"})`,
        );
      if (row.undoneBy) throw new EditError("auditId", `${id} was already undone by ${row.undoneBy}`);
      const before = JSON.parse(row.before) as Snapshot;
      const after = JSON.parse(row.after) as Snapshot;
      const now = await takeSnapshot(run, after.targets);
      const diff = firstDifference(after, now);
      if (diff) throw new EditError("auditId", `the target changed since ${row.action} (${diff}): undo refused`);
      await restoreSnapshot(run, before, after);
      const restored = await takeSnapshot(run, after.targets);
      const undoId = await record(run, {
        who,
        action: "undo",
        target: row.target,
        before: canonical(now),
        after: canonical(restored),
        undoable: true,
      });
      await run(q.linkUndo(undoId, id));
      await run(q.markUndone(id, undoId));
      return { auditId: undoId, undid: id, action: row.action, target: row.target };
    },
    { metadata: { app: "rasd", operation: "undo" } },
  );
}
