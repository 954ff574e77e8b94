import { existingIds } from "../data/review.ts";
import type { GraphContext } from "./actor-editor.ts";
import type { BundleEditorState } from "./bundle-editor-state.ts";

/** Which of the bundle's actors and places the graph already holds. */
export async function graphContextOf(state: BundleEditorState, signal?: AbortSignal): Promise<GraphContext> {
  const named = [...state.bundle.actors, ...state.bundle.locations];
  const existing = await existingIds(
    named.map((x) => x.id),
    signal,
  );
  return { existing, similar: new Map() };
}
