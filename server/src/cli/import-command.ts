import { readFileSync, statSync } from "node:fs";
import { loadSettings } from "../config.ts";
import { connect } from "../db/connect.ts";
import { runMigrations } from "../db/migrations.ts";
import { readScript, type ScriptSummary } from "../export/import-script.ts";
import { log, progress } from "./log.ts";

const usage = `rasd import FILE.cypher

Replays a Cypher script written by \`rasd export --format cypher\` (a subgraph)
or \`rasd export --all\` (a full backup) into the graph, batch by batch.
Restore a backup into an empty graph: MERGE keeps what is already there.`;

/** Statements in the file, counted before replaying so the progress bar knows its end. */
function countStatements(path: string): number {
  let count = 0;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const t = line.trim();
    if (t.endsWith(";") && !t.startsWith("//") && !t.startsWith(":")) count++;
  }
  return count;
}

/** rasd import FILE — migrations first (the constraints MERGE relies on), then every statement in order. */
export async function importCommand(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0].startsWith("-")) {
    console.error(usage);
    return 2;
  }
  const [file] = args;
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new Error(`no such file: ${file}`);
  const { db } = await connect(loadSettings().neo4j, log);
  try {
    await runMigrations(db);
    const summary: ScriptSummary = {};
    const bar = progress(countStatements(file), "import");
    for await (const s of readScript(file, summary)) {
      try {
        await db.write(s, { metadata: { app: "rasd", operation: "import" } });
      } catch (error) {
        throw new Error(`${file}, line ${s.line}: ${(error as Error).message}`);
      }
      bar.tick();
    }
    bar.end();
    if (!summary.complete) {
      log(`${file}: the file ends before its completion line; it was cut short, so the graph holds part of it`);
      return 1;
    }
    log(`${file}: ${summary.complete.nodes} nodes and ${summary.complete.relationships} relationships replayed`);
    return 0;
  } finally {
    await db.close();
  }
}
