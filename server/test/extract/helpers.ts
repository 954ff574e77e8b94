import type { ArticleBundle } from "../../src/bundle/types.ts";
import { extractArticle } from "../../src/extract/index.ts";
import type { ArticleInput, KnownEntity } from "../../src/extract/types.ts";

/** An article input around a body text, published on a fixed day so relative dates are deterministic. */
export function article(text: string, language: "ar" | "en" = "ar", publishedAt = "2024-08-22T07:16"): ArticleInput {
  return { url: null, title: "اختبار", publisher: "Rasd test", publishedAt, language, text, format: "text" };
}

export function extract(text: string, language: "ar" | "en" = "ar", knownEntities?: KnownEntity[]): ArticleBundle {
  return extractArticle(article(text, language), { knownEntities });
}

/** The quoted text of every evidence span of the first item with this id. */
export function evidenceOf(bundle: ArticleBundle, id: string): string[] {
  const item = [...bundle.actors, ...bundle.locations].find((x) => x.id === id);
  return item ? item.evidence.map((s) => bundle.article.text.slice(s.start, s.end)) : [];
}
