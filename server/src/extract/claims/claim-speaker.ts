import type { Sentence } from "../document.ts";
import type { Mention } from "../mentions/mentions.ts";
import type { ExtractState } from "../state.ts";
import { COMPLEMENTISER } from "./claim-statement.ts";

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

export function speakerKind(state: ExtractState, m: Mention): boolean {
  return SPEAKER_KINDS.has(state.entries.get(m.id)?.kind ?? "");
}

/** "لـ"إرم نيوز"" or "told Reuters": a media outlet right after the cue. */
export function toldToAfter(state: ExtractState, mentions: Mention[], i: number): Mention | undefined {
  const media = (m: Mention) => state.entries.get(m.id)?.kind === "MEDIA";
  const near = mentions.find((m) => m.tokStart > i && m.tokStart <= i + 4 && media(m));
  if (near) return near;
  // "ونفى مصدر في كتائب حزب الله لـ"رويترز"": the outlet follows the speaker's description.
  const speaker = mentions.find((m) => m.tokStart === i + 1 && !media(m));
  return speaker && mentions.find((m) => media(m) && m.tokStart >= speaker.tokEnd && m.tokStart <= speaker.tokEnd + 1);
}

export function subjectOf(
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

export const PERSONAL = new Set(["PERSON", "ANONYMOUS_SOURCE", "GROUP"]);

function adjacentOrQuoted(state: ExtractState, a: number, b: number): boolean {
  return /^[\s"«»“”]*$/.test(state.doc.text.slice(state.doc.tokens[a].end, state.doc.tokens[b].start));
}

/** The token after the verb and any "لـ outlet" that follows it. */
function outletEnd(mentions: Mention[], outlet: string | undefined, i: number): number {
  const m = mentions.find((x) => x.id === outlet && x.tokStart > i && x.tokStart <= i + 4);
  return m ? m.tokEnd : i + 1;
}
