import { VIOLENT } from "./event-roles.ts";
import type { EventDraft } from "./events.ts";

/** The same type, compatible dates and shared (or missing) participants: one event told twice. */
export function mergeCoreferent(drafts: EventDraft[]): EventDraft[] {
  const out: EventDraft[] = [];
  for (const d of drafts) {
    const family = (e: EventDraft) => (VIOLENT.has(e.type) ? "violent" : e.type);
    const same = d.backref
      ? out
          .filter((e) => family(e) === family(d) && !(e.dateStated && d.dateStated && e.date?.edtf !== d.date?.edtf))
          .at(-1)
      : out.find((e) => e.type === d.type && compatible(e, d));
    if (!same) {
      out.push(d);
      continue;
    }
    same.sentences = [...new Set([...same.sentences, ...d.sentences])];
    same.triggers.push(...d.triggers);
    if (d.dateStated && !same.dateStated) {
      same.date = d.date;
      same.dateStated = true;
    }
    // A back-reference ("the truce") adds evidence, not the other sentence's actors and places.
    if (same.state && !d.state) {
      same.participants = d.participants;
      same.locations = d.locations;
      same.state = false;
    } else if (!d.backref && !(d.state && same.participants.length > 0)) {
      for (const p of d.participants)
        if (!same.participants.some((q) => q.actor === p.actor)) same.participants.push(p);
      for (const l of d.locations) if (!same.locations.includes(l)) same.locations.push(l);
    }
  }
  return out;
}

function compatible(a: EventDraft, b: EventDraft): boolean {
  if (a.state || b.state) return !(a.dateStated && b.dateStated && a.date?.edtf !== b.date?.edtf);
  if (a.dateStated && b.dateStated && a.date?.edtf !== b.date?.edtf) return false;
  if (VIOLENT.has(a.type)) return a.locations.join() === b.locations.join();
  const actors = new Set(a.participants.map((p) => p.actor));
  return a.participants.length === 0 || b.participants.length === 0 || b.participants.some((p) => actors.has(p.actor));
}
