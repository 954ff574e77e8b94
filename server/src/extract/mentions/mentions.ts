import { hasLocativeClitic } from "../../text/clitics.ts";
import { nameTokens } from "../../text/tokenize.ts";
import { REPORTING_VERBS } from "../claims/reporting-verbs.ts";
import { type Doc, sentenceOfToken } from "../document.ts";
import type { EntityEntry } from "./gazetteer.ts";
import type { Lexicon, NameMatch } from "./lexicon.ts";
import { ARABIC_STOP } from "./name-words.ts";

/** An actor or location named in the text. */
export interface Mention {
  id: string;
  label: "actor" | "location";
  tokStart: number;
  tokEnd: number;
  start: number;
  end: number;
  sentence: number;
  confidence: number;
}

/** Words before a place name that make it a place ("in Tehran") rather than an agent ("Tehran said"). */
const LOCATIVE_BEFORE = new Set([
  "في",
  "الي",
  "داخل",
  "قرب",
  "نحو",
  "حول",
  "in",
  "at",
  "to",
  "into",
  "inside",
  "near",
  "across",
  "from",
  "over",
]);
/** Arabic titles before a surname ("الوزير الشمري"): the title, not a given name, precedes it. */
const TITLE_WORDS = new Set([
  "الوزير",
  "الرييس",
  "الخبير",
  "النائب",
  "العميد",
  "اللواء",
  "الشيخ",
  "القيادي",
  "المتحدث",
  "الناطق",
  "السيد",
]);

/** "close to / loyal to Tehran" names an ally, not a place, even after من. */
const AFFINITY = /^(ال)?(مقرب|قريب|موال|تابع)/;
const GENERIC_GOVERNMENT = new Set(["الحكومه", "government"]);

/**
 * Finds gazetteer and graph names in the prose and decides what each one
 * refers to: a capital or country used as an agent becomes its state actor,
 * a bare "the government" becomes the government of the country the article
 * is mostly about, and a title followed by its holder's name counts once.
 */
export function findMentions(
  doc: Doc,
  lexicon: Lexicon,
  entries: Map<string, EntityEntry>,
  ambiguous: NameMatch[] = [],
): Mention[] {
  const raw: NameMatch[] = [];
  for (const s of doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; ) {
      const m = lexicon.matchAt(doc.tokens, i, s.tokEnd);
      if (m) {
        raw.push(m);
        i = m.tokEnd;
      } else i++;
    }
  }
  const mentions: Mention[] = [];
  const countryCounts = new Map<string, number>();
  const introduced = new Set<string>();
  for (const [k, m] of raw.entries()) {
    if (m.role && raw[k + 1]?.tokStart === m.tokEnd && raw[k + 1].entry.kind === "PERSON") continue;
    if (m.entry.kind === "PERSON" && !m.role) {
      const full = isFullName(doc, m);
      if (full) introduced.add(m.entry.id);
      // A surname alone names a known person only once the article has named them in full, and never inside a longer name.
      else if (!introduced.has(m.entry.id) || insideLongerName(doc, m)) {
        if (!insideLongerName(doc, m)) ambiguous.push(m);
        continue;
      }
    }
    let entry = m.entry;
    if (entry.label === "location" && entry.stateActor && entries.has(entry.stateActor) && !isLocative(doc, m))
      entry = entries.get(entry.stateActor) as EntityEntry;
    if (entry.label === "location") {
      const country = entry.kind === "COUNTRY" ? entry.id : entry.within;
      if (country) countryCounts.set(country, (countryCounts.get(country) ?? 0) + 1);
    }
    mentions.push(cliticFree(doc, m, toMention(doc, m, entry, m.role ? 0.7 : 0.9)));
  }
  addGovernmentMentions(doc, mentions, countryCounts, entries);
  return mentions.sort((a, b) => a.start - b.start);
}

/**
 * True when the words matched are the person's whole name (or an alias of at
 * least two name parts, "Abu Taleb"), not a surname ("al-Shammari", "الشمري").
 */
function isFullName(doc: Doc, m: NameMatch): boolean {
  const said = doc.tokens
    .slice(m.tokStart, m.tokEnd)
    .map((t) => t.norm)
    .filter((w) => !/^(al|el|ال)$/.test(w));
  if (said.length >= 2) return true;
  const e = m.entry;
  return [e.name, e.nameAr].some((n) => n && nameTokens(n).filter((w) => !/^(al|el)$/.test(w)).length === 1);
}

/** "Abdul Amir al-Shammari": a capitalised (or Arabic name) word right before the match makes it part of another name. */
function insideLongerName(doc: Doc, m: NameMatch): boolean {
  const prev = doc.tokens[m.tokStart - 1];
  const first = doc.tokens[m.tokStart];
  if (!prev || !/^[\s-]$/.test(doc.text.slice(prev.end, first.start))) return false;
  if (!first.arabic) return /^[A-Z]/.test(prev.raw) && !/^(The|In|On|At|By|But|And)$/.test(prev.raw);
  return (
    prev.arabic &&
    !/^(و|ف)?ال/.test(prev.norm) &&
    !ARABIC_STOP.has(prev.norm) &&
    !prev.variants.some((v) => REPORTING_VERBS.has(v) || TITLE_WORDS.has(v))
  );
}

function isLocative(doc: Doc, m: NameMatch): boolean {
  const first = doc.tokens[m.tokStart];
  if (first.arabic && m.firstForm !== first.norm && hasLocativeClitic(first.norm)) return true;
  const prev = doc.tokens[m.tokStart - 1];
  if (!prev) return false;
  if (LOCATIVE_BEFORE.has(prev.norm)) return true;
  if (prev.norm === "من") return !AFFINITY.test(doc.tokens[m.tokStart - 2]?.norm ?? "");
  return false;
}

/** A bare "the government" names the government of the country mentioned most (when the gazetteer has one). */
function addGovernmentMentions(
  doc: Doc,
  mentions: Mention[],
  countryCounts: Map<string, number>,
  entries: Map<string, EntityEntry>,
) {
  const ranked = [...countryCounts.entries()].sort((a, b) => b[1] - a[1]);
  const government = ranked
    .map(([country]) => [...entries.values()].find((e) => e.governmentOf === country))
    .find((g) => g !== undefined);
  if (!government) return;
  const covered = new Set<number>();
  for (const m of mentions) for (let i = m.tokStart; i < m.tokEnd; i++) covered.add(i);
  for (const s of doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (!doc.tokens[i].variants.some((v) => GENERIC_GOVERNMENT.has(v)) || covered.has(i)) continue;
      const t = doc.tokens[i];
      if (!t.arabic && doc.tokens[i - 1]?.norm !== "the") continue;
      if (t.arabic && !t.variants.includes("الحكومه")) continue;
      mentions.push(toMention(doc, { tokStart: i, tokEnd: i + 1 }, government, 0.75));
    }
  }
}

/** Moves a mention's start past the proclitics its first word carried ("وإيران" → "إيران"). */
function cliticFree(doc: Doc, m: NameMatch, mention: Mention): Mention {
  const t = doc.tokens[m.tokStart];
  if (!t.arabic || m.firstForm === t.norm || !t.norm.endsWith(m.firstForm)) return mention;
  let strip = t.norm.length - m.firstForm.length;
  let k = t.start;
  while (strip > 0 && k < t.end) {
    if (!/[\u064b-\u065f\u0670\u0640]/.test(doc.text[k])) strip--;
    k++;
  }
  while (/[\u064b-\u065f\u0670\u0640]/.test(doc.text[k] ?? "")) k++;
  return { ...mention, start: k };
}

export function toMention(
  doc: Doc,
  m: { tokStart: number; tokEnd: number },
  entry: { id: string; label: "actor" | "location" },
  confidence: number,
): Mention {
  const sentence = doc.sentences.length ? sentenceOfToken(doc, m.tokStart).index : 0;
  let end = doc.tokens[m.tokEnd - 1].end;
  const inner = doc.text.slice(doc.tokens[m.tokStart].start, end);
  if ((inner.match(/"/g)?.length ?? 0) % 2 === 1 && doc.text[end] === '"') end++;
  return {
    id: entry.id,
    label: entry.label,
    tokStart: m.tokStart,
    tokEnd: m.tokEnd,
    start: doc.tokens[m.tokStart].start,
    end,
    sentence,
    confidence,
  };
}
