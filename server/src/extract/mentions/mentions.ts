import { hasLocativeClitic } from "../../text/clitics.ts";
import { type Doc, sentenceOfToken } from "../document.ts";
import type { EntityEntry } from "./gazetteer.ts";
import type { Lexicon, NameMatch } from "./lexicon.ts";

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
/** "close to / loyal to Tehran" names an ally, not a place, even after من. */
const AFFINITY = /^(ال)?(مقرب|قريب|موال|تابع)/;
const GENERIC_GOVERNMENT = new Set(["الحكومه", "government"]);

/**
 * Finds gazetteer and graph names in the prose and decides what each one
 * refers to: a capital or country used as an agent becomes its state actor,
 * a bare "the government" becomes the government of the country the article
 * is mostly about, and a title followed by its holder's name counts once.
 */
export function findMentions(doc: Doc, lexicon: Lexicon, entries: Map<string, EntityEntry>): Mention[] {
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
  for (const [k, m] of raw.entries()) {
    if (m.role && raw[k + 1]?.tokStart === m.tokEnd && raw[k + 1].entry.kind === "PERSON") continue;
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
  const covered = new Set(mentions.flatMap((m) => range(m.tokStart, m.tokEnd)));
  for (const s of doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (covered.has(i) || !doc.tokens[i].variants.some((v) => GENERIC_GOVERNMENT.has(v))) continue;
      const t = doc.tokens[i];
      if (!t.arabic && doc.tokens[i - 1]?.norm !== "the") continue;
      if (t.arabic && !t.variants.includes("الحكومه")) continue;
      mentions.push(toMention(doc, { tokStart: i, tokEnd: i + 1 }, government, 0.75));
    }
  }
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, k) => a + k);
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
