import { readFileSync } from "node:fs";
import { validateBundle } from "../bundle/validate.ts";
import { loadSettings } from "../config.ts";
import { connect } from "../db/connect.ts";
import { extractFromBytes, isBundle } from "../ingest/ingest-article.ts";
import { managedStatus } from "../neo4j-managed/managed-neo4j.ts";
import { log } from "./log.ts";

/**
 * rasd extract [--offline] FILE — prints the bundle as JSON and writes
 * nothing. When the graph is reachable (NEO4J_URI, or a managed Neo4j already
 * running) it reads the graph's names, exactly as `rasd ingest` does, so the
 * preview is what ingest would store; it never starts a database for a
 * preview. `--offline` reads only the gazetteers. Either way stderr says which.
 */
export async function extractCommand(args: string[]): Promise<number> {
  const offline = args.includes("--offline");
  const files = args.filter((a) => a !== "--offline");
  if (files.length !== 1) throw new Error("expected exactly one file: rasd extract [--offline] FILE");
  const bytes = readFileSync(files[0]);
  if (isBundle(bytes))
    throw new Error(
      `${files[0]} is an article bundle (it has "bundleVersion"), not an article: there is nothing to extract. Store it with \`rasd ingest ${files[0]}\`.`,
    );
  let bundle: Awaited<ReturnType<typeof extractFromBytes>>;
  const settings = loadSettings().neo4j;
  const reachable = !offline && (settings.kind === "external" || managedStatus(settings).running);
  if (reachable) {
    const connection = await connect(settings);
    try {
      bundle = await extractFromBytes(connection.db, bytes, files[0]);
      log("rasd extract: using the names already in the graph (as rasd ingest would)");
    } finally {
      await connection.close();
    }
  } else {
    bundle = await extractFromBytes(null, bytes, files[0]);
    log(
      offline
        ? "rasd extract: --offline, the graph's names are not used (rasd ingest may resolve more)"
        : "rasd extract: no graph running, the graph's names are not used (rasd ingest may resolve more); --offline to say so",
    );
  }
  validateBundle(bundle);
  process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
  return 0;
}
