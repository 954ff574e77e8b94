import { loadSettings, resolveOnIngest } from "../config.ts";
import { connect } from "../db/connect.ts";
import { runMigrations } from "../db/migrations.ts";
import { ingestArticle } from "../ingest/ingest-article.ts";
import { ingestBundle } from "../ingest/ingest-bundle.ts";
import { checkIngestInputs } from "./ingest-inputs.ts";
import { log, progress } from "./log.ts";

/**
 * rasd ingest FILE… — every file is checked first (nothing is started for
 * files that cannot be stored); then bundles go straight to validation and
 * articles are extracted first. Each file is its own transaction. A Neo4j this
 * command started is stopped when it ends, also on errors and Ctrl-C.
 */
export async function ingestCommand(files: string[]): Promise<number> {
  if (files.length === 0) throw new Error("expected one or more files: rasd ingest FILE…");
  const { ready, refused } = checkIngestInputs(files);
  for (const r of refused) log(`${r.file}: ${r.reason}`);
  if (ready.length === 0) {
    log(`nothing to ingest: ${refused.length === 1 ? "the file was" : `all ${refused.length} files were`} refused`);
    return 1;
  }
  const resolve = resolveOnIngest();
  const connection = await connect(loadSettings().neo4j, log);
  const { db } = connection;
  let failed = refused.length;
  try {
    await runMigrations(db);
    const bar = progress(ready.length, "ingest");
    for (const input of ready) {
      try {
        const r =
          "bundle" in input
            ? await ingestBundle(db, input.bundle, "cli", { resolve })
            : await ingestArticle(db, input.article, input.file, "cli", { resolve });
        log(
          `${input.file}: ${r.articleId} — ${r.actors} actors, ${r.locations} locations, ${r.events} events, ${r.claims} claims`,
        );
      } catch (error) {
        failed++;
        log(`${input.file}: ${(error as Error).message}`);
      }
      bar.tick();
    }
    bar.end();
  } finally {
    await connection.close();
  }
  return failed === 0 ? 0 : 1;
}
