import type { EventDraft } from "../types.ts";
import { VIOLENT } from "./event-roles.ts";

/** The same type, compatible dates and shared (or missing) participants: one event told twice. */
export function mergeCoreferent(drafts: EventDraft[]): EventDraft[] {
  const out: EventDraft[] = [];
  // The merged events by family and by type (each in `out` order) and each one's sentences as a set:
  // a long article has thousands of events, and scanning all of them for every draft was quadratic.
  const byFamily = new Map<string, EventDraft[]>();
  const byType = new Map<string, EventDraft[]>();
  const sentenceSets = new Map<EventDraft, Set<number>>();
  const family = (e: EventDraft) => (VIOLENT.has(e.type) ? "violent" : e.type);
  const listed = (map: Map<string, EventDraft[]>, key: string) => {
    const list = map.get(key) ?? [];
    if (list.length === 0) map.set(key, list);
    return list;
  };
  for (const d of drafts) {
    const same = d.backref
      ? listed(byFamily, family(d)).findLast((e) => !(e.dateStated && d.dateStated && e.date?.edtf !== d.date?.edtf))
      : listed(byType, d.type).find((e) => compatible(e, d));
    if (!same) {
      // Its own copy: the drafts of one sentence share their sentence list, and merging appends to it.
      d.sentences = [...d.sentences];
      out.push(d);
      listed(byFamily, family(d)).push(d);
      listed(byType, d.type).push(d);
      sentenceSets.set(d, new Set(d.sentences));
      continue;
    }
    const sentences = sentenceSets.get(same) as Set<number>;
    for (const i of d.sentences)
      if (!sentences.has(i)) {
        sentences.add(i);
        same.sentences.push(i);
      }
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
