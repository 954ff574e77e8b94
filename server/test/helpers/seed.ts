import { readFileSync } from "node:fs";
import type { ArticleBundle } from "../../src/bundle/types.ts";
import { seedBundlePath } from "../../src/seed.ts";

/** A fresh copy of the hand-checked seed bundle (tests may mutate it). */
export function seedBundle(): ArticleBundle {
  return JSON.parse(readFileSync(seedBundlePath, "utf8"));
}
