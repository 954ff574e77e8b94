import { readFileSync } from "node:fs";
import { loadSettings } from "../config.ts";
import { connect } from "../db/connect.ts";
import { runMigrations } from "../db/migrations.ts";
import { ingestArticle, isBundle } from "../ingest/ingest-article.ts";
import { ingestBundle } from "../ingest/ingest-bundle.ts";
import { log, progress } from "./log.ts";

/** rasd ingest FILE… — bundles go straight to validation; articles are extracted first. Each file is its own transaction. */
export async function ingestCommand(files: string[]): Promise<number> {
  if (files.length === 0) throw new Error("expected one or more files: rasd ingest FILE…");
  const { db } = await connect(loadSettings().neo4j, log);
  let failed = 0;
  try {
    await runMigrations(db);
    const bar = progress(files.length, "ingest");
    for (const file of files) {
      try {
        const bytes = readFileSync(file);
        const bundle = isBundle(bytes);
        const r = bundle ? await ingestBundle(db, bundle) : await ingestArticle(db, bytes, file);
        log(
          `${file}: ${r.articleId} — ${r.actors} actors, ${r.locations} locations, ${r.events} events, ${r.claims} claims`,
        );
      } catch (error) {
        failed++;
        log(`${file}: ${(error as Error).message}`);
      }
      bar.tick();
    }
    bar.end();
  } finally {
    await db.close();
  }
  return failed === 0 ? 0 : 1;
}
