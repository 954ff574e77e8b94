import type { Certainty } from "../bundle/types.ts";
import {
  COMPLEMENTISER,
  contentStartAfter,
  insideQuote,
  statementBefore,
  statesSomething,
  trimEnd,
} from "./claim-statement.ts";
import type { Sentence } from "./document.ts";
import type { Mention } from "./mentions.ts";
import { ACCORDING_TO, HEDGES, PARTICIPIAL, REPORTING_VERBS } from "./reporting-verbs.ts";
import type { ExtractState } from "./state.ts";

/** A claim before its id and "about" links are settled. */
export interface ClaimDraft {
  sentence: number;
  claimant: string;
  toldTo?: string;
  certainty: Certainty;
  /** The statement itself: [start, end) in the text. */
  content: { start: number; end: number };
  /** The reporting words ("وقال المصدر لـ"إرم نيوز""). */
  cue: { start: number; end: number };
  confidence: number;
}

const SPEAKER_KINDS = new Set([
  "PERSON",
  "ANONYMOUS_SOURCE",
  "GROUP",
  "GOVERNMENT",
  "ARMED_GROUP",
  "ORGANIZATION",
  "MILITARY",
  "STATE",
  "POLITICAL_GROUP",
  "COALITION",
  "MEDIA",
]);

/**
 * Attributed statements: a reporting verb (or "according to", or a
 * participial "noting that"), its speaker — after the verb in Arabic
 * verb-first order, before it otherwise, else the previous speaker for
 * "وأضاف" — the outlet after لـ/told, and the statement that follows up to
 * the end of the sentence.
 */
export function findClaims(state: ExtractState, claimOf: (s: Sentence) => boolean = () => true): ClaimDraft[] {
  const { doc } = state;
  const drafts: ClaimDraft[] = [];
  let lastSpeaker: string | undefined;
  for (const s of doc.sentences) {
    if (!claimOf(s)) continue;
    const mentions = state.mentions
      .filter((m) => m.sentence === s.index && m.label === "actor")
      .sort((a, b) => a.tokStart - b.tokStart || b.tokEnd - a.tokEnd);
    let inSentence: ClaimDraft | undefined;
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      const t = doc.tokens[i];
      if (inSentence && t.start < inSentence.content.start) continue;
      const verb = t.variants.find((v) => REPORTING_VERBS[v] !== undefined);
      const according =
        !verb && t.variants.some((v) => ACCORDING_TO.has(v)) && (t.arabic || doc.tokens[i + 1]?.norm === "to");
      const participial = !verb && !according && t.variants.some((v) => PARTICIPIAL.has(v));
      if (!verb && !according && !participial) continue;
      // A second statement in one sentence comes only from a participle ("…، مؤكدًا أن …"), never from inside a quote.
      const newClause = /^(فيما|بينما|while|whereas)$/.test(doc.tokens[i - 1]?.norm ?? "");
      if (inSentence && ((!participial && !newClause) || insideQuote(doc.text, s.start, t.start))) continue;
      if (participial && !statesSomething(state, i, s, 4)) continue;
      if (mentions.some((m) => m.tokStart <= i && i < m.tokEnd)) continue;
      const outlet = toldToAfter(state, mentions, i);
      let speaker: Mention | undefined;
      if (according) speaker = mentions.find((m) => m.tokStart > i && speakerKind(state, m));
      else if (participial && inSentence) speaker = undefined;
      else if (newClause)
        speaker = subjectOf(
          state,
          mentions.filter((m) => m.tokStart > i),
          i,
          outlet?.id,
          s,
        );
      else if (participial) {
        const before = mentions.filter(
          (m) => m.tokStart < i && speakerKind(state, m) && state.entries.get(m.id)?.kind !== "MEDIA",
        );
        speaker = before.find((m) => PERSONAL.has(state.entries.get(m.id)?.kind ?? "")) ?? before[0];
      } else speaker = subjectOf(state, mentions, i, outlet?.id, s);
      const claimant =
        speaker?.id ??
        (participial && inSentence ? inSentence.claimant : undefined) ??
        (verb && /^(و|ف)?(اضاف|تابع|اوضح|قال|added|he|she)/.test(t.norm) ? lastSpeaker : undefined);
      if (!claimant) continue;
      if (verb && /^(اعلن|claimed|announced)/.test(verb) && !statesSomething(state, i, s)) continue;
      const contentStart = contentStartAfter(state, i, speaker, outlet, s);
      const before = statementBefore(state, s, speaker, i);
      if (!before && (contentStart === undefined || contentStart >= s.end)) continue;
      const content = before ?? {
        start: contentStart as number,
        end: trimEnd(doc.text, contentStart as number, s.end),
      };
      if (content.end - content.start < 8) continue;
      const certainty = certaintyOf(verb ? REPORTING_VERBS[verb] : "ASSERTED", state, content);
      const cueEnd = Math.max(
        doc.tokens[i].end,
        speaker && speaker.end < content.start ? speaker.end : 0,
        outlet?.end ?? 0,
      );
      if (inSentence && (participial || newClause))
        inSentence.content.end = trimEnd(doc.text, inSentence.content.start, doc.tokens[newClause ? i - 1 : i].start);
      const draft: ClaimDraft = {
        sentence: s.index,
        claimant,
        toldTo: outlet?.id,
        certainty,
        content,
        cue: {
          start: Math.min(
            doc.tokens[i].start,
            speaker && speaker.start < doc.tokens[i].start ? speaker.start : Infinity,
          ),
          end: cueEnd,
        },
        confidence: speaker ? 0.8 : 0.6,
      };
      drafts.push(draft);
      inSentence = draft;
      lastSpeaker = claimant;
    }
  }
  return drafts;
}

function speakerKind(state: ExtractState, m: Mention): boolean {
  return SPEAKER_KINDS.has(state.entries.get(m.id)?.kind ?? "");
}

/** "لـ"إرم نيوز"" or "told Reuters": a media outlet right after the cue. */
function toldToAfter(state: ExtractState, mentions: Mention[], i: number): Mention | undefined {
  const media = (m: Mention) => state.entries.get(m.id)?.kind === "MEDIA";
  const near = mentions.find((m) => m.tokStart > i && m.tokStart <= i + 4 && media(m));
  if (near) return near;
  // "ونفى مصدر في كتائب حزب الله لـ"رويترز"": the outlet follows the speaker's description.
  const speaker = mentions.find((m) => m.tokStart === i + 1 && !media(m));
  return speaker && mentions.find((m) => media(m) && m.tokStart >= speaker.tokEnd && m.tokStart <= speaker.tokEnd + 1);
}

function subjectOf(
  state: ExtractState,
  mentions: Mention[],
  i: number,
  outlet: string | undefined,
  s: Sentence,
): Mention | undefined {
  const { tokens } = state.doc;
  const candidates = mentions.filter((m) => m.id !== outlet && speakerKind(state, m));
  // Subject-first, right before the verb: "قيادي … "تنسيقية …" أكد".
  const adjacentBefore = candidates.filter((m) => m.tokEnd === i && adjacentOrQuoted(state, m.tokEnd - 1, i)).at(-1);
  const outer =
    adjacentBefore && mentions.find((m) => m.tokStart < adjacentBefore.tokStart && m.tokEnd >= adjacentBefore.tokEnd);
  if (outer && speakerKind(state, outer)) return outer;
  if (adjacentBefore) return adjacentBefore;
  // Verb-first: the subject follows within a few words, before the statement begins.
  let stop = i + 1;
  while (stop < s.tokEnd && stop - i < 9 && !COMPLEMENTISER.test(tokens[stop].norm)) stop++;
  const inWindow = candidates.filter((m) => m.tokStart > i && m.tokStart < stop);
  const person = inWindow.find((m) => PERSONAL.has(state.entries.get(m.id)?.kind ?? ""));
  if (person) return person;
  const skip = outletEnd(mentions, outlet, i);
  const after = inWindow.find((m) => m.tokStart <= skip + 1);
  if (after) return after;
  // Subject-first: the nearest speaker before the verb, not inside an earlier clause of another claim.
  const before = candidates.filter((m) => m.tokEnd <= i).at(-1);
  return before;
}

const PERSONAL = new Set(["PERSON", "ANONYMOUS_SOURCE", "GROUP"]);

function adjacentOrQuoted(state: ExtractState, a: number, b: number): boolean {
  return /^[\s"«»“”]*$/.test(state.doc.text.slice(state.doc.tokens[a].end, state.doc.tokens[b].start));
}

/** The token after the verb and any "لـ outlet" that follows it. */
function outletEnd(mentions: Mention[], outlet: string | undefined, i: number): number {
  const m = mentions.find((x) => x.id === outlet && x.tokStart > i && x.tokStart <= i + 4);
  return m ? m.tokEnd : i + 1;
}

function certaintyOf(verb: Certainty, state: ExtractState, content: { start: number; end: number }): Certainty {
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
