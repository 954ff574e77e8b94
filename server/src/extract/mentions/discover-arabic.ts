import type { ActorKind, LocationKind } from "../../bundle/types.ts";
import type { Token } from "../../text/tokenize.ts";
import { adjacent, type ExtractState } from "../state.ts";
import { addMention, cliticStart, registerEntity } from "./discovered.ts";
import { ARABIC_HEAD_NEEDS_MODIFIER, ARABIC_ORG_HEADS, ARABIC_PLACE_HEADS, ARABIC_STOP } from "./name-words.ts";

const MAX_NAME = 6;

/**
 * Arabic organisations without a gazetteer: a head noun opens the name
 * (قوات، جماعة، وزارة، حكومة، وكالة …) and the إضافة chain closes it — an
 * indefinite head takes the nouns it is construct to ("جماعة نصرة الإسلام
 * والمسلمين", "قوات الدعم السريع"), a definite head its adjectives
 * ("الجيش المالي", "المجلس الرئاسي", "الفرقة السادسة"), a number
 * ("اللواء 444"). The chain stops at a particle, a preposition, punctuation
 * or another head ("… والجيش").
 */
export function discoverArabicOrganisations(state: ExtractState, covered: Set<number>) {
  const { tokens, text } = state.doc;
  for (const s of state.doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (covered.has(i) || !tokens[i].arabic) continue;
      const head = orgHead(tokens[i]);
      if (!head) continue;
      let end = i + 1;
      let definiteSeen = head.definite;
      while (end < s.tokEnd && end - i < MAX_NAME && !covered.has(end) && adjacent(state, end - 1, end, false)) {
        const t = tokens[end];
        if (/^\d+$/.test(t.norm)) {
          end++;
          break;
        }
        if (!t.arabic || ARABIC_STOP.has(t.norm) || isHeadWord(t)) break;
        const definite = /^(و)?ال/.test(t.norm);
        if (/^و/.test(t.norm) && !/^وال/.test(t.norm)) break;
        if (/^وال/.test(t.norm) && end - i < 2) break;
        if (definite) definiteSeen = true;
        else if (definiteSeen || head.definite) break;
        end++;
      }
      // "اللواء (444)": a number in parentheses right after the head.
      if (end === i + 1 && /^\s*\(\s*$/.test(text.slice(tokens[i].end, tokens[i + 1]?.start ?? 0)))
        if (/^\d+$/.test(tokens[i + 1]?.norm ?? "")) end = i + 2;
      if (end === i + 1 && (!head.definite || ARABIC_HEAD_NEEDS_MODIFIER.has(head.word) || head.word !== "جيش"))
        continue;
      // An indefinite head names a body only through a definite genitive ("قوات الدعم السريع"); "لجنة عسكرية عليا" is a description.
      if (!head.definite && !definiteSeen && !/^\d+$/.test(tokens[end - 1].norm)) continue;
      // The last word of a chain ending in an indefinite noun is not part of the name ("وزارة الداخلية بحكومة").
      let startChar = head.form !== tokens[i].norm ? cliticStart(state, i, head.form) : tokens[i].start;
      let endChar = tokens[end - 1].end;
      if (text[endChar] === ")") endChar++;
      let name = text.slice(startChar, endChar);
      // "للمجلس الرئاسي": ل + ال wrote one lam; the span starts at the article's lam, the name gets its alef back.
      if (head.definite && /^(و|ف)?لل/.test(tokens[i].norm) && !tokens[i].norm.endsWith(head.form)) {
        startChar = cliticStart(state, i, head.form.slice(1));
        name = `ا${text.slice(startChar, endChar)}`;
      }
      const id = registerEntity(state, name, "actor", head.kind, true);
      addMention(state, i, end, id, 0.75, covered, startChar);
    }
  }
}

function orgHead(t: Token): { word: string; form: string; definite: boolean; kind: ActorKind } | undefined {
  for (const v of t.variants) {
    let kind = ARABIC_ORG_HEADS.get(v);
    if (kind) return { word: v, form: v, definite: false, kind };
    if (!v.startsWith("ال")) continue;
    kind = ARABIC_ORG_HEADS.get(v.slice(2));
    if (kind) return { word: v.slice(2), form: v, definite: true, kind };
  }
  return undefined;
}

/** Another organisation head, or a place noun introducing a name ("بلدة"), ends a chain; "العاصمة" as a genitive does not. */
function isHeadWord(t: Token): boolean {
  const definite = /^(و|ف)?(ال|لل|بال)/.test(t.norm);
  return t.variants.some((v) => {
    const bare = v.startsWith("ال") ? v.slice(2) : v;
    return ARABIC_ORG_HEADS.has(bare) || (!definite && ARABIC_PLACE_HEADS.has(v));
  });
}

/**
 * Arabic places without a gazetteer: a place noun (مدينة، بلدة، قرية،
 * ولاية، منطقة، قضاء، مطار، ميناء …) followed by the name — one word, or two
 * when the second is not an adjective ("عين زارة", "بعلبك الهرمل" but not
 * "ينبع الساحلية") — and the other items of a list that holds a place
 * ("شملت: كايس، ساندري، نيورو").
 */
export function discoverArabicPlaces(state: ExtractState, covered: Set<number>) {
  const { tokens, text } = state.doc;
  for (const s of state.doc.sentences) {
    for (let i = s.tokStart; i + 1 < s.tokEnd; i++) {
      if (!tokens[i].arabic) continue;
      const kind = placeHead(tokens[i]);
      if (!kind) continue;
      const j = i + 1;
      if (covered.has(j) || !adjacent(state, i, j) || !nameWord(tokens[j])) continue;
      let end = j + 1;
      const second = tokens[end];
      if (
        end < s.tokEnd &&
        second &&
        !covered.has(end) &&
        adjacent(state, j, end, false) &&
        nameWord(second) &&
        !/^و/.test(second.norm) &&
        !(second.norm.startsWith("ال") && /(ي|يه|يين|يون)$/.test(second.norm)) &&
        !tokens[j].norm.startsWith("ال") &&
        !/\u064b/.test(second.raw)
      )
        end++;
      const name = text.slice(tokens[j].start, tokens[end - 1].end);
      const id = registerEntity(state, name, "location", kind, true);
      addMention(state, j, end, id, 0.75, covered);
      i = end - 1;
    }
  }
  listedPlaces(state, covered);
}

function placeHead(t: Token): LocationKind | undefined {
  // Only the indefinite (construct) form announces a name: "مدينة الفاشر", not "المنطقة".
  for (const v of t.variants) {
    const kind = ARABIC_PLACE_HEADS.get(v);
    if (kind && !t.norm.endsWith(`ال${v}`)) return kind;
  }
  return undefined;
}

/** Indefinite adjectives that follow a place noun without naming a place ("منطقة قريبة", "مناطق حدودية"). */
const COMMON_ADJECTIVE =
  /^(قريبه|بعيده|مجاوره|واسعه|اخري|جديده|مختلفه|عديده|كبيره|صغيره|نائيه|متفرقه|عسكريه|سكنيه|\S+يه)$/;

function nameWord(t: Token): boolean {
  return (
    t.arabic &&
    !COMMON_ADJECTIVE.test(t.norm) &&
    t.norm.length >= 2 &&
    !ARABIC_STOP.has(t.norm) &&
    !t.variants.some((v) => ARABIC_STOP.has(v) && v.length > 2) &&
    !isHeadWord(t) &&
    !/^\d/.test(t.norm)
  );
}

/** "شملت: كايس، ساندري، نيورو …": the items of a comma list that holds a place are places too. */
function listedPlaces(state: ExtractState, covered: Set<number>) {
  const { tokens, text } = state.doc;
  for (const s of state.doc.sentences) {
    // Split the sentence into comma-separated items of one or two words.
    const items: { start: number; end: number }[] = [];
    let from = s.tokStart;
    for (let k = s.tokStart + 1; k <= s.tokEnd; k++) {
      const gap = k < s.tokEnd ? text.slice(tokens[k - 1].end, tokens[k].start) : ",";
      if (/[،,:؛]/.test(gap)) {
        items.push({ start: from, end: k });
        from = k;
      }
    }
    const short = items.map((it) => it.end - it.start <= 2);
    for (let a = 0; a < items.length; a++) {
      // A run of at least three short items.
      let b = a;
      while (b < items.length && short[b]) b++;
      if (b - a >= 3) {
        const run = items.slice(a, b);
        const hasPlace = run.some((it) =>
          state.mentions.some((m) => m.label === "location" && m.tokStart >= it.start && m.tokEnd <= it.end),
        );
        const introducedByColon = /:\s*$/.test(
          text.slice(tokens[run[0].start - 1]?.end ?? 0, tokens[run[0].start].start),
        );
        if (hasPlace || introducedByColon)
          for (const it of run) {
            if ([...Array(it.end - it.start).keys()].some((k) => covered.has(it.start + k))) continue;
            if (!tokens[it.start].arabic || !tokens.slice(it.start, it.end).every(nameWord)) continue;
            const name = text.slice(tokens[it.start].start, tokens[it.end - 1].end);
            addMention(state, it.start, it.end, registerEntity(state, name, "location", "CITY", true), 0.6, covered);
          }
      }
      a = Math.max(a, b);
    }
  }
}
