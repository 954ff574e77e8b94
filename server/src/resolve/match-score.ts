import type { DatePrecision, EventType } from "../bundle/types.ts";
import { BROAD_PLACE_KINDS, NEARBY_KM, sameIncidentTypes } from "../model/vocabulary.ts";

/**
 * Is an incoming event the same incident as a stored one? Pure scoring over
 * the facts both sides carry. Precision comes first — a wrong merge hides
 * evidence — so an automatic merge needs the same day, the same specific place
 * (or one within the other, or a few km apart) and either a shared initiator
 * or target or the same facility; weaker agreement only makes a candidate for
 * review, and two different specific places rule a match out.
 */
export interface PlaceFacts {
  id: string;
  kind: string;
  point?: { latitude: number; longitude: number } | null;
  /** Places this one lies within (WITHIN, up to 4 levels). */
  ancestors: string[];
}

export interface ActorFacts {
  id: string;
  role: string;
  kind?: string | null;
}

export interface EventFacts {
  id: string;
  type: EventType;
  /** Epoch milliseconds; null when open. */
  start: number | null;
  end: number | null;
  precision: DatePrecision;
  places: PlaceFacts[];
  actors: ActorFacts[];
  /** Articles that report it. */
  articles: string[];
}

export type Decision = "MERGE" | "CANDIDATE" | "NONE";

export interface Match {
  decision: Decision;
  score: number;
  reasons: string[];
}

export const MERGE_SCORE = 0.75;
export const CANDIDATE_SCORE = 0.45;
/**
 * Candidate pairs recorded per incoming event: its best-scored few. A product
 * decision, not only a cost one: in a dense graph an event matches dozens of
 * stored events weakly (the same actors on the same days elsewhere), and a
 * reviewer cannot work through 17 possible duplicates of each event; the best
 * few hold the real duplicates when there are any. Merges are unaffected.
 */
export const CANDIDATES_PER_EVENT = 5;

const BROAD = new Set<string>(BROAD_PLACE_KINDS);
const FACILITY = new Set(["FACILITY", "MILITARY_BASE"]);
/** Precisions whose start names one day: only they can score "same day". */
export const EXACT = new Set(["HOUR", "DAY"]);
const DAY_MS = 86_400_000;

function km(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

type PlaceRelation = {
  kind: "SAME" | "WITHIN" | "NEAR" | "BROAD" | "DIFFERENT" | "UNKNOWN";
  facility?: boolean;
  why?: string;
};

function placeRelation(a: PlaceFacts[], b: PlaceFacts[]): PlaceRelation {
  const sa = a.filter((p) => !BROAD.has(p.kind));
  const sb = b.filter((p) => !BROAD.has(p.kind));
  for (const p of sa)
    for (const q of sb)
      if (p.id === q.id) return { kind: "SAME", facility: FACILITY.has(p.kind), why: `same place (${p.id})` };
  for (const p of sa)
    for (const q of sb) {
      if (p.ancestors.includes(q.id)) return { kind: "WITHIN", why: `${p.id} is within ${q.id}` };
      if (q.ancestors.includes(p.id)) return { kind: "WITHIN", why: `${q.id} is within ${p.id}` };
    }
  for (const p of sa)
    for (const q of sb)
      if (p.point && q.point) {
        const d = km(p.point, q.point);
        if (d <= NEARBY_KM) return { kind: "NEAR", why: `${p.id} and ${q.id} are ${d.toFixed(0)} km apart` };
      }
  if (sa.length > 0 && sb.length > 0) return { kind: "DIFFERENT", why: "different places" };
  const all = (x: PlaceFacts[]) => new Set(x.flatMap((p) => [p.id, ...p.ancestors]));
  const wa = all(a);
  for (const id of all(b)) if (wa.has(id)) return { kind: "BROAD", why: `both in ${id}` };
  if (a.length > 0 && b.length > 0) return { kind: "DIFFERENT", why: "different places" };
  return { kind: "UNKNOWN" };
}

const named = (x: ActorFacts) => !x.id.startsWith("actor:anon-") && x.kind !== "ANONYMOUS_SOURCE";

export function matchEvents(incoming: EventFacts, stored: EventFacts): Match {
  const none = (why: string): Match => ({ decision: "NONE", score: 0, reasons: [why] });
  if (!sameIncidentTypes(incoming.type, stored.type)) return none("different kinds of event");
  if (incoming.articles.some((a) => stored.articles.includes(a))) return none("one article tells them apart");
  const lo = Math.max(incoming.start ?? -Infinity, stored.start ?? -Infinity);
  const hi = Math.min(incoming.end ?? Infinity, stored.end ?? Infinity);
  if (lo > hi) return none("dates do not overlap");

  const reasons: string[] = [];
  let score = 0;
  const sameDay =
    EXACT.has(incoming.precision) &&
    EXACT.has(stored.precision) &&
    incoming.start !== null &&
    stored.start !== null &&
    Math.floor(incoming.start / DAY_MS) === Math.floor(stored.start / DAY_MS);
  if (sameDay) {
    score += 0.25;
    reasons.push("same day");
  } else {
    score += 0.1;
    reasons.push(`dates overlap (${incoming.precision} / ${stored.precision})`);
  }
  if (incoming.type === stored.type) {
    score += 0.15;
    reasons.push(`same type (${stored.type})`);
  } else {
    score += 0.05;
    reasons.push(`compatible types (${incoming.type} / ${stored.type})`);
  }

  const place = placeRelation(incoming.places, stored.places);
  if (place.kind === "DIFFERENT") return none(place.why ?? "different places");
  const placeScore = { SAME: place.facility ? 0.35 : 0.3, WITHIN: 0.2, NEAR: 0.2, BROAD: 0.05, UNKNOWN: 0 }[place.kind];
  score += placeScore;
  if (place.why) reasons.push(place.why);

  let sharedKeyActor = false;
  const storedByActor = new Map(stored.actors.filter(named).map((x) => [`${x.id}|${x.role}`, x]));
  const storedIds = new Set(stored.actors.filter(named).map((x) => x.id));
  const seen = new Set<string>();
  for (const x of incoming.actors.filter(named)) {
    if (seen.has(x.id)) continue;
    if (storedByActor.has(`${x.id}|${x.role}`) && (x.role === "INITIATOR" || x.role === "TARGET")) {
      sharedKeyActor = true;
      seen.add(x.id);
      score += 0.2;
      reasons.push(`same ${x.role.toLowerCase()} (${x.id})`);
    } else if (storedIds.has(x.id)) {
      seen.add(x.id);
      score += 0.05;
      reasons.push(`shared actor (${x.id})`);
    }
  }
  score = Math.min(1, Math.round(score * 100) / 100);

  const specificPlace = place.kind === "SAME" || place.kind === "WITHIN" || place.kind === "NEAR";
  const merge =
    score >= MERGE_SCORE && sameDay && specificPlace && (sharedKeyActor || (place.kind === "SAME" && place.facility));
  return { decision: merge ? "MERGE" : score >= CANDIDATE_SCORE ? "CANDIDATE" : "NONE", score, reasons };
}

/**
 * What the candidate search knows of a stored event before reading it (from
 * its ties' candidate keys, cypher/tie-keys.ts): its type and start; which of
 * the incoming event's related places of a specific kind its ties reach
 * (`places`: the incoming places, places within them, their ancestors, and
 * the specific places within NEARBY_KM of a specific incoming place; a broad
 * one is left out: it adds no more than sharing a country does); and its ties
 * to the incoming named actors, with their roles.
 */
export interface CandidateHint {
  type: EventType;
  /** Epoch milliseconds. */
  start: number | null;
  places: string[];
  actors: { id: string; role: string }[];
}

export const KEY_ROLES = new Set(["INITIATOR", "TARGET"]);

/**
 * The most {@link matchEvents} can score the pair, from the hint alone, and
 * whether it can be a merge. Each term is the most its part of matchEvents
 * can add given the hint:
 * - the same day only if the stored event starts on the incoming event's day;
 * - a place: only an incoming place of a specific kind can be the same (a
 *   facility's more); another specific related place can be within or nearby;
 *   without a specific place on both sides, only sharing a country can add
 *   (a place the same, within or nearby would be related, so reached);
 * - an actor: a key role (initiator or target) only if the stored event ties
 *   the actor in one of the roles the incoming one gives it, else a shared actor.
 * So ingest reads only the candidates whose bound can still beat the scores
 * it has (ingest/score-candidates.ts). Kept beside matchEvents so the two
 * change together; a test checks the bound holds on random pairs.
 */
export function scoreUpperBound(incoming: EventFacts, hint: CandidateHint): { score: number; mergeable: boolean } {
  if (!sameIncidentTypes(incoming.type, hint.type)) return { score: 0, mergeable: false };
  const sameDay =
    EXACT.has(incoming.precision) &&
    incoming.start !== null &&
    hint.start !== null &&
    Math.floor(incoming.start / DAY_MS) === Math.floor(hint.start / DAY_MS);
  const specific = incoming.places.filter((p) => !BROAD.has(p.kind));
  const reached = new Set(hint.places);
  const same = specific.filter((p) => reached.has(p.id));
  const specificPlace = specific.length > 0 && hint.places.length > 0;
  const facility = same.some((p) => FACILITY.has(p.kind));
  const place = !specificPlace ? 0.05 : same.length === 0 ? 0.2 : facility ? 0.35 : 0.3;
  const rolesOf = new Map<string, Set<string>>();
  for (const x of hint.actors) rolesOf.set(x.id, (rolesOf.get(x.id) ?? new Set()).add(x.role));
  let actors = 0;
  let keyActor = false;
  for (const id of new Set(incoming.actors.filter(named).map((x) => x.id))) {
    const roles = rolesOf.get(id);
    if (!roles) continue;
    const key = incoming.actors.some((x) => x.id === id && KEY_ROLES.has(x.role) && roles.has(x.role));
    keyActor ||= key;
    actors += key ? 0.2 : 0.05;
  }
  const raw = (sameDay ? 0.25 : 0.1) + (incoming.type === hint.type ? 0.15 : 0.05) + place + actors;
  const score = Math.min(1, Math.round(raw * 100) / 100);
  return { score, mergeable: sameDay && score >= MERGE_SCORE && specificPlace && (keyActor || facility) };
}
