import type { ExistingEntity } from "../data/bundle.ts";
import { similarOf } from "../data/duplicates.ts";
import { existingIds } from "../data/review.ts";
import type { GraphContext } from "./actor-editor.ts";
import type { BundleEditorState } from "./bundle-editor-state.ts";

/** At most this many look-alike questions are in flight at once, so a long bundle does not flood the server. */
const parallel = 4;

/**
 * What the graph already holds for the bundle: which actors and places are
 * nodes already, and for each new one the nodes whose names look like it in
 * either script (the server's similarEntities), for the review to warn.
 */
export async function graphContextOf(state: BundleEditorState, signal?: AbortSignal): Promise<GraphContext> {
  const named = [
    ...state.bundle.actors.map((x) => ({ x, kind: "ACTOR" as const })),
    ...state.bundle.locations.map((x) => ({ x, kind: "LOCATION" as const })),
  ];
  const existing = await existingIds(
    named.map(({ x }) => x.id),
    signal,
  );
  const similar = new Map<string, ExistingEntity[]>();
  const queue = named.filter(({ x }) => !existing.has(x.id) && x.kind !== "ANONYMOUS_SOURCE");
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const found = await similarOf(next.x.name, next.kind, signal).catch(() => []);
      if (found.length) similar.set(next.x.id, found);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { existing, similar };
}
