import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Database } from "../db/database.ts";
import { readScript, type ScriptSummary } from "./import-script.ts";

/** Statements in a script, counted in one streaming pass so a progress bar knows its end. */
export async function countStatements(path: string): Promise<number> {
  let count = 0;
  const lines = createInterface({
    input: createReadStream(path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    const t = line.trim();
    if (t.endsWith(";") && !t.startsWith("//") && !t.startsWith(":")) count++;
  }
  return count;
}

/**
 * Replays a script statement by statement, each in its own write
 * transaction (retried by the driver on transient errors). A failing
 * statement stops the replay and names its line.
 */
export async function replayScript(
  db: Database,
  path: string,
  onStatement: () => void = () => {},
): Promise<ScriptSummary> {
  const summary: ScriptSummary = {};
  for await (const s of readScript(path, summary)) {
    try {
      await db.write(s, { metadata: { app: "rasd", operation: "import" } });
    } catch (error) {
      throw new Error(`${path}, line ${s.line}: ${(error as Error).message}`);
    }
    onStatement();
  }
  return summary;
}
