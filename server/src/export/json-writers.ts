import { asOfNote } from "./as-of-note.ts";
import type { GraphSource } from "./graph-source.ts";
import { compact } from "./text.ts";

/**
 * Two JSON shapes, both streamed element by element: networkx's node-link
 * (`networkx.node_link_graph(data, edges="links")`, or `json_graph.node_link_graph`
 * before 3.4) and Cytoscape.js elements (cy.add(data.elements), Cytoscape
 * desktop's File → Import → Network from File, .cyjs).
 */

/** The graph's own attributes: its name, the selection, and when it is as of a date, that date and what it means. */
function graphData(source: GraphSource): string {
  const note = asOfNote(source.selection);
  const asOf = note ? { asOf: source.selection.asOf, asOfNote: note } : {};
  return JSON.stringify({ name: "rasd", selection: source.selection, ...asOf });
}

export async function* writeNodeLink(source: GraphSource): AsyncGenerator<string> {
  // multigraph: an actor can take part in one event under two roles.
  yield `{"directed":true,"multigraph":true,"graph":${graphData(source)},"nodes":[\n`;
  let first = true;
  for await (const n of source.nodes()) {
    yield `${first ? "" : ",\n"}${JSON.stringify({ id: n.id, ...compact(n.attrs) })}`;
    first = false;
  }
  yield `\n],"links":[\n`;
  first = true;
  for await (const e of source.edges()) {
    yield `${first ? "" : ",\n"}${JSON.stringify({ source: e.source, target: e.target, key: e.id, ...compact(e.attrs) })}`;
    first = false;
  }
  yield "\n]}\n";
}

export async function* writeCytoscape(source: GraphSource): AsyncGenerator<string> {
  yield `{"format_version":"1.0","generated_by":"rasd","target_cytoscapejs_version":"~3.0","data":${graphData(source)},"elements":{"nodes":[\n`;
  let first = true;
  for await (const n of source.nodes()) {
    yield `${first ? "" : ",\n"}${JSON.stringify({ data: { id: n.id, ...compact(n.attrs) } })}`;
    first = false;
  }
  yield `\n],"edges":[\n`;
  first = true;
  for await (const e of source.edges()) {
    const data = { id: e.id, source: e.source, target: e.target, ...compact(e.attrs) };
    yield `${first ? "" : ",\n"}${JSON.stringify({ data })}`;
    first = false;
  }
  yield "\n]}}\n";
}
