import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { loadSynthetic } from "../../../seeds/synthetic/generate.ts";
import type { Database } from "../../src/db/database.ts";
import { createExport } from "../../src/export/export-stream.ts";
import { EXPORT_FORMATS, parseExportRequest } from "../../src/export/selection.ts";
import { startTestApp } from "../helpers/app.ts";
import { emptyDatabase } from "../helpers/graph.ts";

let db: Database;
let total = 0;
before(async () => {
  db = await emptyDatabase();
  await loadSynthetic(db, { events: 4000, seed: 7 });
  const counts = await createExport(db, parseExportRequest({ format: "graphml", all: "1" })).source.count();
  total = counts.nodes + counts.edges;
});
after(() => db.close());

test("every format hands out its first bytes after reading a small part of a large graph", async () => {
  assert.ok(total > 20_000, `a graph large enough to tell (${total} elements)`);
  for (const format of EXPORT_FORMATS) {
    const exp = createExport(db, parseExportRequest({ format, all: "1" }));
    const first = await exp.chunks.next();
    assert.ok(!first.done && first.value.length > 0, format);
    const readSoFar = exp.source.read;
    await exp.chunks.return(undefined); // abandoning the download closes the transaction
    assert.ok(readSoFar < total / 3, `${format}: ${readSoFar} of ${total} elements read before the first chunk`);
  }
});

test("over HTTP the first chunk arrives while the export's transaction is still reading", async () => {
  const app = await startTestApp(db);
  try {
    const res = await fetch(`${app.url}/export?format=graphml&all=1`);
    const reader = res.body?.getReader();
    assert.ok(reader);
    const first = await reader.read();
    assert.ok(first.value && first.value.length > 0);
    const open = await db.read({
      cypher: `SHOW TRANSACTIONS YIELD metaData, currentQuery WHERE metaData.operation = 'export' RETURN count(*) AS n`,
    });
    assert.ok(open.records[0].get("n") >= 1, "the export query is still running");
    await reader.cancel();
  } finally {
    await app.stop();
  }
});
