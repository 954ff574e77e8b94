import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import type { ArticleBundle } from "../../src/bundle/types.ts";
import type { Database } from "../../src/db/database.ts";
import { SelectionError } from "../../src/export/selection.ts";
import { ingestBundle } from "../../src/ingest/ingest-bundle.ts";
import { emptyDatabase } from "../helpers/graph.ts";
import { exportBytes } from "./fixtures.ts";

/** Names a spreadsheet would run as formulas, and a place west of Greenwich and south of the equator. */
const TEXT = '=HYPERLINK("http://evil.example","x") met +Ali and @cmd in -Lima (ليما).';
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });
const BUNDLE: ArticleBundle = {
  bundleVersion: 1,
  article: {
    id: "article:csv-options",
    title: "CSV options",
    publisher: "Rasd test",
    language: "en",
    publishedAt: "2024-08-22",
    text: TEXT,
  },
  actors: [
    {
      id: "actor:formula",
      name: '=HYPERLINK("http://evil.example","x")',
      kind: "PERSON",
      evidence: [span('=HYPERLINK("http://evil.example","x")')],
    },
    { id: "actor:plus", name: "+Ali", kind: "PERSON", evidence: [span("+Ali")] },
    { id: "actor:at", name: "@cmd", kind: "PERSON", evidence: [span("@cmd")] },
  ],
  locations: [
    {
      id: "location:lima",
      name: "-Lima",
      nameAr: "ليما",
      kind: "CITY",
      point: { latitude: -12.05, longitude: -77.04 },
      evidence: [span("-Lima")],
    },
  ],
  events: [],
  claims: [],
};

let db: Database;
before(async () => {
  db = await emptyDatabase();
  await ingestBundle(db, BUNDLE);
});
after(() => db.close());

const table = (bytes: Buffer) =>
  parse(bytes.toString("utf8"), { columns: true, bom: true }) as Record<string, string>[];
const byId = (rows: Record<string, string>[]) => new Map(rows.map((r) => [r.id, r]));

test("CSV cells a spreadsheet would run as formulas are written after a ' by default; numbers stay numbers", async () => {
  const rows = byId(table(await exportBytes(db, { format: "csv", all: "1" })));
  assert.equal(rows.get("actor:formula")?.name, `'=HYPERLINK("http://evil.example","x")`);
  assert.equal(rows.get("actor:plus")?.name, "'+Ali");
  assert.equal(rows.get("actor:at")?.name, "'@cmd");
  const lima = rows.get("location:lima");
  assert.equal(lima?.name, "'-Lima");
  assert.equal(lima?.nameAr, "ليما");
  assert.equal(lima?.longitude, "-77.04", "a negative number is not a formula");
  assert.equal(lima?.latitude, "-12.05");
});

test("formulas=keep writes every cell as it is", async () => {
  const rows = byId(table(await exportBytes(db, { format: "csv", all: "1", formulas: "keep" })));
  assert.equal(rows.get("actor:formula")?.name, '=HYPERLINK("http://evil.example","x")');
  assert.equal(rows.get("location:lima")?.name, "-Lima");
});

test("bom=1 starts each table with a UTF-8 byte-order mark (Excel then reads Arabic as UTF-8); without it there is none", async () => {
  const plain = await exportBytes(db, { format: "csv", all: "1" });
  assert.notEqual(plain[0], 0xef);
  const nodes = await exportBytes(db, { format: "csv", all: "1", bom: "1" });
  assert.deepEqual([...nodes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(nodes.subarray(3).toString("utf8"), /^id,label,/);
  assert.equal(byId(table(nodes)).get("location:lima")?.nameAr, "ليما");
  const files = unzipSync(await exportBytes(db, { format: "csv-zip", all: "1", bom: "1" }));
  for (const name of ["nodes.csv", "edges.csv"]) assert.deepEqual([...files[name].subarray(0, 3)], [0xef, 0xbb, 0xbf]);
});

test("the options are refused with formats that do not take them, and bad values are named", async () => {
  const refused = async (raw: Record<string, string>, parameter: string) =>
    assert.rejects(
      exportBytes(db, { all: "1", ...raw }),
      (e) => e instanceof SelectionError && e.parameter === parameter,
    );
  await refused({ format: "graphml", bom: "1" }, "bom");
  await refused({ format: "gexf", formulas: "keep" }, "formulas");
  await refused({ format: "csv", timeformat: "date" }, "timeformat");
  await refused({ format: "csv", formulas: "maybe" }, "formulas");
  await refused({ format: "gexf", timeformat: "datetime" }, "timeformat");
});
