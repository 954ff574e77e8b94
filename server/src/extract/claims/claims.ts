import type { Certainty } from "../../bundle/types.ts";
import type { Sentence } from "../document.ts";
import type { Mention } from "../mentions/mentions.ts";
import { type ExtractState, mentionsInSentence } from "../state.ts";
import { certaintyOf } from "./claim-certainty.ts";
import { PERSONAL, speakerKind, subjectOf, toldToAfter } from "./claim-speaker.ts";
import { contentStartAfter, insideQuote, statementBefore, statesSomething, trimEnd } from "./claim-statement.ts";
import { ACCORDING_TO, PARTICIPIAL, REPORTING_VERBS } from "./reporting-verbs.ts";
import {
  type Issuer,
  isContainedIn,
  isStatementNoun,
  mentionsStatement,
  statementAfterAccording,
  statementSubject,
} from "./statement-issuer.ts";

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
  // Who issued the last statement the article attributed ("… said in a statement"), for a later "the statement added".
  let lastIssuer: string | undefined;
  for (const s of doc.sentences) {
    if (!claimOf(s)) continue;
    const mentions = mentionsInSentence(state, s.index)
      .filter((m) => m.label === "actor")
      .sort((a, b) => a.tokStart - b.tokStart || b.tokEnd - a.tokEnd);
    let inSentence: ClaimDraft | undefined;
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      const t = doc.tokens[i];
      if (inSentence && t.start < inSentence.content.start) continue;
      // "جاء في بيان …": the statement is the speaker's words, as a reporting verb would say.
      const contained =
        isContainedIn(t.norm) && doc.tokens[i + 1]?.norm === "في" && i + 2 < s.tokEnd && isStatementNoun(state, i + 2);
      const verb = t.variants.find((v) => REPORTING_VERBS.has(v)) ?? (contained ? "جاء" : undefined);
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
      // A statement as the subject ("A statement from X said", "ذكر بيان صادر عن X", "according to a statement by X"): its issuer speaks.
      const issued: Issuer | undefined = according
        ? statementAfterAccording(state, mentions, i, s)
        : verb && !newClause
          ? statementSubject(state, mentions, i, s)
          : undefined;
      const issuer = issued?.speaker?.id ?? (issued?.definite ? lastIssuer : undefined);
      if (issued?.speaker) speaker = issued.speaker;
      else if (issuer) speaker = undefined;
      else if (according) speaker = mentions.find((m) => m.tokStart > i && speakerKind(state, m));
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
        issuer ??
        (participial && inSentence ? inSentence.claimant : undefined) ??
        (verb && /^(و|ف)?(اضاف|تابع|اوضح|قال|added|he|she)/.test(t.norm) ? lastSpeaker : undefined);
      if (!claimant) continue;
      // Verbs that also report acts ("announced a truce", "revealed the plan", "أقرّ القانون") state something only with "that"/a quote.
      if (
        verb &&
        /^(اعلن|اقر|اعترف|claimed|announced|disclosed|revealed|admitted|acknowledged|declared|mentioned|indicated|wrote)/.test(
          verb,
        ) &&
        !statesSomething(state, i, s)
      )
        continue;
      const contentStart = contentStartAfter(state, i, speaker, outlet, s);
      const before = statementBefore(state, s, speaker, i);
      if (!before && (contentStart === undefined || contentStart >= s.end)) continue;
      const content = before ?? {
        start: contentStart as number,
        end: trimEnd(doc.text, contentStart as number, s.end),
      };
      if (content.end - content.start < 8) continue;
      const certainty = certaintyOf((verb && REPORTING_VERBS.get(verb)) || "ASSERTED", state, content);
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
      if (issued?.speaker || mentionsStatement(state, s, content)) lastIssuer = claimant;
    }
  }
  return drafts;
}
