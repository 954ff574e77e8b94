import { analystMarks } from "../bundle/analyst-marks.ts";
import type { ArticleBundle } from "../bundle/types.ts";
import type { Database } from "../db/database.ts";
import { record } from "../edit/audit.ts";
import { addBundleRows, emptyRows } from "./bundle-rows.ts";
import { ingestStatements } from "./bundle-statements.ts";
import { type ResolvedArticle, resolveAndWrite } from "./resolve-bundle.ts";

/** What an ingest entry records: the bundle's producer and what was written (undone by deleting the article). */
function ingestEntry(who: string, b: ArticleBundle, r: ResolvedArticle) {
  return {
    who,
    action: "ingest" as const,
    target: b.article.id,
    before: "null",
    after: JSON.stringify({
      articleId: b.article.id,
      producer: b.producer ?? null,
      actors: b.actors.map((a) => a.id),
      locations: b.locations.map((l) => l.id),
      events: b.events.map((e) => r.events.get(e.id) ?? e.id),
      claims: b.claims.map((c) => c.id),
      analystMarks: analystMarks(b),
      mergedEvents: r.merged,
      candidates: r.candidates,
    }),
    undoable: false,
  };
}

/** Options for {@link writeBundles}. */
export interface WriteOptions {
  /**
   * Resolve each article against the graph (syndication, same-event matching,
   * candidates); default true. Off only for generated data known to hold no
   * duplicates, and for the benchmark's baseline.
   */
  resolve?: boolean;
  /** Who ingests (a key name, "cli"): each article then gets an "ingest" audit entry in the same transaction. */
  who?: string;
  /** The editor key's name whose review marked items `assertedBy: "ANALYST"` (validated already); they are stored as asserted by it. */
  analyst?: string;
}

/**
 * Writes already-validated bundles in ONE write transaction (all or nothing).
 * Callers validate first (ingest/ingest-bundle.ts); bulk loaders pass many.
 * With resolution each bundle is resolved and written in turn, so a later
 * bundle of the batch sees the earlier ones.
 */
export async function writeBundles(
  db: Database,
  bundles: ArticleBundle[],
  options: WriteOptions = {},
): Promise<ResolvedArticle[]> {
  const metadata = { app: "rasd", operation: "ingest", articles: bundles.length };
  if (options.resolve === false) {
    const rows = emptyRows();
    for (const b of bundles) addBundleRows(rows, b, { analyst: options.analyst });
    const statements = ingestStatements(rows);
    if (!options.who) {
      await db.writeAll(statements, { metadata });
      return [];
    }
    // Unresolved, each event is written as its bundle tells it: the audit entry says so.
    const none: ResolvedArticle = {
      articleId: "",
      sourceKey: "",
      copyOf: null,
      events: new Map(),
      merged: 0,
      candidates: 0,
      touchedEvents: [],
    };
    await db.writeWork(
      async (run) => {
        for (const s of statements) await run(s);
        for (const b of bundles) await record(run, ingestEntry(options.who as string, b, none));
      },
      { metadata },
    );
    return [];
  }
  return db.writeWork(
    async (run) => {
      const out: ResolvedArticle[] = [];
      for (const b of bundles) {
        const resolved = await resolveAndWrite(run, b, options.analyst);
        out.push(resolved);
        if (options.who) await record(run, ingestEntry(options.who, b, resolved));
      }
      return out;
    },
    { metadata },
  );
}
