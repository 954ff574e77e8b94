import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleBundle } from "../../src/bundle/types.ts";
import { repoRoot } from "../../src/paths.ts";

export const multiSourceDir = join(repoRoot, "seeds", "multi-source");

/** A hand-checked bundle of the multi-outlet test set (seeds/multi-source/NAME.bundle.json). */
export function multiSourceBundle(name: string): ArticleBundle {
  return JSON.parse(readFileSync(join(multiSourceDir, `${name}.bundle.json`), "utf8"));
}

export function multiSourceText(name: string): Uint8Array {
  return readFileSync(join(multiSourceDir, `${name}.txt`));
}
