/**
 * Article bundles (schema/article-bundle.schema.json) as the ingest dialog
 * reviews and edits them: pasted by hand or extracted by the server. Only the fields the editor touches are named; everything else a
 * bundle carries (producer, confidence, relations' evidence …) rides along
 * untouched, so Accept sends back exactly what was extracted plus the edits.
 */

export interface Span {
  start: number;
  end: number;
  text?: string;
}

export interface NamedItem {
  id: string;
  name: string;
  nameAr?: string;
  aliases?: string[];
  kind: string;
  evidence: Span[];
  /** "ANALYST" once the review changed or made it (see review/analyst-marks.ts). */
  assertedBy?: string;
  [more: string]: unknown;
}

export interface EventItem {
  id: string;
  type: string;
  title: string;
  start?: string;
  end?: string;
  precision: string;
  edtf?: string;
  evidence: Span[];
  assertedBy?: string;
  participants: { actor: string; role: string; evidence?: Span[]; assertedBy?: string }[];
  locations: string[];
  /** Places the analyst set in review (see review/analyst-marks.ts). */
  locationsAssertedBy?: Record<string, string>;
  [more: string]: unknown;
}

export interface ClaimItem {
  id: string;
  text: string;
  gloss?: string;
  language: string;
  certainty: string;
  claimant: string;
  toldTo?: string;
  about: string[];
  evidence: Span[];
  assertedBy?: string;
  [more: string]: unknown;
}

export interface EditableBundle {
  bundleVersion: number;
  article: { id: string; title: string; text: string; language: string; [more: string]: unknown };
  actors: NamedItem[];
  locations: NamedItem[];
  events: EventItem[];
  claims: ClaimItem[];
  relations?: { type: string; from: string; to: string; [more: string]: unknown }[];
  [more: string]: unknown;
}

/** The two kinds of named item the editor can rename, re-type and link. */
export type NamedKind = "actors" | "locations";

/** A node already in the graph that a bundle item can be linked to. */
export interface ExistingEntity {
  id: string;
  name: string;
  nameAr: string | null;
  kind: string;
  aliases: string[];
}

/** A bundle as the dialog holds it. */
export type Bundle = EditableBundle;

/** A pasted bundle (JSON with `article` and an `events` list), or null for an article to extract. */
export function asBundle(raw: string): EditableBundle | null {
  if (!raw.startsWith("{")) return null;
  try {
    const b = JSON.parse(raw) as EditableBundle;
    return b && typeof b === "object" && b.article && Array.isArray(b.events) ? b : null;
  } catch {
    return null;
  }
}
