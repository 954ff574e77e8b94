import type { Article, Claim, Dataset, Event, Evidence, NodeKind } from "./model.ts";
import { detectLanguage, formatDay, formatRange } from "./text.ts";

/** A run of article text with the spans that support the selection marked. */
export interface Passage {
  articleId: string;
  articleTitle: string;
  publisher: string | null;
  publishedAt: Date | null;
  language: string;
  /** Text shown; `offset` is where it starts in the article. */
  text: string;
  offset: number;
  /** Highlighted spans, relative to `text`. */
  marks: { start: number; end: number }[];
  /** Whether `text` is the whole article (or only the quoted spans the API gave). */
  whole: boolean;
}

/** Everything the evidence panel shows for one selected node. */
export interface EvidenceFocus {
  id: string;
  kind: NodeKind;
  title: string;
  titleAr: string | null;
  facts: string[];
  events: Event[];
  claims: Claim[];
  passages: Passage[];
}

function passages(evidence: Evidence[], articles: Map<string, Article>): Passage[] {
  const byArticle = new Map<string, Evidence[]>();
  for (const e of evidence) byArticle.set(e.articleId, [...(byArticle.get(e.articleId) ?? []), e]);
  const out: Passage[] = [];
  for (const [articleId, spans] of byArticle) {
    const article = articles.get(articleId);
    const sorted = [...new Map(spans.map((s) => [`${s.start}-${s.end}`, s])).values()].sort(
      (a, b) => a.start - b.start,
    );
    const base = {
      articleId,
      articleTitle: article?.title ?? sorted[0].articleTitle,
      publisher: article?.publisher ?? null,
      publishedAt: article?.publishedAt ?? null,
    };
    if (article?.text) {
      out.push({
        ...base,
        language: article.language ?? detectLanguage(article.text),
        text: article.text,
        offset: 0,
        marks: sorted.map((s) => ({ start: s.start, end: s.end })),
        whole: true,
      });
      continue;
    }
    // Without the article text, each quoted span is shown whole and highlighted.
    for (const s of sorted)
      out.push({
        ...base,
        language: detectLanguage(s.quote),
        text: s.quote,
        offset: s.start,
        marks: [{ start: 0, end: s.quote.length }],
        whole: false,
      });
  }
  return out;
}

function eventFacts(e: Event): string[] {
  const when = formatRange(e.start, e.end, e.precision, e);
  return [
    `${e.type.replaceAll("_", " ").toLowerCase()} · ${when}`,
    `date precision: ${e.precision.toLowerCase()}${e.edtf ? ` (EDTF ${e.edtf})` : ""}`,
    ...(e.confidence != null ? [`confidence ${Math.round(e.confidence * 100)}%`] : []),
  ];
}

/** Shapes the evidence for a selected event, actor, location or claim from the loaded data. */
export function evidenceFor(data: Dataset, id: string): EvidenceFocus | null {
  const articles = new Map(data.articles.map((a) => [a.id, a]));
  const event = data.events.find((e) => e.id === id);
  if (event)
    return {
      id,
      kind: "event",
      title: event.title,
      titleAr: null,
      facts: [...eventFacts(event), ...(event.summary ? [event.summary] : [])],
      events: [event],
      claims: event.claims,
      passages: passages(event.evidence, articles),
    };
  const claim = data.claims.find((c) => c.id === id);
  if (claim) {
    const about = data.events.filter((e) => e.claims.includes(claim));
    return {
      id,
      kind: "claim",
      title: claim.gloss ?? claim.text,
      titleAr: claim.language === "ar" ? claim.text : null,
      facts: [`${claim.certainty.toLowerCase()} · stated ${formatDay(claim.statedAt)}`],
      events: about,
      claims: [claim],
      passages: passages(claim.evidence.length ? claim.evidence : about.flatMap((e) => e.evidence), articles),
    };
  }
  for (const kind of ["actor", "location"] as const) {
    const events = data.events.filter((e) => (kind === "actor" ? e.actors : e.locations).some((r) => r.id === id));
    const made = kind === "actor" ? data.claims.filter((c) => c.claimant?.id === id) : [];
    const ref =
      (kind === "actor" ? events.flatMap((e) => e.actors) : events.flatMap((e) => e.locations)).find(
        (r) => r.id === id,
      ) ?? made[0]?.claimant;
    if (!ref) continue;
    const about = events.flatMap((e) => e.claims).filter((c) => !made.includes(c));
    const roles =
      kind === "actor"
        ? [...new Set(events.flatMap((e) => e.actors.filter((a) => a.id === id).map((a) => a.role ?? "")))]
        : [];
    return {
      id,
      kind,
      title: ref.name,
      titleAr: ref.nameAr,
      facts: [
        `${kind}: ${ref.kind.replaceAll("_", " ").toLowerCase()}`,
        `${events.length} event${events.length === 1 ? "" : "s"} in view${roles.filter(Boolean).length ? ` (as ${roles.filter(Boolean).join(", ").toLowerCase()})` : ""}`,
        ...(made.length ? [`made ${made.length} claim${made.length === 1 ? "" : "s"}`] : []),
      ],
      events,
      claims: [...made, ...new Set(about)],
      passages: passages(
        events.flatMap((e) => e.evidence),
        articles,
      ),
    };
  }
  // An actor or place with no event in view (a wire report's name, a duplicate
  // opened from a list) is still shown, so it can be read, corrected or merged:
  // the editing section loads its name and provenance by id.
  const kind = id.startsWith("actor:") ? "actor" : id.startsWith("location:") ? "location" : null;
  if (kind)
    return {
      id,
      kind,
      title: id,
      titleAr: null,
      facts: [`${kind === "actor" ? "actor" : "place"} with no events in this view — zoom out or clear the filters`],
      events: [],
      claims: [],
      passages: [],
    };
  return null;
}
