import { randomUUID } from "node:crypto";
import * as m from "../cypher/event-merges.ts";
import { mergeStatements } from "../cypher/merge-entities.ts";
import { recordMerges, refreshEvents } from "../cypher/resolve.ts";
import { countCreatedEvents } from "../cypher/timeline-counts.ts";
import type { Database, Run } from "../db/database.ts";
import { record } from "../edit/audit.ts";
import { eventSearchText } from "../model/search-text.ts";

/**
 * An analyst's merge, split and rejection of candidate duplicates. Each runs
 * its checks and writes in one transaction and leaves an AuditEntry with the
 * state before and after. Failures are EditErrors naming the argument.
 */
export class EditError extends Error {
  override name = "EditError";
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

export class EventNotFound extends Error {
  override name = "EventNotFound";
  constructor(readonly id: string) {
    super(`no event has the id "${id}"`);
  }
}

interface EventState {
  id: string;
  found: boolean;
  reports: { article: string; originalId: string; title: string; publishedAt: string }[];
  sources: number | null;
  start: string | null;
  end: string | null;
}

async function states(run: Run, ids: string[]): Promise<EventState[]> {
  const r = await run(m.eventsForEdit(ids));
  return r.records.map((x) => x.toObject() as EventState);
}

const summary = (s: EventState[]) =>
  JSON.stringify(
    s.map((e) => ({
      id: e.id,
      start: e.start,
      end: e.end,
      independentSources: e.sources,
      reports: e.reports.map((r) => r.article),
    })),
  );

/** Merges and splits of events are undone by each other (mergeEvents ↔ splitEvent), not through `undo`. */
const audit = (run: Run, who: string, action: string, target: string, before: string, after: string) =>
  record(run, { who, action, target, before, after, undoable: false });

export async function mergeEvents(db: Database, ids: string[], reason: string, who: string) {
  const unique = [...new Set(ids)];
  if (unique.length < 2 || unique.length > 50) throw new EditError("ids", "give between 2 and 50 distinct event ids");
  if (!reason.trim()) throw new EditError("reason", "say why these are one event");
  const [keep, ...merge] = unique;
  return db.writeWork(async (run) => {
    const before = await states(run, unique);
    for (const s of before) if (!s.found) throw new EventNotFound(s.id);
    const seen = new Map<string, string>();
    for (const s of before)
      for (const r of s.reports) {
        const other = seen.get(r.article);
        if (other && other !== s.id)
          throw new EditError("ids", `${r.article} reports both ${other} and ${s.id}: one article told them apart`);
        seen.set(r.article, s.id);
      }
    await run(m.moveReports(keep, merge));
    for (const s of mergeStatements("Event", keep, merge, [])) await run(s);
    await run(refreshEvents([keep]));
    const recordId = `merge:${randomUUID()}`;
    await run(
      recordMerges([
        {
          id: recordId,
          event: keep,
          by: who,
          byKind: "ANALYST",
          reason,
          score: null,
          reasons: [reason],
          events: unique,
          articles: [...seen.keys()],
        },
      ]),
    );
    const after = await states(run, [keep]);
    const auditId = await audit(run, who, "mergeEvents", keep, summary(before), summary(after));
    return { keep, merged: merge, mergeRecord: recordId, auditId };
  });
}

export async function splitEvent(db: Database, id: string, who: string) {
  return db.writeWork(async (run) => {
    const [before] = await states(run, [id]);
    if (!before.found) throw new EventNotFound(id);
    if (before.reports.length < 2)
      throw new EditError("id", `${id} has ${before.reports.length} report(s): nothing to split`);
    // The report the event was first created from stays; every other one gets its event back.
    const sorted = [...before.reports].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    const anchor = sorted.find((r) => r.originalId === id) ?? sorted[0];
    const rest = sorted.filter((r) => r !== anchor);
    const taken = await run({
      cypher: "UNWIND $ids AS x MATCH (e:Event {id: x}) RETURN e.id AS id",
      params: { ids: rest.map((r) => r.originalId) },
    });
    const exists = new Set(taken.records.map((r) => r.get("id") as string));
    const rows = rest.map((r, i) => ({
      article: r.article,
      prefix: `${r.article}@`,
      newId: r.originalId === id || exists.has(r.originalId) ? `${r.originalId}-split-${i + 1}` : r.originalId,
      searchText: eventSearchText(r.title, null),
    }));
    await run(m.splitReports(id, rows));
    await run(countCreatedEvents(rows.map((r) => r.newId)));
    await run(m.markMergesUndone(id));
    const ids = [id, ...rows.map((r) => r.newId)];
    await run(refreshEvents(ids));
    const after = await states(run, ids);
    const auditId = await audit(run, who, "splitEvent", id, summary([before]), summary(after));
    return { events: ids, auditId };
  });
}

export async function rejectCandidate(db: Database, a: string, b: string, who: string) {
  return db.writeWork(async (run) => {
    const r = await run(m.setCandidateStatus(a, b, "REJECTED"));
    if (Number(r.records[0]?.get("changed") ?? 0) === 0)
      throw new EditError("candidate", `${a} and ${b} are not candidate duplicates`);
    const auditId = await audit(
      run,
      who,
      "rejectCandidate",
      `${a} ${b}`,
      JSON.stringify({ status: "OPEN" }),
      JSON.stringify({ status: "REJECTED" }),
    );
    return { a, b, auditId };
  });
}
