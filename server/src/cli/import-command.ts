import { statSync } from "node:fs";
import { loadSettings } from "../config.ts";
import { rebuildMergedIdLookup } from "../cypher/merged-ids.ts";
import { rebuildSpanClasses } from "../cypher/span-class.ts";
import { rebuildTieKeys } from "../cypher/tie-keys.ts";
import { rebuildTimelineCounts } from "../cypher/timeline-counts.ts";
import { connect } from "../db/connect.ts";
import { runMigrations } from "../db/migrations.ts";
import { countStatements, replayScript } from "../export/replay-script.ts";
import { log, progress } from "./log.ts";

const usage = `rasd import FILE.cypher

Replays a Cypher script written by \`rasd export --format cypher\` (a subgraph)
or \`rasd export --all\` (a full backup) into the graph, batch by batch.
Restore a backup into an empty graph: MERGE keeps what is already there.`;

/** rasd import FILE — migrations first (the constraints MERGE relies on), then every statement in order. */
export async function importCommand(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith("-")) {
    console.error(usage);
    return 2;
  }
  const [file] = args;
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new Error(`no such file: ${file}`);
  const connection = await connect(loadSettings().neo4j, log);
  const { db } = connection;
  try {
    await runMigrations(db);
    const bar = progress(await countStatements(file), "import");
    const summary = await replayScript(db, file, () => bar.tick());
    bar.end();
    if (!summary.complete) {
      log(`${file}: the file ends before its completion line; it was cut short, so the graph holds part of it`);
      return 1;
    }
    // The script wrote events directly, past the write paths that keep the timeline aggregates
    // the lookup of merged-away ids, the events' span classes and their ties' candidate keys (which
    // copy the span classes, so after them): all are rebuilt from what it wrote.
    await db.writeAll(rebuildTimelineCounts(), { metadata: { app: "rasd", operation: "timeline-counts" } });
    await db.writeAll(rebuildMergedIdLookup(), { metadata: { app: "rasd", operation: "merged-id-lookup" } });
    await db.autoCommit(rebuildSpanClasses(), { metadata: { app: "rasd", operation: "span-class" } });
    await db.autoCommit(rebuildTieKeys(), { metadata: { app: "rasd", operation: "tie-keys" } });
    log(`${file}: ${summary.complete.nodes} nodes and ${summary.complete.relationships} relationships replayed`);
    return 0;
  } finally {
    await connection.close();
  }
}
