import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "./db/database.ts";
import { ingestBundle } from "./ingest/ingest-bundle.ts";
import { repoRoot } from "./paths.ts";

export const seedBundlePath = join(repoRoot, "seeds", "erem-2024-08-22.bundle.json");

/** Loads the hand-checked seed bundle when the graph holds no article yet; true when it did. */
export async function loadSeedIfEmpty(db: Database): Promise<boolean> {
  const r = await db.read({ cypher: "MATCH (a:Article) RETURN count(a) > 0 AS any" });
  if (r.records[0].get("any")) return false;
  await ingestBundle(db, JSON.parse(readFileSync(seedBundlePath, "utf8")));
  return true;
}
