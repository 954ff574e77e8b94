import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Database } from "../../src/db/database.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { emptyDatabase } from "../helpers/graph.ts";
import { multiSourceBundle, multiSourceDir } from "./helpers.ts";

/**
 * Merge precision and recall on the multi-outlet test set
 * (seeds/multi-source/truth.json): every pair of reports that ingest put on
 * one event is a predicted pair; the truth's groups give the true pairs.
 */
let db: Database;
before(async () => {
  db = await emptyDatabase();
});
after(async () => {
  await db.close();
});

const pairKey = (a: string, b: string) => [a, b].sort().join(" = ");

test("ingest merges the multi-outlet set with precision 1 (no wrong merge) and reports recall", async () => {
  const truth = JSON.parse(readFileSync(join(multiSourceDir, "truth.json"), "utf8")) as {
    articles: string[];
    sameIncident: string[][];
  };
  for (const name of truth.articles) await ingestBundle(db, multiSourceBundle(name));
  const r = await db.read({
    cypher: `MATCH (a:Article)-[r:REPORTS]->(e:Event) RETURN e.id AS event, collect(coalesce(r.originalId, e.id)) AS reported`,
  });
  const predicted = new Set<string>();
  for (const rec of r.records) {
    const ids = rec.get("reported") as string[];
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) predicted.add(pairKey(ids[i], ids[j]));
  }
  const actual = new Set<string>();
  for (const group of truth.sameIncident)
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) actual.add(pairKey(group[i], group[j]));
  const right = [...predicted].filter((p) => actual.has(p));
  const precision = predicted.size ? right.length / predicted.size : 1;
  const recall = right.length / actual.size;
  const candidates = await db.read({
    cypher: "MATCH (:Event)-[c:POSSIBLY_SAME_AS]->(:Event) RETURN count(c) AS n",
  });
  console.log(
    `merge precision ${precision.toFixed(2)} (${right.length}/${predicted.size} merged pairs right), recall ${recall.toFixed(2)} (${right.length}/${actual.size} true pairs merged); ${candidates.records[0].get("n")} candidate pairs left for review`,
  );
  const wrong = [...predicted].filter((p) => !actual.has(p));
  assert.deepEqual(wrong, [], "no wrong merge");
  assert.ok(recall >= 0.6, `recall ${recall}`);
});
