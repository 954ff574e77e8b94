import { nameTokens } from "../../text/tokenize.ts";
import { slugify } from "../../text/transliterate.ts";
import { REPORTING_VERBS } from "../claims/reporting-verbs.ts";
import { adjacent, coveredTokens, type ExtractState, mentionAt } from "../state.ts";
import { toMention } from "./mentions.ts";
import { ARABIC_STOP } from "./name-words.ts";
import { titleTie } from "./relations.ts";

/** Titles that introduce a named person: "الخبير الأمني علي الشمري", "عضو الإطار التنسيقي علي الزبيدي", "analyst Jane Doe". */
const TITLES = new Set([
  "الخبير",
  "المحلل",
  "الباحث",
  "عضو",
  "النائب",
  "القيادي",
  "المتحدث",
  "الناطق",
  "المستشار",
  "الوزير",
  "وزير",
  "رئيس",
  "قائد",
  "السفير",
  "الكاتب",
  "الصحفي",
  "الاكاديمي",
  "الاستاذ",
  "اللواء",
  "العميد",
  "الفريق",
  "الشيخ",
  "الرييس",
  "الوالي",
  "المحافظ",
  "الحاكم",
  "العقيد",
  "الرايد",
  "النقيب",
  "المقدم",
  "الضابط",
  "المراسل",
  "الناشط",
  "المقاتل",
  "القايد",
  "الزعيم",
  "زعيم",
  "الامين",
  "الدكتور",
  "السيد",
  "expert",
  "analyst",
  "researcher",
  "member",
  "lawmaker",
  "mp",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "minister",
  "commander",
  "adviser",
  "advisor",
  "ambassador",
  "professor",
  "general",
  "colonel",
  "cleric",
]);
/** Words that cannot start a name. */
const NOT_NAME = new Set([
  "ان",
  "إن",
  "في",
  "من",
  "عن",
  "الي",
  "قال",
  "اكد",
  "اضاف",
  "ذكر",
  "يري",
  "بان",
  "انه",
  "هذا",
  "هذه",
  "الذي",
  "التي",
  "said",
  "says",
  "told",
  "the",
  "of",
  "for",
  "and",
  "that",
  "who",
  "on",
  "in",
]);
const MAX_SKIP = 7;
/** Words tying a title to its organisation: "المتحدث باسم الحكومة", "spokesman for the army". */
const CONNECTORS = new Set(["باسم", "عن", "في", "لدي", "for", "of", "at"]);
/**
 * New people found by title patterns. After a title come its modifiers
 * (adjectives with ال, an organisation, a quoted word), then the name: a
 * given name without ال and one or two more words. A title followed by a name
 * the gazetteer knows binds the title to that person, so a later bare "the
 * prime minister" resolves to them.
 */
export function findPeople(state: ExtractState) {
  const { tokens } = state.doc;
  const covered = coveredTokens(state);
  const bindings: { title: string[]; person: string }[] = [];
  for (const s of state.doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      const t = tokens[i];
      if (!t.variants.some((v) => TITLES.has(v))) continue;
      let j = i + 1;
      let org: string | undefined;
      while (j < s.tokEnd && j - i <= MAX_SKIP && adjacent(state, j - 1, j)) {
        const m = mentionAt(state, j);
        if (m?.label === "actor" && state.entries.get(m.id)?.kind === "PERSON") {
          bindings.push({ title: tokens.slice(i, j).map((x) => x.norm), person: m.id });
          if (org) titleTie(state, i, m.id, org, m.tokEnd);
          break;
        }
        if (m) {
          org ??= m.id;
          j = m.tokEnd;
          continue;
        }
        if (isModifier(tokens[j].norm, t.arabic) || (!org && CONNECTORS.has(tokens[j].norm))) j++;
        else break;
      }
      for (let k = i; k < j; k++) covered.add(k);
      const name = readName(state, j, s.tokEnd, t.arabic, covered);
      if (!name) continue;
      const display = state.doc.text.slice(tokens[name.start].start, tokens[name.end - 1].end);
      const id = `actor:${slugify(display)}`;
      if (!state.entries.has(id))
        state.entries.set(id, {
          id,
          label: "actor",
          name: display,
          nameAr: t.arabic ? display : undefined,
          aliases: [],
          kind: "PERSON",
        });
      state.mentions.push(
        toMention(state.doc, { tokStart: name.start, tokEnd: name.end }, { id, label: "actor" }, 0.8),
      );
      for (let k = name.start; k < name.end; k++) covered.add(k);
      bindings.push({ title: tokens.slice(i, j).map((x) => x.norm), person: id });
      if (org) titleTie(state, i, id, org, name.end);
    }
  }
  bindings.push(...roleBindings(state));
  resolveBareTitles(state, bindings, covered);
}

function isModifier(norm: string, arabic: boolean): boolean {
  // "الناطق باسم العمليات العسكرية للشباب …": definite words, with or without a clitic, describe the title.
  if (arabic) return /^(و|ف)?(ال|لل|بال|كال)/.test(norm);
  return /^[a-z]/.test(norm) && !NOT_NAME.has(norm);
}

function readName(state: ExtractState, j: number, end: number, arabic: boolean, covered: Set<number>) {
  const { tokens } = state.doc;
  const ok = (k: number) =>
    k < end && !covered.has(k) && !NOT_NAME.has(tokens[k].norm) && adjacent(state, k - 1, k, false);
  if (j >= end || covered.has(j) || NOT_NAME.has(tokens[j].norm)) return undefined;
  if (arabic) return readArabicName(state, j, end, ok);
  const cap = (k: number) => /^[A-Z]/.test(tokens[k].raw) || /^(al|el|bin|ibn)$/.test(tokens[k].norm);
  if (!/^[A-Z]/.test(tokens[j].raw)) return undefined;
  let k = j + 1;
  while (k < end && k - j < 4 && ok(k) && cap(k)) k++;
  return k - j >= 2 ? { start: j, end: k } : undefined;
}

/**
 * An Arabic personal name after a title: two to four parts, where "عبد" with
 * the divine name after it, and "أبو/أم/ابن/بن" with the name after them,
 * are one part each ("عبد الفتاح عمر حلان", "عبد العزيز أبو مصعب"), and a
 * nisba ("الموسوي") closes the name. A definite word that is not a nisba, a
 * particle, a reporting verb or a word joined by و after the first part ends it.
 */
function readArabicName(state: ExtractState, j: number, end: number, ok: (k: number) => boolean) {
  const { tokens } = state.doc;
  const first = tokens[j];
  // "علي" is both the name Ali and the folded preposition على; as a name's first part it is the name.
  const stop = (w: string) => ARABIC_STOP.has(w) && w !== "علي";
  if (!first.arabic || first.norm.startsWith("ال") || stop(first.norm) || isReporting(first)) return undefined;
  let k = j;
  let parts = 0;
  while (k < end && parts < 4 && (k === j || ok(k))) {
    const t = tokens[k];
    const w = t.norm;
    if (!t.arabic || stop(w) || isReporting(t) || TITLES.has(w)) break;
    if (parts > 0 && /^و/.test(w) && !/^وال/.test(w) && w.length > 3) break;
    if (w.startsWith("ال")) {
      if (parts > 0 && /ي$/.test(w)) {
        k++;
        parts++;
      }
      break;
    }
    if ((w === "عبد" && tokens[k + 1]?.norm.startsWith("ال")) || /^(ابو|ام|ابن|بن|بنت)$/.test(w)) {
      if (!ok(k + 1)) break;
      k += 2;
    } else k++;
    parts++;
  }
  return parts >= 2 ? { start: j, end: k } : undefined;
}

function isReporting(t: { variants: string[] }): boolean {
  return t.variants.some((v) => REPORTING_VERBS.has(v));
}

/** "رئيس الوزراء" alone, after "رئيس الوزراء العراقي محمد شياع السوداني", names the same person. */
function resolveBareTitles(state: ExtractState, bindings: { title: string[]; person: string }[], covered: Set<number>) {
  const { tokens } = state.doc;
  const seen = new Set<string>();
  for (const b of bindings) {
    const key = b.title.slice(0, 2);
    // The first binding of a short title wins; a title repeated in the text needs no second pass.
    if (key.length < 2 || seen.has(key.join(" "))) continue;
    seen.add(key.join(" "));
    for (const s of state.doc.sentences) {
      for (let i = s.tokStart; i + 1 < s.tokEnd; i++) {
        if (covered.has(i) || covered.has(i + 1)) continue;
        if (!tokens[i].variants.includes(key[0]) || tokens[i + 1].norm !== key[1]) continue;
        state.mentions.push(
          toMention(state.doc, { tokStart: i, tokEnd: i + 2 }, { id: b.person, label: "actor" }, 0.7),
        );
        covered.add(i);
        covered.add(i + 1);
      }
    }
  }
}

/** A gazetteer title written in full ("رئيس الوزراء العراقي") binds its short form ("رئيس الوزراء") to the holder too. */
function roleBindings(state: ExtractState): { title: string[]; person: string }[] {
  const { tokens } = state.doc;
  const out: { title: string[]; person: string }[] = [];
  for (const m of state.mentions) {
    const entry = state.entries.get(m.id);
    if (entry?.kind !== "PERSON" || !entry.roles?.length) continue;
    const words = tokens.slice(m.tokStart, m.tokEnd).map((t) => t.norm);
    const said = words.join(" ");
    if (entry.roles.some((r) => nameTokens(r).join(" ") === said)) out.push({ title: words, person: m.id });
  }
  return out;
}
