import { asOfNote } from "./as-of-note.ts";
import { type Attribute, EDGE_ATTRIBUTES, NODE_ATTRIBUTES, type Value } from "./elements.ts";
import type { GraphSource } from "./graph-source.ts";
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from "./selection.ts";
import { text, xml } from "./text.ts";

/**
 * GEXF 1.3, dynamic: every dated node and edge carries a time spell
 * (start = earliest, end = latest; an open end when only the start is known)
 * so Gephi's timeline plays the graph. Undated actors and places have no
 * spell and stay visible throughout.
 *
 * Spells are xs:dateTime values under timeformat="dateTime" (the GEXF 1.3
 * spelling; "datetime" fails the schema). timeformat=date writes days instead
 * (yyyy-mm-dd, the start's and end's UTC day) for readers that cannot parse
 * dateTime spells, such as networkx.read_gexf.
 */

// The element's own label attribute carries the display name, so it is not declared again.
const NODE_KEYS = NODE_ATTRIBUTES.filter((a) => a.name !== "label");

function declare(cls: "node" | "edge", attributes: Attribute[]): string {
  const lines = attributes.map(
    (a) => `      <attribute id="${a.name}" title="${a.name}" type="${a.type === "double" ? "double" : "string"}"/>\n`,
  );
  return `    <attributes class="${cls}">\n${lines.join("")}    </attributes>\n`;
}

type Spell = (attrs: Record<string, Value>) => string;

function spellWriter(timeformat: ExportOptions["timeformat"]): Spell {
  const value = timeformat === "date" ? (v: Value) => String(v).slice(0, 10) : (v: Value) => String(v);
  return (attrs) => {
    const start = attrs.earliest;
    const end = attrs.latest;
    return `${start ? ` start="${xml(value(start))}"` : ""}${end ? ` end="${xml(value(end))}"` : ""}`;
  };
}

function attvalues(attributes: Attribute[], attrs: Record<string, Value>): string {
  let out = "";
  for (const a of attributes) {
    const v = text(attrs[a.name]);
    if (v !== null) out += `<attvalue for="${a.name}" value="${xml(v)}"/>`;
  }
  return out ? `<attvalues>${out}</attvalues>` : "";
}

export async function* writeGexf(source: GraphSource, options = DEFAULT_EXPORT_OPTIONS): AsyncGenerator<string> {
  const spell = spellWriter(options.timeformat);
  const note = asOfNote(source.selection);
  const description = `news events, actors, places and claims with their evidence${note ? `, ${note}` : ""}`;
  yield `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta><creator>Rasd</creator><description>${xml(description)}</description></meta>
  <graph defaultedgetype="directed" mode="dynamic" timeformat="${options.timeformat}" timerepresentation="interval">
${declare("node", NODE_KEYS)}${declare("edge", EDGE_ATTRIBUTES)}    <nodes>
`;
  for await (const n of source.nodes())
    yield `      <node id="${xml(n.id)}" label="${xml(String(n.attrs.label))}"${spell(n.attrs)}>${attvalues(NODE_KEYS, n.attrs)}</node>\n`;
  yield "    </nodes>\n    <edges>\n";
  for await (const e of source.edges())
    yield `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" label="${xml(String(e.attrs.type))}"${spell(e.attrs)}>${attvalues(EDGE_ATTRIBUTES, e.attrs)}</edge>\n`;
  yield "    </edges>\n  </graph>\n</gexf>\n";
}
