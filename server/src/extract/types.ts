import type { Language } from "../bundle/types.ts";

/** An article read from any input format, ready to extract from. */
export interface ArticleInput {
  url: string | null;
  title: string;
  publisher: string;
  /** ISO date or date-time as given by the source (no time zone is invented). */
  publishedAt: string;
  language: Language;
  /** The text every evidence span indexes into. */
  text: string;
  format: "text" | "html" | "json";
}

/** A name already stored in the graph, so extraction recognises what Rasd already knows. */
export interface KnownEntity {
  id: string;
  label: "Actor" | "Location";
  name: string;
  nameAr?: string;
  aliases: string[];
  kind: string;
  point?: { latitude: number; longitude: number } | null;
}

/** Options of {@link extractArticle}. */
export interface ExtractOptions {
  /** Entities already in the graph; their names and aliases are matched like gazetteer entries. */
  knownEntities?: KnownEntity[];
  /** Match the hand gazetteer in seeds/gazetteer/ (default true); false is the evaluation's ablation. */
  handGazetteer?: boolean;
}
