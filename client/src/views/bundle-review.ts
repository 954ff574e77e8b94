import type { BundleReview, ReviewClaim, ReviewEvent, ReviewName } from "../data/bundle.ts";

/** More than this many items of one kind are summarised, so a huge bundle stays responsive. */
const shown = 200;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ""): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** Text in the article's language: Arabic is marked up so it reads right to left in an Arabic font. */
function quoted(text: string, language: string | null): HTMLElement {
  const q = el("q", "review-quote", text);
  if (language) q.lang = language;
  q.dir = language === "ar" ? "rtl" : "auto";
  return q;
}

function section<T>(title: string, kind: string, items: T[], item: (x: T) => (Node | string)[]): HTMLElement {
  const details = el("details", `review-${kind}`);
  details.open = true;
  details.append(el("summary", "", `${title} (${items.length})`));
  const ul = el("ul", "");
  for (const x of items.slice(0, shown)) {
    const li = el("li", "");
    li.append(...item(x));
    ul.append(li);
  }
  if (items.length > shown) ul.append(el("li", "elided", `… and ${items.length - shown} more`));
  details.append(ul);
  return details;
}

const event = (e: ReviewEvent): (Node | string)[] => {
  const date = el("span", "review-date", `${e.when} · ${e.precision.toLowerCase()}`);
  if (e.edtf) date.append(" · EDTF ", el("code", "", e.edtf));
  return [el("span", "badge", e.type), " ", el("bdi", "", e.title), el("br", ""), date];
};

const named = (x: ReviewName): (Node | string)[] => {
  const out: (Node | string)[] = [el("bdi", "", x.name)];
  if (x.nameAr) {
    const ar = el("span", "name-ar", x.nameAr);
    ar.lang = "ar";
    ar.dir = "rtl";
    out.push(" — ", ar);
  }
  if (x.kind) out.push(el("span", "review-kind", ` ${x.kind.replaceAll("_", " ").toLowerCase()}`));
  return out;
};

const claim =
  (language: string | null) =>
  (c: ReviewClaim): (Node | string)[] => {
    const head = el("span", "review-claimant");
    head.append(el("bdi", "", c.claimant), ` · ${c.certainty.toLowerCase()}${c.statedAt ? ` · ${c.statedAt}` : ""}`);
    const out: (Node | string)[] = [head, el("br", ""), quoted(c.quote, language)];
    if (c.gloss) out.push(el("br", ""), el("span", "review-gloss", c.gloss));
    return out;
  };

/**
 * What a bundle would add to the graph, for an editor to read before
 * accepting it: the article, its events (type, title, dates with precision
 * and EDTF), actors, places and claims (claimant, certainty, the quote).
 */
export function bundleReview(review: BundleReview): HTMLElement {
  const root = el("div", "bundle-review");
  const title = el("h3", "", review.title);
  title.dir = "auto";
  root.append(
    title,
    el("p", "review-meta", review.meta),
    section("Events", "events", review.events, event),
    section("Actors", "actors", review.actors, named),
    section("Places", "places", review.locations, named),
    section("Claims", "claims", review.claims, claim(review.language)),
  );
  return root;
}
