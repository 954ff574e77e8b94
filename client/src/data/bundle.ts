/**
 * Article bundles (schema/article-bundle.schema.json) as the ingest dialog
 * reviews them: pasted by hand or extracted by the server, shaped once into
 * the lines an editor reads before accepting.
 */

/** The parts of a bundle the review reads; the rest is sent back untouched. */
export interface Bundle {
  article: { id?: string; title?: string; publisher?: string; publishedAt?: string; language?: string };
  actors?: { id?: string; name?: string; nameAr?: string; kind?: string }[];
  locations?: { id?: string; name?: string; nameAr?: string; kind?: string }[];
  events: {
    id?: string;
    type?: string;
    title?: string;
    start?: string;
    end?: string;
    precision?: string;
    edtf?: string;
  }[];
  claims?: { text?: string; gloss?: string; certainty?: string; claimant?: string; statedAt?: string }[];
}

/** One event as reviewed: what, and when with how precisely. */
export interface ReviewEvent {
  type: string;
  title: string;
  /** "2024-08-15 – 2024-08-21", a single date, or "undated". */
  when: string;
  precision: string;
  edtf: string | null;
}

export interface ReviewClaim {
  claimant: string;
  certainty: string;
  /** The article's own words (verbatim). */
  quote: string;
  gloss: string | null;
  statedAt: string | null;
}

export interface ReviewName {
  name: string;
  nameAr: string | null;
  kind: string;
}

/** What the review lists for a bundle. */
export interface BundleReview {
  title: string;
  meta: string;
  language: string | null;
  events: ReviewEvent[];
  actors: ReviewName[];
  locations: ReviewName[];
  claims: ReviewClaim[];
}

/** A pasted bundle (JSON with `article` and an `events` list), or null for an article to extract. */
export function asBundle(raw: string): Bundle | null {
  if (!raw.startsWith("{")) return null;
  try {
    const b = JSON.parse(raw) as Bundle;
    return b && typeof b === "object" && b.article && Array.isArray(b.events) ? b : null;
  } catch {
    return null;
  }
}

function when(start?: string, end?: string): string {
  if (!start && !end) return "undated";
  if (start === end) return start as string;
  return `${start ?? "…"} – ${end ?? "…"}`;
}

const name = (x: { name?: string; nameAr?: string; kind?: string }): ReviewName => ({
  name: x.name ?? x.nameAr ?? "",
  nameAr: x.nameAr && x.nameAr !== x.name ? x.nameAr : null,
  kind: x.kind ?? "",
});

/** The review of a bundle; claimants are named from the bundle's actors. */
export function reviewOf(b: Bundle): BundleReview {
  const a = b.article;
  const actorNames = new Map((b.actors ?? []).map((x) => [x.id, x.name ?? x.nameAr ?? x.id ?? ""]));
  return {
    title: a.title ?? "(untitled)",
    meta: [a.publisher, a.publishedAt, a.language].filter(Boolean).join(" · "),
    language: a.language ?? null,
    events: b.events.map((e) => ({
      type: e.type ?? "",
      title: e.title ?? "",
      when: when(e.start, e.end),
      precision: e.precision ?? "UNKNOWN",
      edtf: e.edtf ?? null,
    })),
    actors: (b.actors ?? []).map(name),
    locations: (b.locations ?? []).map(name),
    claims: (b.claims ?? []).map((c) => ({
      claimant: (c.claimant && actorNames.get(c.claimant)) || c.claimant || "unattributed",
      certainty: c.certainty ?? "",
      quote: c.text ?? "",
      gloss: c.gloss ?? null,
      statedAt: c.statedAt ?? null,
    })),
  };
}
