import type { Dataset } from "./model.ts";
import { foldForSearch } from "./text.ts";

export interface SearchHit {
  id: string;
  kind: "event" | "actor" | "location" | "claim";
  label: string;
  labelAr: string | null;
  detail: string;
  score: number;
}

interface Entry extends SearchHit {
  keys: string[];
}

/** A search index over the loaded data, used until (or when) the API's `search` is not available. */
export function searchIndex(data: Dataset): (text: string) => SearchHit[] {
  const entries = new Map<string, Entry>();
  const add = (hit: Omit<SearchHit, "score">, ...texts: (string | null | undefined)[]) => {
    const keys = texts.filter((t): t is string => !!t).map(foldForSearch);
    const known = entries.get(hit.id);
    if (known) known.keys.push(...keys);
    else entries.set(hit.id, { ...hit, score: 0, keys });
  };
  for (const e of data.events) {
    add({ id: e.id, kind: "event", label: e.title, labelAr: null, detail: e.type }, e.title, e.summary, e.type);
    for (const a of e.actors)
      add({ id: a.id, kind: "actor", label: a.name, labelAr: a.nameAr, detail: a.kind }, a.name, a.nameAr);
    for (const l of e.locations)
      add({ id: l.id, kind: "location", label: l.name, labelAr: l.nameAr, detail: l.kind }, l.name, l.nameAr);
  }
  for (const c of data.claims) {
    add(
      {
        id: c.id,
        kind: "claim",
        label: c.gloss ?? c.text,
        labelAr: c.language === "ar" ? c.text : null,
        detail: c.certainty,
      },
      c.text,
      c.gloss,
    );
    if (c.claimant) {
      const a = c.claimant;
      add({ id: a.id, kind: "actor", label: a.name, labelAr: a.nameAr, detail: a.kind }, a.name, a.nameAr);
    }
  }
  const kindRank = { actor: 3, location: 2, event: 1, claim: 0 };
  return (text) => {
    const q = foldForSearch(text);
    if (!q) return [];
    const hits: SearchHit[] = [];
    for (const e of entries.values()) {
      let score = 0;
      for (const k of e.keys) {
        if (k === q) score = Math.max(score, 100);
        else if (k.startsWith(q)) score = Math.max(score, 60);
        else if (k.includes(` ${q}`)) score = Math.max(score, 40);
        else if (k.includes(q)) score = Math.max(score, 20);
      }
      if (score)
        hits.push({
          id: e.id,
          kind: e.kind,
          label: e.label,
          labelAr: e.labelAr,
          detail: e.detail,
          score: score + kindRank[e.kind],
        });
    }
    return hits.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label)).slice(0, 20);
  };
}
