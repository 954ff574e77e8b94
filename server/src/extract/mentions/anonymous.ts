import { addRelation, adjacent, coveredTokens, type ExtractState, mentionsInSentence } from "../state.ts";
import { toMention } from "./mentions.ts";

/** Indefinite nouns that introduce an unnamed source: one person (ANONYMOUS_SOURCE) or a group (GROUP). */
const SINGLE = new Set([
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "مصدر",
  "قيادي",
  "مسوول",
  "ضابط",
  "دبلوماسي",
  "source",
  "official",
  "commander",
  "diplomat",
  "insider",
]);
const PLURAL = new Set([
  "مصادر",
  "مسوولون",
  "مسوولين",
  "خبراء",
  "مراقبون",
  "محللون",
  "وسطاء",
  "شهود",
  "سكان",
  "ناشطون",
  "sources",
  "officials",
  "experts",
  "analysts",
  "mediators",
  "witnesses",
  "residents",
  "observers",
]);
/** Words ending a source's description: reporting verbs, complementisers, "on condition". */
const STOP =
  /^(ف?ان|ف?إن|بان|قال|يقول|اكد|يوكد|اضاف|ذكر|اوضح|يري|تري|نفي|اعلن|كشف|افاد|اشار|شريطه|اقناع|لـ?|said|says|told|added|confirmed|denied|say|believe|believes|that|on|speaking|who)$/;
const ENGLISH_MODIFIER =
  /^(a|an|senior|security|military|government|iraqi|us|u|s|american|western|local|kurdish|israeli|iranian|militia|diplomatic|intelligence)$/;
const DEFINITE_BACKREF = new Set(["المصدر", "source", "القيادي"]);

/**
 * Unnamed sources as the text describes them ("a source close to the prime
 * minister's office", "security and political experts"). Each becomes an
 * article-scoped actor, tied to the first organisation named in its
 * description; a later "the source" refers back to the latest one.
 */
export function findAnonymousSources(state: ExtractState) {
  const { tokens, text } = state.doc;
  const covered = coveredTokens(state);
  let latest: string | undefined;
  let n = 0;
  for (const s of state.doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (covered.has(i)) continue;
      const t = tokens[i];
      const bare = t.arabic
        ? t.variants.find((v) => SINGLE.has(v) || PLURAL.has(v) || DEFINITE_BACKREF.has(v))
        : t.norm;
      if (!bare) continue;
      const english = !t.arabic;
      const prev = tokens[i - 1]?.norm;
      if (DEFINITE_BACKREF.has(bare) && (t.arabic || prev === "the") && latest && t.norm.includes("ال") === t.arabic) {
        state.mentions.push(toMention(state.doc, { tokStart: i, tokEnd: i + 1 }, { id: latest, label: "actor" }, 0.7));
        continue;
      }
      // "مسؤولون عن مقتلهما" / "officials responsible for": responsible, not a source.
      if (/^مسوول/.test(bare) && tokens[i + 1]?.norm === "عن") continue;
      const plural = PLURAL.has(bare);
      if (!plural && !SINGLE.has(bare)) continue;
      if (
        english &&
        !plural &&
        !(
          prev === "a" ||
          prev === "an" ||
          /^(senior|security|military|government|iraqi|us|american|western)$/.test(prev ?? "")
        )
      )
        continue;
      if (english && plural && prev === "the") continue;
      let end = i + 1;
      while (end < s.tokEnd && end - i < 12 && !STOP.test(tokens[end].norm)) {
        if (plural && !isPluralAdjective(tokens[end].norm, english)) break;
        if (
          !plural &&
          !adjacent(state, end - 1, end) &&
          !/^[\s،,]+$/.test(text.slice(tokens[end - 1].end, tokens[end].start))
        )
          break;
        end++;
      }
      if (!plural && end === i + 1 && !STOP.test(tokens[end]?.norm ?? "")) continue;
      let first = i;
      // English puts the description before the head: "a senior US security official".
      while (english && first > s.tokStart && ENGLISH_MODIFIER.test(tokens[first - 1].norm)) first--;
      const startChar = tokens[first].start + (t.arabic ? t.norm.length - bare.length : 0);
      let endChar = tokens[end - 1].end;
      while (/["»”]/.test(text[endChar] ?? "")) endChar++;
      const description = text.slice(startChar, endChar);
      const id = `actor:anon-${state.scope}-${++n}`;
      state.entries.set(id, {
        id,
        label: "actor",
        name: description,
        aliases: [],
        kind: plural ? "GROUP" : "ANONYMOUS_SOURCE",
      });
      state.descriptions.set(id, description);
      state.mentions.push({
        ...toMention(state.doc, { tokStart: first, tokEnd: end }, { id, label: "actor" }, 0.8),
        start: startChar,
        end: endChar,
      });
      for (let k = first; k < end; k++) covered.add(k);
      linkToGroup(state, s.index, id, i, end, { start: startChar, end: endChar });
      if (!plural) latest = id;
    }
  }
}

function isPluralAdjective(norm: string, english: boolean): boolean {
  if (english) return /^(security|political|military|local|iraqi|western|regional|and)$/.test(norm);
  return /(ون|ين)$/.test(norm);
}

function linkToGroup(
  state: ExtractState,
  sentence: number,
  id: string,
  from: number,
  to: number,
  span: { start: number; end: number },
) {
  // [from, to) lies inside the sentence, so only its mentions can start there.
  const inside = mentionsInSentence(state, sentence).find(
    (m) => m.label === "actor" && m.tokStart >= from && m.tokStart < to && m.id !== id,
  );
  if (!inside) return;
  const entry = state.entries.get(inside.id);
  const group = entry?.kind === "PERSON" && entry.affiliatedWith ? entry.affiliatedWith : inside.id;
  if (!state.entries.has(group)) return;
  addRelation(state, { type: "AFFILIATED_WITH", from: id, to: group, evidence: [span], confidence: 0.8 });
}
