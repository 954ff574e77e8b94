import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Statement } from "../db/database.ts";
import { parseCypherLiteral } from "./cypher-literal.ts";

/**
 * Reads a Cypher script as `rasd export --format cypher` writes it (and as
 * cypher-shell reads it): `//` comments, `:param name => literal` lines,
 * statements ending with ";" at the end of a line. Yields each statement
 * with the parameters in force, one at a time, so a backup of any size is
 * replayed in constant memory.
 */

export interface ScriptStatement extends Statement {
  /** 1-based line where the statement ends, for error messages. */
  line: number;
}

export interface ScriptSummary {
  /** The counts from the script's last line; absent when the file was cut short. */
  complete?: { nodes: number; relationships: number };
}

const PARAM = /^:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.*)$/;
const COMPLETE = /^\/\/ rasd-export complete: nodes=(\d+) relationships=(\d+)$/;

export async function* readScript(path: string, summary: ScriptSummary = {}): AsyncGenerator<ScriptStatement> {
  const lines = createInterface({
    input: createReadStream(path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const params: Record<string, unknown> = {};
  let pending: string[] = [];
  let n = 0;
  for await (const raw of lines) {
    n++;
    const line = raw.trim();
    if (pending.length === 0) {
      if (line === "") continue;
      if (line.startsWith("//")) {
        const done = line.match(COMPLETE);
        if (done) summary.complete = { nodes: Number(done[1]), relationships: Number(done[2]) };
        continue;
      }
      if (line.startsWith(":")) {
        const param = line.match(PARAM);
        if (param) {
          try {
            params[param[1]] = parseCypherLiteral(param[2]);
          } catch (error) {
            throw new Error(
              `line ${n}: the :param value is not a literal this importer reads (${(error as Error).message})`,
            );
          }
        } else if (!/^:(begin|commit|rollback)\b/i.test(line))
          throw new Error(`line ${n}: unsupported command ${line.split(/\s/)[0]}`);
        continue;
      }
    }
    pending.push(raw);
    if (line.endsWith(";")) {
      const cypher = pending.join("\n").trim().replace(/;$/, "");
      pending = [];
      yield { cypher, params: { ...params }, line: n };
    }
  }
  if (pending.length) throw new Error(`line ${n}: the last statement has no closing ";"`);
}
