import type { BundleActor, BundleClaim, BundleEvent, BundleLocation, BundleRelation, Span } from "../bundle/types.ts";
import { eventTypeLabel } from "../model/vocabulary.ts";
import { LIMITS } from "./bundle-limits.ts";
import type { ClaimDraft } from "./claims/claims.ts";
import type { DateMention } from "./dates/dates.ts";
import { headMention } from "./mentions/relations.ts";
import { type ExtractState, mentionsInSentence } from "./state.ts";
import type { EventDraft } from "./types.ts";

const spanOf = (text: string, start: number, end: number): Span => ({ start, end, text: text.slice(start, end) });

/** One node per entity named in the article, with every mention as evidence. */
export function entityNodes(state: ExtractState): { actors: BundleActor[]; locations: BundleLocation[] } {
  const byId = new Map<string, { spans: Span[]; seen: Set<string>; confidence: number; label: "actor" | "location" }>();
  for (const m of [...state.mentions].sort((a, b) => a.start - b.start)) {
    const item = byId.get(m.id) ?? { spans: [], seen: new Set(), confidence: 0, label: m.label };
    // Each span once; the Set keeps this linear when a name recurs thousands of times.
    const key = `${m.start}:${m.end}`;
    if (!item.seen.has(key) && item.spans.length < LIMITS.evidence) {
      item.seen.add(key);
      item.spans.push(spanOf(state.doc.text, m.start, m.end));
    }
    item.confidence = Math.max(item.confidence, m.confidence);
    byId.set(m.id, item);
  }
  const actors: BundleActor[] = [];
  const locations: BundleLocation[] = [];
  for (const [id, item] of byId) {
    const e = state.entries.get(id);
    if (!e) continue;
    // Built by assignment in the bundle's key order (conditional spreads allocated a throwaway object per field).
    const node: Record<string, unknown> = { id, name: e.name };
    if (e.nameAr) node.nameAr = e.nameAr;
    if (e.aliases.length) node.aliases = [...new Set(e.aliases)].slice(0, 200);
    if (e.wikidataId) node.wikidataId = e.wikidataId;
    node.evidence = item.spans.slice(0, 200);
    node.confidence = item.confidence;
    node.kind = e.kind;
    if (item.label === "actor") {
      const description = state.descriptions.get(id);
      if (description) node.description = description;
      if (e.candidates?.length) node.possiblySameAs = e.candidates;
      actors.push(node as unknown as BundleActor);
    } else {
      if (e.point) node.point = e.point;
      if (e.countryCode) node.countryCode = e.countryCode;
      if (e.geoPrecision) node.geoPrecision = e.geoPrecision;
      if (e.geonamesId) node.geonamesId = e.geonamesId;
      locations.push(node as unknown as BundleLocation);
    }
  }
  const present = new Set(locations.map((l) => l.id));
  for (const l of locations) {
    const within = state.entries.get(l.id)?.within;
    if (within && present.has(within)) l.within = within;
  }
  return { actors, locations };
}

export function eventNodes(state: ExtractState, drafts: EventDraft[], present: Set<string>): BundleEvent[] {
  const { text, sentences } = state.doc;
  return drafts.map((d, n) => {
    const participants = d.participants.filter((p) => present.has(p.actor));
    const name = (id?: string) => (id ? state.entries.get(id)?.name : undefined);
    const initiator = name(participants.find((p) => p.role === "INITIATOR")?.actor);
    const target = name(participants.find((p) => p.role === "TARGET")?.actor);
    const place = name(d.locations[0]);
    const title = [
      eventTypeLabel(d.type),
      initiator && `by ${initiator}`,
      target && `against ${target}`,
      place && `in ${place}`,
    ]
      .filter(Boolean)
      .join(" ");
    const first = sentences[d.sentences[0]];
    return {
      id: `event:${state.scope}-${n + 1}-${d.type.toLowerCase().replace(/_/g, "-")}`,
      type: d.type,
      title,
      summary: text.slice(first.start, first.end).slice(0, 2000),
      ...(d.date?.start ? { start: d.date.start } : {}),
      ...(d.date?.end ? { end: d.date.end } : {}),
      precision: d.date ? d.date.precision : "UNKNOWN",
      ...(d.date ? { edtf: d.date.edtf } : {}),
      confidence: d.participants.length > 0 ? 0.7 : 0.5,
      evidence: d.sentences.map((i) => spanOf(text, sentences[i].start, sentences[i].end)),
      participants,
      locations: d.locations.filter((l) => present.has(l)),
    };
  });
}

export function claimNodes(
  state: ExtractState,
  drafts: ClaimDraft[],
  events: BundleEvent[],
  eventDrafts: EventDraft[],
  present: Set<string>,
  statementDates: readonly DateMention[] = [],
): BundleClaim[] {
  const { text, input, sentences } = state.doc;
  const publisherKey = input.publisher.toLowerCase();
  // Events by the sentences that are their evidence, so a claim finds its events without scanning them all.
  const eventsBySentence = new Map<number, string[]>();
  eventDrafts.forEach((d, n) => {
    for (const i of d.sentences) {
      const ids = eventsBySentence.get(i);
      if (ids) ids.push(events[n].id);
      else eventsBySentence.set(i, [events[n].id]);
    }
  });
  return drafts
    .filter((d) => present.has(d.claimant))
    .map((d, n) => {
      // A statement lies inside its sentence, so only that sentence's mentions can be inside it.
      const inside = mentionsInSentence(state, d.sentence).filter(
        (m) => m.start >= d.content.start && m.end <= d.content.end && m.id !== d.claimant && m.id !== d.toldTo,
      );
      const about = [...new Set(inside.map((m) => m.id))].filter((id) => present.has(id));
      const s = sentences[d.sentence];
      const evts = s.start <= d.content.start && d.content.end <= s.end ? (eventsBySentence.get(d.sentence) ?? []) : [];
      const outlet = d.toldTo ? state.entries.get(d.toldTo) : undefined;
      const toldPublisher =
        outlet && [outlet.name, outlet.nameAr].some((n) => n && publisherKey.includes(n.toLowerCase()));
      return {
        id: `claim:${state.scope}-${n + 1}`,
        text: text.slice(d.content.start, d.content.end),
        language: input.language,
        ...(statedOn(d, statementDates) ?? (toldPublisher ? { statedAt: state.doc.published } : {})),
        certainty: d.certainty,
        claimant: d.claimant,
        ...(d.toldTo && present.has(d.toldTo) ? { toldTo: d.toldTo } : {}),
        about: [...evts, ...about],
        evidence: [spanOf(text, d.content.start, d.content.end), spanOf(text, d.cue.start, d.cue.end)],
        confidence: d.confidence,
      };
    });
}

/** Stated ties plus the gazetteer's standing affiliations between entities both in the article. */
export function relationList(state: ExtractState, present: Set<string>): BundleRelation[] {
  const out = state.relations.filter((r) => present.has(r.from) && present.has(r.to));
  const tied = new Set(out.map((r) => `${r.from} ${r.to}`));
  for (const id of present) {
    const to = state.entries.get(id)?.affiliatedWith;
    if (!to || !present.has(to) || tied.has(`${id} ${to}`)) continue;
    // A person the article calls by a head's title ("رئيس الوزراء العراقي") leads what they belong to.
    const head = headMention(state, id);
    if (head) out.push({ type: "LEADS", from: id, to, evidence: [head], confidence: 0.7 });
    else out.push({ type: "AFFILIATED_WITH", from: id, to, confidence: 0.6 });
  }
  return out;
}

/** "… said on Tuesday": the day of the statement, when the cue's sentence gives one. */
function statedOn(d: ClaimDraft, dates: readonly DateMention[]) {
  const day = dates.find((x) => x.sentence === d.sentence && x.precision === "DAY" && x.start);
  return day?.start ? { statedAt: day.start } : undefined;
}
