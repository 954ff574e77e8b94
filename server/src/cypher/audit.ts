import type { Statement } from "../db/database.ts";
import { AUDIT_ENTRY } from "../model/vocabulary.ts";

/**
 * The audit log: one (:AuditEntry) per mutation, with who, when, what, the
 * state before and after (JSON), whether it can be undone and, once it is,
 * the entry of the undo. Pure: values in, statements out.
 */
export interface AuditWrite {
  id: string;
  who: string;
  action: string;
  target: string;
  before: string;
  after: string;
  undoable: boolean;
}

export function writeAudit(entry: AuditWrite): Statement {
  return {
    cypher: `CREATE (x:${AUDIT_ENTRY} {id: $entry.id, at: datetime(), who: $entry.who, action: $entry.action,
  target: $entry.target, before: $entry.before, after: $entry.after, undoable: $entry.undoable})`,
    params: { entry },
  };
}

/** One entry as `entryProjection` returns it. */
export interface AuditEntryRow extends AuditWrite {
  at: string;
  undoneBy: string | null;
  undoes: string | null;
}

const entryProjection = (v: string) =>
  `${v} { .id, .who, .action, .target, .before, .after, .undoneBy, .undoes, undoable: coalesce(${v}.undoable, false),
    at: toString(${v}.at) }`;

/** One entry, locked for the rest of the transaction (two undos of it cannot both pass the check). */
export function auditEntryForUpdate(id: string): Statement {
  return {
    cypher: `MATCH (x:${AUDIT_ENTRY} {id: $id}) SET x._lock = true REMOVE x._lock RETURN ${entryProjection("x")} AS entry`,
    params: { id },
  };
}

/** The newest edit `who` can still undo (an undo is redone only by naming its entry). */
export function lastUndoable(who: string): Statement {
  return {
    cypher: `MATCH (x:${AUDIT_ENTRY}) WHERE x.who = $who AND x.undoable AND x.undoneBy IS NULL AND x.action <> 'undo'
WITH x ORDER BY x.at DESC, x.id DESC LIMIT 1
RETURN x.id AS id`,
    params: { who },
  };
}

export function markUndone(id: string, by: string): Statement {
  return { cypher: `MATCH (x:${AUDIT_ENTRY} {id: $id}) SET x.undoneBy = $by`, params: { id, by } };
}

export function linkUndo(id: string, undoes: string): Statement {
  return { cypher: `MATCH (x:${AUDIT_ENTRY} {id: $id}) SET x.undoes = $undoes`, params: { id, undoes } };
}

export interface AuditFilter {
  who?: string | null;
  action?: string | null;
  /** Entries whose target is this id or names it (merges list several). */
  target?: string | null;
  since?: string | null;
  until?: string | null;
}

const where = `($f.who IS NULL OR x.who = $f.who) AND ($f.action IS NULL OR x.action = $f.action)
  AND ($f.target IS NULL OR x.target = $f.target OR x.target CONTAINS $f.target)
  AND ($f.since IS NULL OR x.at >= datetime($f.since)) AND ($f.until IS NULL OR x.at <= datetime($f.until))`;

/** A page of entries, newest first. */
export function auditPage(f: AuditFilter, skip: number, limit: number): Statement {
  return {
    cypher: `MATCH (x:${AUDIT_ENTRY}) WHERE ${where}
WITH x ORDER BY x.at DESC, x.id DESC SKIP toInteger($skip) LIMIT toInteger($limit)
RETURN ${entryProjection("x")} AS entry`,
    params: { f: normal(f), skip, limit },
  };
}

export function auditCount(f: AuditFilter): Statement {
  return { cypher: `MATCH (x:${AUDIT_ENTRY}) WHERE ${where} RETURN count(x) AS total`, params: { f: normal(f) } };
}

const normal = (f: AuditFilter) => ({
  who: f.who ?? null,
  action: f.action ?? null,
  target: f.target ?? null,
  since: f.since ?? null,
  until: f.until ?? null,
});
