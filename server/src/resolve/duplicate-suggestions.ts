import { randomUUID } from "node:crypto";
import type { QueryResult } from "neo4j-driver";
import * as d from "../cypher/duplicates.ts";
import type { Database, Statement } from "../db/database.ts";
import { record } from "../edit/audit.ts";
import { type DuplicateGroup, duplicateGroups, type NamedEntity, pairKey, similarTo } from "./duplicate-groups.ts";
import { EditError } from "./event-edits.ts";

/**
 * Duplicate suggestions for actors and places: read the names of one label,
 * group look-alikes (duplicate-groups.ts), and give each member of a page of
 * groups its evidence; store an analyst's "not duplicates" (audited) so a
 * dismissed pair is never suggested again.
 */

export type Read = (s: Statement) => Promise<QueryResult>;

export interface MemberEvidence {
  id: string;
  name: string;
  nameAr: string | null;
  aliases: string[];
  kind: string;
  mentions: number;
  articles: number;
  samples: { articleId: string; articleTitle: string; start: number; end: number; quote: string }[];
  events: string[];
}

async function entities(read: Read, label: d.DuplicateLabel): Promise<NamedEntity[]> {
  const r = await read(d.namedEntities(label));
  return r.records.map((x) => x.toObject() as NamedEntity);
}

/** All groups of look-alikes of a label, strongest first, dismissed pairs left out. */
export async function suggestionGroups(read: Read, label: d.DuplicateLabel): Promise<DuplicateGroup[]> {
  const [named, dismissed] = await Promise.all([entities(read, label), read(d.dismissedPairs(label))]);
  return duplicateGroups(named, new Set(dismissed.records.map((x) => x.get("pair") as string)));
}

/** The evidence of each member of these groups, by id (one statement for the page). */
export async function membersOf(
  read: Read,
  label: d.DuplicateLabel,
  groups: DuplicateGroup[],
): Promise<Map<string, MemberEvidence>> {
  const ids = [...new Set(groups.flatMap((g) => g.ids))];
  if (!ids.length) return new Map();
  const r = await read(d.memberEvidence(label, ids, 3));
  return new Map(
    r.records.map((x) => {
      const m = x.toObject() as MemberEvidence;
      return [m.id, { ...m, mentions: Number(m.mentions), articles: Number(m.articles) }];
    }),
  );
}

/** The graph's actors or places whose names look like `name` (any script), best first. */
export async function similarEntities(read: Read, label: d.DuplicateLabel, name: string, first: number) {
  return similarTo(name, await entities(read, label)).slice(0, first);
}

/**
 * Records that these actors or places are not one another: every pair among
 * them is dismissed, in one transaction with its audit entry.
 */
export async function dismissDuplicates(db: Database, label: d.DuplicateLabel, ids: string[], who: string) {
  const unique = [...new Set(ids)];
  if (unique.length < 2 || unique.length > 50) throw new EditError("ids", "give between 2 and 50 distinct ids");
  return db.writeWork(async (run) => {
    const found = new Set((await run(d.existingOf(label, unique))).records.map((r) => r.get("id") as string));
    const missing = unique.find((id) => !found.has(id));
    if (missing) throw new EditError("ids", `"${missing}" is not ${label === "Actor" ? "an actor" : "a location"}`);
    const rows = unique.flatMap((a, i) =>
      unique.slice(i + 1).map((b) => {
        const [x, y] = a < b ? [a, b] : [b, a];
        return { id: `dismissal:${randomUUID()}`, pair: pairKey(x, y), a: x, b: y, label, who };
      }),
    );
    await run(d.dismissPairs(rows));
    const auditId = await record(run, {
      who,
      action: "dismissDuplicates",
      target: unique.join(" "),
      before: JSON.stringify({ suggested: true }),
      after: JSON.stringify({ dismissed: rows.map((r) => [r.a, r.b]) }),
      undoable: false,
    });
    return { ids: unique, pairs: rows.length, auditId };
  });
}
