import type { Certainty } from "../../bundle/types.ts";
import { firstTokenFrom } from "../document.ts";
import type { ExtractState } from "../state.ts";
import { HEDGES } from "./reporting-verbs.ts";

/** A statement reported as asserted is HEDGED when it carries a hedge word ("ربما", "probably"). */
export function certaintyOf(verb: Certainty, state: ExtractState, content: { start: number; end: number }): Certainty {
  if (verb !== "ASSERTED") return verb;
  const { tokens } = state.doc;
  // Only the tokens inside the statement are read (tokens are in text order and do not overlap).
  for (let k = firstTokenFrom(state.doc, content.start); k < tokens.length && tokens[k].end <= content.end; k++)
    if (tokens[k].variants.some((v) => HEDGES.has(v)) && !isPastQad(state, k)) return "HEDGED";
  return "ASSERTED";
}

/** "قد" before a past verb ("قد أعلن") affirms; only before a present verb ("قد يعلن") does it hedge. */
function isPastQad(state: ExtractState, idx: number): boolean {
  const t = state.doc.tokens[idx];
  if (t.norm !== "قد" && t.norm !== "وقد") return false;
  const next = state.doc.tokens[idx + 1]?.norm ?? "";
  return !/^[يت]/.test(next);
}
