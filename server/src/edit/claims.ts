import * as q from "../cypher/edits.ts";
import type { Database } from "../db/database.ts";
import { CERTAINTIES } from "../model/vocabulary.ts";
import { audited } from "./audit.ts";
import { EditError, MissingNode } from "./errors.ts";
import { checkId } from "./event-ties.ts";

/**
 * An analyst's correction of a claim: who made it, how certain it is put,
 * which event(s) it is about. Only the fields given change; the claim's ties
 * before and after are audited.
 */
export interface ClaimInput {
  claimant?: string | null;
  certainty?: string | null;
  /** The events the claim is about (replacing the events it was about). */
  events?: string[] | null;
}

export async function updateClaim(db: Database, who: string, id: string, input: ClaimInput) {
  checkId("id", id, "claim");
  const has = (k: keyof ClaimInput) => Object.hasOwn(input, k) && input[k] != null;
  if (!has("claimant") && !has("certainty") && !has("events"))
    throw new EditError("input", "give a claimant, a certainty or events to change");
  if (has("claimant")) checkId("input.claimant", input.claimant as string, "actor");
  if (has("certainty") && !(CERTAINTIES as readonly string[]).includes(input.certainty as string))
    throw new EditError(
      "input.certainty",
      `"${input.certainty}" is not a certainty (one of ${CERTAINTIES.join(", ")})`,
    );
  const events = [...new Set(input.events ?? [])];
  for (const [i, e] of events.entries()) checkId(`input.events.${i}`, e, "event");
  if (events.length > 20) throw new EditError("input.events", "at most 20 events");
  return audited(db, { who, action: "updateClaim", target: id, touches: [{ id, ties: true }] }, async (run) => {
    const r = (await run(q.claimForEdit(id, input.claimant ?? null, events))).records[0];
    if (!r.get("found")) throw new MissingNode(id);
    if (!r.get("claimantFound")) throw new MissingNode(input.claimant as string);
    const missing = r.get("missingEvents") as string[];
    if (missing.length) throw new MissingNode(missing[0]);
    if (has("claimant")) await run(q.setClaimant(id, input.claimant as string, who));
    if (has("events")) await run(q.setClaimEvents(id, events, who));
    if (has("certainty")) await run(q.setCertainty(id, input.certainty as string, who));
    return { result: { id } };
  });
}
