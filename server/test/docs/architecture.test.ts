import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const doc = readFileSync(`${root}docs/architecture.md`, "utf8");

/** Every `code` span that is a repository path (has a slash, no spaces or placeholders). */
const paths = [...doc.matchAll(/`([^`\s<>]+\/[^`\s<>]*)`/g)].map((m) => m[1]);

test("docs/architecture.md names only files and folders that exist", () => {
  assert.ok(paths.length >= 30, `found ${paths.length} paths`);
  const missing = paths.filter((p) => !existsSync(`${root}${p}`));
  assert.deepEqual(missing, [], "paths in docs/architecture.md that do not exist");
});
