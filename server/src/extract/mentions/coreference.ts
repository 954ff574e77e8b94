import { coveredTokens, type ExtractState } from "../state.ts";
import { toMention } from "./mentions.ts";

/**
 * Common nouns that, in a news article, name a place already in view:
 * "البلاد" / "the country" is the country the article is mostly about, and
 * "المنطقة" / "the region" the Middle East.
 */
export function resolveCommonNouns(state: ExtractState) {
  const counts = new Map<string, number>();
  for (const m of state.mentions) {
    if (m.label === "location" && state.entries.get(m.id)?.kind === "COUNTRY")
      counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  }
  const country = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const region = state.entries.has("location:middle-east") ? "location:middle-east" : undefined;
  const covered = coveredTokens(state);
  const { tokens } = state.doc;
  for (const s of state.doc.sentences) {
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      if (covered.has(i)) continue;
      const t = tokens[i];
      const english = !t.arabic && tokens[i - 1]?.norm === "the";
      let id: string | undefined;
      if (t.variants.includes("البلاد") || (english && t.norm === "country")) id = country;
      else if (t.variants.includes("المنطقه") || (english && t.norm === "region")) id = region;
      if (!id) continue;
      const next = tokens[i + 1]?.norm ?? "";
      // "المنطقة الخضراء" (the Green Zone) or "منطقة X" names another place.
      if (t.arabic && /^ال/.test(next) && i + 1 < s.tokEnd && !/^(بشكل|ب)/.test(next)) continue;
      state.mentions.push(toMention(state.doc, { tokStart: i, tokEnd: i + 1 }, { id, label: "location" }, 0.6));
    }
  }
}
