import type { DatePrecision, EventType, Language, Role } from "../model/vocabulary.ts";

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

/** A date as the text states it: EDTF plus the widest true start/end and an honest precision. */
export interface DateValue {
  edtf: string;
  start?: string;
  end?: string;
  precision: DatePrecision;
}

/** A date expression's value and the tokens [from, to) it spans. */
export interface Found {
  value: DateValue;
  from: number;
  to: number;
}

/** An event before ids and titles: where it was reported and what the text says about it. */
export interface EventDraft {
  type: EventType;
  sentences: number[];
  triggers: { start: number; end: number }[];
  state: boolean;
  date?: DateValue;
  /** Every trigger is a definite noun ("the attack"): it refers back to an event already told. */
  backref: boolean;
  /** The date was written in the sentence, not inferred from tense. */
  dateStated: boolean;
  /** The stated date stands within a few words of a trigger ("the strike on Monday"), so it is this event's own. */
  dateNear?: boolean;
  /** Every trigger names a state (a truce, talks, an agreement) rather than a happening. */
  stative: boolean;
  participants: { actor: string; role: Role }[];
  locations: string[];
}
