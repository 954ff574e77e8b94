import { asOfNote } from "./as-of-note.ts";
import { type Attribute, EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type Value } from "./elements.ts";
import type { GraphSource } from "./graph-source.ts";
import { text, xml } from "./text.ts";

/**
 * GraphML with typed keys (string, double); list attributes are JSON arrays
 * in a string key. Opens in Gephi, Cytoscape, yEd, networkx.read_graphml and
 * igraph's read_graph(format="graphml").
 */

const keyId = (scope: "n" | "e", a: Attribute) => `${scope}_${a.name}`;

function keys(scope: "n" | "e", attributes: Attribute[]): string {
  const domain = scope === "n" ? "node" : "edge";
  return attributes
    .map((a) => `  <key id="${keyId(scope, a)}" for="${domain}" attr.name="${a.name}" attr.type="${a.type}"/>\n`)
    .join("");
}

function data(scope: "n" | "e", attributes: Attribute[], attrs: Record<string, Value>): string {
  let out = "";
  for (const a of attributes) {
    const v = text(attrs[a.name]);
    if (v !== null) out += `<data key="${keyId(scope, a)}">${xml(v)}</data>`;
  }
  return out;
}

/** As of a date, the graph says so in graph-level data (networkx puts it in G.graph). */
function asOfData(source: GraphSource): { key: string; data: string } {
  const note = asOfNote(source.selection);
  if (!note) return { key: "", data: "" };
  return {
    key: `  <key id="g_asOf" for="graph" attr.name="asOf" attr.type="string"/>
  <key id="g_asOfNote" for="graph" attr.name="asOfNote" attr.type="string"/>
`,
    data: `    <data key="g_asOf">${xml(source.selection.asOf ?? "")}</data><data key="g_asOfNote">${xml(note)}</data>
`,
  };
}

export async function* writeGraphml(source: GraphSource): AsyncGenerator<string> {
  const asOf = asOfData(source);
  yield `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
${asOf.key}${keys("n", NODE_ATTRIBUTES)}${keys("e", EDGE_ATTRIBUTES)}  <graph id="rasd" edgedefault="directed">
${asOf.data}`;
  for await (const n of source.nodes())
    yield `    <node id="${xml(n.id)}">${data("n", NODE_ATTRIBUTES, n.attrs)}</node>\n`;
  for await (const e of source.edges())
    yield `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${data("e", EDGE_ATTRIBUTES, e.attrs)}</edge>\n`;
  yield "  </graph>\n</graphml>\n";
}
