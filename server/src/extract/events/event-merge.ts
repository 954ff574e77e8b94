import { GENERIC_VIOLENCE } from "../../model/vocabulary.ts";
import type { EventDraft } from "../types.ts";
import { VIOLENT } from "./event-roles.ts";

/** How places compare: too wide to tell two incidents apart (a country, a region), and the country a place is in. */
export interface PlaceSense {
  broad: (locationId: string) => boolean;
  countryOf: (locationId: string) => string | undefined;
}

const NO_SENSE: PlaceSense = { broad: () => false, countryOf: () => undefined };

/**
 * One event per happening, not per sentence: drafts of the same family
 * (violence counts as one family: the attack, the strike and the shelling of
 * one night are one incident told with different words) merge when their
 * dates do not conflict and they share a specific place or one of them names
 * none. A generic attack merged with an air strike or shelling takes that type.
 */
export function mergeCoreferent(drafts: EventDraft[], places: PlaceSense = NO_SENSE): EventDraft[] {
  const out: EventDraft[] = [];
  // The merged events by family (each in `out` order) and each one's sentences as a set:
  // a long article has thousands of events, and scanning all of them for every draft was quadratic.
  const byFamily = new Map<string, EventDraft[]>();
  const sentenceSets = new Map<EventDraft, Set<number>>();
  const family = (e: EventDraft) => (VIOLENT.has(e.type) ? "violent" : e.type);
  const listed = (key: string) => {
    const list = byFamily.get(key) ?? [];
    if (list.length === 0) byFamily.set(key, list);
    return list;
  };
  for (const d of drafts) {
    // A back-reference ("the strike") is the last one told, unless a date beside it says otherwise
    // ("the strike may signal a split over the truce that has held for six months" dates the truce).
    const same = d.backref
      ? listed(family(d)).findLast(
          (e) => !(e.dateStated && d.dateStated && d.dateNear && e.date?.edtf !== d.date?.edtf),
        )
      : listed(family(d)).find((e) => compatible(e, d, places));
    if (!same) {
      // Its own copy: the drafts of one sentence share their sentence list, and merging appends to it.
      d.sentences = [...d.sentences];
      out.push(d);
      listed(family(d)).push(d);
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
    if (same.type === GENERIC_VIOLENCE && (d.type === "AIRSTRIKE" || d.type === "SHELLING")) same.type = d.type;
    if (d.dateStated && !same.dateStated && (!d.backref || d.dateNear)) {
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

function compatible(a: EventDraft, b: EventDraft, places: PlaceSense): boolean {
  const { broad } = places;
  if (a.state || b.state) return a.type === b.type && !(a.dateStated && b.dateStated && a.date?.edtf !== b.date?.edtf);
  if (a.dateStated && b.dateStated && a.date?.edtf !== b.date?.edtf) return false;
  if (VIOLENT.has(a.type)) {
    const pa = a.locations.filter((l) => !broad(l));
    const pb = b.locations.filter((l) => !broad(l));
    if (pa.length === 0 || pb.length === 0) return sameCountry(a, b, places);
    return pa.some((l) => pb.includes(l));
  }
  if (a.type !== b.type) return false;
  const actors = new Set(a.participants.map((p) => p.actor));
  return a.participants.length === 0 || b.participants.length === 0 || b.participants.some((p) => actors.has(p.actor));
}

/** When one report names no specific place, the two are one incident unless their places lie in different countries. */
function sameCountry(a: EventDraft, b: EventDraft, places: PlaceSense): boolean {
  const countries = (e: EventDraft) => e.locations.map(places.countryOf).filter((c): c is string => !!c);
  const ca = countries(a);
  const cb = countries(b);
  return ca.length === 0 || cb.length === 0 || ca.some((c) => cb.includes(c));
}
