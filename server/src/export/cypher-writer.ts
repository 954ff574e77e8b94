import { asOfNote } from "./as-of-note.ts";
import { converter, cypherLiteral, encodeValue, identifier as id } from "./cypher-literal.ts";
import type { GraphSource, RawEdge, RawElement } from "./graph-source.ts";

/**
 * A Cypher script that rebuilds the selection in an empty Neo4j: uniqueness
 * constraints, then batches of
 *
 *   :param rows => [{`id`:"…",`p`:{…},`t`:{…}}, …]
 *   UNWIND $rows AS row MERGE (n:`Actor` {id: row.id}) SET n += row.p, n.`start` = datetime(row.t.`start`);
 *
 * Each batch is one parameterised statement; cypher-shell (`cypher-shell -f`)
 * and `rasd import` both replay it. Rows are grouped by label and by the
 * types of their typed properties, so the statement can rebuild integers,
 * floats, dates and points exactly. Relationships MERGE on their ends, type
 * and role. The last line records the counts, so `rasd import` can tell a
 * truncated file.
 */

const MAX_ROWS = 1000;
const MAX_CHARS = 1 << 20;

interface Group {
  statement: string;
  rows: string[];
  chars: number;
}

/** Splits properties into those the literal carries as is (p) and those the statement converts (t). */
function split(v: string, props: Record<string, unknown>, types: [string, string][]) {
  const p: Record<string, unknown> = {};
  const t: Record<string, unknown> = {};
  const sets: string[] = [];
  for (const [k, type] of types) {
    const c = converter(type);
    if (!c) p[k] = encodeValue(props[k]);
    else {
      t[k] = encodeValue(props[k]);
      const value = `row.t.${id(k)}`;
      sets.push(`${v}.${id(k)} = ${c(value)}`);
    }
  }
  return { p, t, set: [`${v} += row.p`, ...sets.sort()].join(", ") };
}

function nodeRow(n: RawElement) {
  const { p, t, set } = split("n", n.props, n.types);
  const [label, ...more] = n.labels;
  const extra = more.map((l) => `, n:${id(l)}`).join("");
  const statement = `UNWIND $rows AS row\nMERGE (n:${id(label)} {id: row.id})\nSET ${set}${extra};`;
  return { label, statement, row: cypherLiteral({ id: n.props.id, p, t }) };
}

function edgeRow(e: RawEdge) {
  const { p, t, set } = split("r", e.props, e.types);
  const merge = typeof p.role === "string" ? " {role: row.p.role}" : "";
  const statement = `UNWIND $rows AS row
MATCH (a:${id(e.sourceLabels[0])} {id: row.a})
MATCH (b:${id(e.targetLabels[0])} {id: row.b})
MERGE (a)-[r:${id(e.type)}${merge}]->(b)
SET ${set};`;
  return { statement, row: cypherLiteral({ a: e.source, b: e.target, p, t }) };
}

const flush = (g: Group) => {
  const out = `:param rows => [${g.rows.join(",")}]\n${g.statement}\n`;
  g.rows = [];
  g.chars = 0;
  return out;
};

type Item = { statement: string; row: string } | { constraint: string };

async function* batches(items: AsyncIterable<Item>): AsyncGenerator<string> {
  const groups = new Map<string, Group>();
  for await (const item of items) {
    if ("constraint" in item) {
      yield `${item.constraint}\n`;
      continue;
    }
    const { statement, row } = item;
    let g = groups.get(statement);
    if (!g) {
      g = { statement, rows: [], chars: 0 };
      groups.set(statement, g);
    }
    g.rows.push(row);
    g.chars += row.length;
    if (g.rows.length >= MAX_ROWS || g.chars >= MAX_CHARS) yield flush(g);
  }
  for (const g of groups.values()) if (g.rows.length) yield flush(g);
}

export async function* writeCypher(source: GraphSource): AsyncGenerator<string> {
  const note = asOfNote(source.selection);
  yield `// Rasd export: ${JSON.stringify(source.selection)}
${note ? `// Rasd export ${note}\n` : ""}// Replay into an empty database: cypher-shell -f FILE   or   rasd import FILE
`;
  const labels = new Set<string>();
  let nodes = 0;
  let edges = 0;
  async function* nodeRows(): AsyncGenerator<Item> {
    for await (const n of source.rawNodes()) {
      const r = nodeRow(n);
      nodes++;
      // MERGE needs the constraint's index before the first batch of a label, or it scans.
      if (!labels.has(r.label)) {
        labels.add(r.label);
        yield { constraint: `CREATE CONSTRAINT IF NOT EXISTS FOR (n:${id(r.label)}) REQUIRE n.id IS UNIQUE;` };
      }
      yield r;
    }
  }
  for await (const part of batches(nodeRows())) yield part;
  async function* edgeRows() {
    for await (const e of source.rawEdges()) {
      edges++;
      yield edgeRow(e);
    }
  }
  for await (const part of batches(edgeRows())) yield part;
  yield `// rasd-export complete: nodes=${nodes} relationships=${edges}\n`;
}
