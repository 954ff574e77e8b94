import type { ArticleBundle } from "../bundle/types.ts";
import { EVENT_TYPES, type FactKind } from "../model/vocabulary.ts";
import { type NumericFact, numericFacts } from "./numeric-facts.ts";

/**
 * Which event of an article each numeric fact belongs to: the violent event
 * whose evidence comes last before the fact (a toll follows the sentence that
 * tells the strike), or else the first one after it. Facts are stored on the
 * article's REPORTS tie as "KIND|value|atLeast|start|end" strings (Neo4j
 * properties cannot hold maps).
 */
export function factsByEvent(bundle: ArticleBundle): Map<string, string[]> {
  const events = bundle.events
    .filter((e) => EVENT_TYPES[e.type].family === "violence" && e.evidence.length > 0)
    .map((e) => ({ id: e.id, at: Math.min(...e.evidence.map((s) => s.start)) }))
    .sort((a, b) => a.at - b.at);
  const out = new Map<string, string[]>();
  if (events.length === 0) return out;
  for (const f of numericFacts(bundle.article.text)) {
    const before = events.filter((e) => e.at <= f.start).at(-1) ?? events[0];
    const list = out.get(before.id) ?? [];
    list.push(encodeFact(f));
    out.set(before.id, list);
  }
  return out;
}

export function encodeFact(f: NumericFact): string {
  return `${f.kind}|${f.value}|${f.atLeast ? 1 : 0}|${f.start}|${f.end}`;
}

export interface StoredFact {
  kind: FactKind;
  value: number;
  atLeast: boolean;
  start: number;
  end: number;
}

export function decodeFact(s: string): StoredFact {
  const [kind, value, atLeast, start, end] = s.split("|");
  return {
    kind: kind as FactKind,
    value: Number(value),
    atLeast: atLeast === "1",
    start: Number(start),
    end: Number(end),
  };
}
