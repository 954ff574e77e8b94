import { readFileSync } from "node:fs";
import { validateBundle } from "../bundle/validate.ts";
import { extractFromBytes } from "../ingest/ingest-article.ts";

/**
 * rasd extract FILE — prints the bundle as JSON and writes nothing. It does not
 * need the database: only the gazetteer's names are known here.
 */
export async function extractCommand(args: string[]): Promise<number> {
  if (args.length !== 1) throw new Error("expected exactly one file: rasd extract FILE");
  const bundle = await extractFromBytes(null, readFileSync(args[0]), args[0]);
  validateBundle(bundle);
  process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
  return 0;
}
