import { readFileSync } from "node:fs";
import { validateBundle } from "../bundle/validate.ts";
import { extractFromBytes, isBundle } from "../ingest/ingest-article.ts";

/**
 * rasd extract FILE — prints the bundle as JSON and writes nothing. It does not
 * need the database: only the gazetteer's names are known here.
 */
export async function extractCommand(args: string[]): Promise<number> {
  if (args.length !== 1) throw new Error("expected exactly one file: rasd extract FILE");
  const bytes = readFileSync(args[0]);
  if (isBundle(bytes))
    throw new Error(
      `${args[0]} is an article bundle (it has "bundleVersion"), not an article: there is nothing to extract. Store it with \`rasd ingest ${args[0]}\`.`,
    );
  const bundle = await extractFromBytes(null, bytes, args[0]);
  validateBundle(bundle);
  process.stdout.write(`${JSON.stringify(bundle, null, 2)}\n`);
  return 0;
}
