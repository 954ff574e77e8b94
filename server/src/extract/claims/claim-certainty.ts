import type { Certainty } from "../../bundle/types.ts";
import type { ExtractState } from "../state.ts";
import { HEDGES } from "./reporting-verbs.ts";

/** A statement reported as asserted is HEDGED when it carries a hedge word ("ربما", "probably"). */
export function certaintyOf(verb: Certainty, state: ExtractState, content: { start: number; end: number }): Certainty {
  if (verb !== "ASSERTED") return verb;
  const hedged = state.doc.tokens.some(
    (t) =>
      t.start >= content.start &&
      t.end <= content.end &&
      t.variants.some((v) => HEDGES.has(v)) &&
      !isPastQad(state, t.start),
  );
  return hedged ? "HEDGED" : "ASSERTED";
}

/** "قد" before a past verb ("قد أعلن") affirms; only before a present verb ("قد يعلن") does it hedge. */
function isPastQad(state: ExtractState, at: number): boolean {
  const idx = state.doc.tokens.findIndex((t) => t.start === at);
  const t = state.doc.tokens[idx];
  if (t.norm !== "قد" && t.norm !== "وقد") return false;
  const next = state.doc.tokens[idx + 1]?.norm ?? "";
  return !/^[يت]/.test(next);
}
