import { readFileSync, statSync } from "node:fs";
import type { ArticleBundle } from "../bundle/types.ts";
import { validateBundle } from "../bundle/validate.ts";
import { parseArticleInput } from "../extract/parse-input.ts";
import { isBundle } from "../ingest/ingest-article.ts";

/** A file ready to ingest: a valid bundle, or an article whose header and body were read. */
export type IngestInput = { file: string; bundle: ArticleBundle } | { file: string; article: Uint8Array };

/** A file refused before the database is touched, with the reason. */
export interface RefusedInput {
  file: string;
  reason: string;
}

/**
 * Everything that can be checked without the graph, checked first: the file
 * exists and is not empty, a bundle passes validation, an article has its
 * title, publisher, date and body. `rasd ingest` connects (and maybe starts
 * Neo4j) only when at least one file passes.
 */
export function checkIngestInputs(files: string[]): { ready: IngestInput[]; refused: RefusedInput[] } {
  const ready: IngestInput[] = [];
  const refused: RefusedInput[] = [];
  for (const file of files) {
    try {
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat) throw new Error("no such file");
      if (!stat.isFile()) throw new Error("is not a file");
      const bytes = readFileSync(file);
      if (bytes.toString("utf8").trim() === "") throw new Error("the file is empty");
      const bundle = isBundle(bytes);
      if (bundle) ready.push({ file, bundle: validateBundle(bundle) });
      else {
        parseArticleInput(bytes, file);
        ready.push({ file, article: bytes });
      }
    } catch (error) {
      refused.push({ file, reason: (error as Error).message });
    }
  }
  return { ready, refused };
}
