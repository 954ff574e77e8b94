/**
 * TypeScript view of schema/article-bundle.schema.json. The JSON Schema is the
 * contract; these types mirror it for the code that reads and writes bundles.
 * Every enum comes from model/vocabulary.ts, as the schema's enums do.
 */

import type {
  ActorKind,
  BundleRelationType,
  Certainty,
  DatePrecision,
  EventType,
  ItemAsserter,
  Language,
  LocationKind,
  Role,
} from "../model/vocabulary.ts";

export type {
  ActorKind,
  Certainty,
  DatePrecision,
  EventType,
  Language,
  LocationKind,
  Role,
} from "../model/vocabulary.ts";
export type RelationType = BundleRelationType;

/** [start, end) in UTF-16 code units of article.text; `text`, when present, must equal that slice. */
export interface Span {
  start: number;
  end: number;
  text?: string;
}

export interface BundleArticle {
  id: string;
  url?: string | null;
  title: string;
  publisher: string;
  language: Language;
  publishedAt: string;
  text: string;
  contentHash?: string;
}

export interface BundleActor {
  id: string;
  name: string;
  nameAr?: string;
  aliases?: string[];
  kind: ActorKind;
  description?: string;
  wikidataId?: string;
  evidence: Span[];
  confidence?: number;
  /** Known actors this one may be (an ambiguous name); for review, never merged automatically. */
  possiblySameAs?: string[];
  assertedBy?: ItemAsserter;
}

export interface BundleLocation {
  id: string;
  name: string;
  nameAr?: string;
  aliases?: string[];
  kind: LocationKind;
  point?: { latitude: number; longitude: number } | null;
  countryCode?: string;
  /** How exactly `point` places it, ACLED's scale: 1 the place itself, 2 near it or its region, 3 only its country. */
  geoPrecision?: 1 | 2 | 3;
  /** The GeoNames id the point came from. */
  geonamesId?: number;
  wikidataId?: string;
  within?: string;
  evidence: Span[];
  confidence?: number;
  assertedBy?: ItemAsserter;
}

export interface BundleParticipant {
  actor: string;
  role: Role;
  evidence?: Span[];
  assertedBy?: ItemAsserter;
}

export interface BundleEvent {
  id: string;
  type: EventType;
  title: string;
  summary?: string;
  start?: string;
  end?: string;
  precision: DatePrecision;
  edtf?: string;
  confidence?: number;
  evidence: Span[];
  participants: BundleParticipant[];
  locations: string[];
  /** The event's own fields (type, title, dates) as the analyst set them in review. */
  assertedBy?: ItemAsserter;
  /** Places (ids in `locations`) the analyst set in review. */
  locationsAssertedBy?: Record<string, ItemAsserter>;
}

export interface BundleClaim {
  id: string;
  text: string;
  gloss?: string;
  language: Language;
  statedAt?: string;
  certainty: Certainty;
  claimant: string;
  toldTo?: string;
  about: string[];
  evidence: Span[];
  confidence?: number;
  /** The claim, its speaker and what it is about, as the analyst set them in review. */
  assertedBy?: ItemAsserter;
}

export interface BundleRelation {
  type: RelationType;
  from: string;
  to: string;
  evidence?: Span[];
  confidence?: number;
  assertedBy?: ItemAsserter;
}

export interface ArticleBundle {
  bundleVersion: 1;
  producer?: { name: string; version?: string; note?: string };
  article: BundleArticle;
  actors: BundleActor[];
  locations: BundleLocation[];
  events: BundleEvent[];
  claims: BundleClaim[];
  relations?: BundleRelation[];
}

/** One reason a bundle is refused: a JSON pointer into the bundle and what is wrong there. */
export interface BundleIssue {
  path: string;
  message: string;
}
