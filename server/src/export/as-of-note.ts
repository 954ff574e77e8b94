import type { Selection } from "../model/selection.ts";

/**
 * What an export made "as of" a date says about itself, in every format that
 * has somewhere to say it (JSON graph data, GraphML graph data, the GEXF
 * description, the GeoJSON collection, the Cypher header, the CSV archives'
 * README, and the file name): a reader of the file alone must not mistake a
 * past state of the graph for the current one.
 */
export function asOfNote(selection: Selection): string | null {
  return selection.asOf
    ? `as of ${selection.asOf}: only what had been published by then (events and claims reported, ties with evidence, event dates as their reports then allowed)`
    : null;
}

/** The README placed in the CSV archives of an as-of export; null when the export is not as of a date. */
export function asOfReadme(selection: Selection): string | null {
  const note = asOfNote(selection);
  if (!note) return null;
  return `Rasd export ${note}.
Selection: ${JSON.stringify(selection)}
`;
}
