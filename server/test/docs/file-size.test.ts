import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Source files stay small rooms (issue 10): one responsibility each, split beyond this. */
const maxLines = 300;

/**
 * Files that are data rather than code, and may be longer: each entry says
 * why. Add a file here only if it is a table, never to let code grow.
 */
const dataFiles: Record<string, string> = {
  "server/src/model/vocabulary.ts": "the shared vocabulary: pure data, the lists every other copy derives from",
  "server/src/extract/mentions/name-words.ts": "closed word lists (organisation heads, place nouns, titles)",
};

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const files = ["client/src", "server/src"].flatMap(sources);

test(`no client/src or server/src .ts file is over ${maxLines} lines, except the listed data files`, () => {
  assert.ok(files.length > 100, `found only ${files.length} source files`);
  const long = files
    .filter((f) => !(f in dataFiles))
    .map((f) => ({ file: f, lines: readFileSync(join(root, f), "utf8").trimEnd().split("\n").length }))
    .filter((f) => f.lines > maxLines)
    .map((f) => `${f.file}: ${f.lines} lines`);
  assert.deepEqual(long, [], `split these files (or, if one is a data table, list it in dataFiles with the reason)`);
});

test("every allow-listed data file still exists", () => {
  const missing = Object.keys(dataFiles).filter((f) => !files.includes(f));
  assert.deepEqual(missing, [], "remove these from dataFiles");
});
