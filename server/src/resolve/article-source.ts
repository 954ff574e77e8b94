import type { ArticleBundle } from "../bundle/types.ts";
import { matchKey } from "../text/arabic-normalize.ts";

/**
 * The independent source an article counts as (Article.sourceKey). An
 * article that credits an outlet in its opening — a wire dateline "(Reuters) -",
 * "according to Reuters", "بحسب رويترز", "نقلاً عن وكالة فرانس برس" — counts as
 * that outlet; a copy of a stored article takes the original's key
 * (resolve-bundle.ts); otherwise the publisher is the source. Outlets are
 * MEDIA actors, so the Arabic and English names of one agency are one key.
 */

/** Words that, just before an outlet's name, credit it as the source of the story. */
const CREDIT_BEFORE =
  /(according to|citing|reported by|\(|بحسب|حسب|وفق|وفقا ل|نقلا عن|ذكرت|افادت|قالت)\s*(the\s+|وكاله\s+)?$/i;
/** Only the opening counts: a wire copy credits its agency at the top. */
const OPENING_CHARS = 600;

export function creditedOutlet(bundle: ArticleBundle): string | null {
  const text = bundle.article.text;
  const opening = Math.min(OPENING_CHARS, text.length);
  let best: { id: string; at: number } | null = null;
  for (const actor of bundle.actors) {
    if (actor.kind !== "MEDIA") continue;
    for (const span of actor.evidence) {
      if (span.start >= opening) continue;
      const before = matchKey(text.slice(Math.max(0, span.start - 40), span.start));
      const credited = CREDIT_BEFORE.test(before) || text.slice(span.end, span.end + 3).startsWith(") ");
      if (credited && (!best || span.start < best.at)) best = { id: actor.id, at: span.start };
    }
  }
  return best?.id ?? null;
}

export function publisherKey(publisher: string): string {
  return `publisher:${matchKey(publisher)}`;
}
