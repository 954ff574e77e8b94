import type { EvidenceFocus, Passage } from "../data/evidence.ts";
import type { ActorRef, Claim, Event } from "../data/model.ts";
import { certaintyLabels, typeColour } from "../data/palette.ts";
import { detectLanguage, formatDay, formatRange } from "../data/text.ts";
import { el } from "./element.ts";

export interface EvidenceOptions {
  /** How much article text to keep either side of a highlighted span when the whole article is known (default: all of it). */
  context?: number;
}

/** A span of text in its own language and direction (Arabic right-to-left). */
function langText(tag: "span" | "div" | "blockquote" | "h3", text: string, className?: string) {
  const node = el(tag, className, text);
  const lang = detectLanguage(text);
  node.lang = lang;
  node.dir = lang === "ar" ? "rtl" : "ltr";
  return node;
}

function nameOf(ref: { name: string; nameAr: string | null }): HTMLElement {
  const span = el("span", "name", ref.name);
  if (ref.nameAr && ref.nameAr !== ref.name) span.append(" ", langText("span", ref.nameAr, "name-ar"));
  return span;
}

function link(id: string, label: string, lang?: string): HTMLButtonElement {
  const b = el("button", "link", label);
  b.type = "button";
  b.dataset.select = id;
  if (lang) b.lang = lang;
  return b;
}

function actorLine(a: ActorRef): HTMLElement {
  const li = el("li");
  if (a.role) li.append(el("span", `role role-${a.role.toLowerCase()}`, a.role.toLowerCase()), " ");
  const b = link(a.id, a.name);
  li.append(b);
  if (a.nameAr && a.nameAr !== a.name) li.append(" ", langText("span", a.nameAr, "name-ar"));
  return li;
}

function claimItem(c: Claim, claims: Map<string, Claim>): HTMLElement {
  const li = el("li", `claim certainty-${c.certainty.toLowerCase()}`);
  li.dataset.id = c.id;
  const who = el("div", "claim-who");
  who.append(c.claimant ? nameOf(c.claimant) : el("span", "name", "unattributed"));
  who.append(
    " ",
    el("span", `badge certainty certainty-${c.certainty.toLowerCase()}`, certaintyLabels[c.certainty] ?? c.certainty),
    " ",
    el("span", "date", formatDay(c.statedAt)),
  );
  li.append(who, langText("blockquote", c.text, "claim-text"));
  if (c.gloss && c.gloss !== c.text) li.append(el("p", "gloss", c.gloss));
  for (const [rel, ids] of [
    ["supports", c.supports],
    ["disputes", c.disputes],
    ["supported by", c.supportedBy],
    ["disputed by", c.disputedBy],
  ] as const)
    for (const id of ids) {
      const other = claims.get(id);
      const p = el("p", `claim-relation ${rel.split(" ")[0]}`, `${rel.toUpperCase().replace(" BY", " by")} `);
      p.append(link(id, other ? `${other.claimant?.name ?? "a claim"}: “${other.gloss ?? other.text}”` : id));
      li.append(p);
    }
  const select = link(c.id, "show claim");
  select.classList.add("small");
  li.append(select);
  return li;
}

/** The text with its marks wrapped in <mark>, each piece inserted as a text node. */
function markedText(p: Passage, context: number): HTMLElement {
  const box = el("div", `passage-text${p.whole ? " whole" : ""}`);
  box.lang = p.language;
  box.dir = p.language === "ar" ? "rtl" : "ltr";
  const marks = [...p.marks].sort((a, b) => a.start - b.start);
  let at = 0;
  const gap = (from: number, to: number) => {
    if (to <= from) return;
    const text = p.text.slice(from, to);
    if (p.whole && text.length > 2 * context) {
      if (from > 0) box.append(text.slice(0, context));
      box.append(el("span", "elided", " … "));
      if (to < p.text.length) box.append(text.slice(-context));
    } else box.append(text);
  };
  for (const m of marks) {
    const start = Math.max(m.start, at);
    if (m.end <= start) continue;
    gap(at, start);
    const mark = el("mark", "span", p.text.slice(start, m.end));
    mark.dataset.start = String(start + p.offset);
    mark.dataset.end = String(m.end + p.offset);
    box.append(mark);
    at = m.end;
  }
  gap(at, p.text.length);
  return box;
}

function passageItem(p: Passage, context: number): HTMLElement {
  const fig = el("figure", "passage");
  fig.dataset.article = p.articleId;
  const cap = el("figcaption");
  cap.append(langText("span", p.articleTitle, "article-title"));
  const meta = [p.publisher, p.publishedAt ? formatDay(p.publishedAt) : null].filter(Boolean).join(" · ");
  if (meta) cap.append(el("span", "article-meta", ` ${meta}`));
  if (!p.whole) cap.append(el("span", "article-meta", ` · chars ${p.offset}–${p.offset + p.text.length}`));
  fig.append(cap, markedText(p, context));
  return fig;
}

function eventItem(e: Event): HTMLElement {
  const li = el("li", "event-item");
  const swatch = el("span", "swatch");
  swatch.style.background = typeColour(e.type);
  li.append(swatch, link(e.id, e.title), el("span", "date", ` ${formatRange(e.start, e.end, e.precision, e)}`));
  return li;
}

function section(title: string, ...content: Node[]): HTMLElement {
  const s = el("section", "evidence-section");
  s.append(el("h4", undefined, title), ...content);
  return s;
}

/**
 * The evidence for the selection: what it is, who took part, where, who says
 * so (claims with claimant, certainty and date; supports and disputes), and
 * the article text with the supporting spans highlighted, Arabic right to
 * left. Buttons inside report a new selection through `input`.
 */
export function evidence(
  focus: EvidenceFocus | null,
  options: EvidenceOptions = {},
): HTMLElement & { value: string | null } {
  const { context = Number.POSITIVE_INFINITY } = options;
  const root = el("div", "evidence-view") as HTMLDivElement & { value: string | null };
  root.value = focus?.id ?? null;
  if (!focus) {
    root.append(
      el(
        "p",
        "hint",
        "Select an event, actor, place or claim — on the timeline, graph or map, or with the search box — to see who says what, and the article text behind it.",
      ),
    );
    return root;
  }
  root.dataset.id = focus.id;
  const head = el("header", `evidence-head kind-${focus.kind}`);
  head.append(el("span", "badge kind", focus.kind), langText("h3", focus.title));
  if (focus.titleAr && focus.titleAr !== focus.title) head.append(langText("div", focus.titleAr, "title-ar"));
  const facts = el("ul", "facts");
  for (const f of focus.facts) facts.append(el("li", undefined, f));
  head.append(facts);
  root.append(head);

  if (focus.kind === "event") {
    const e = focus.events[0];
    const actors = el("ul", "actors");
    for (const a of e.actors) actors.append(actorLine(a));
    const places = el("ul", "places");
    for (const l of e.locations) {
      const li = el("li");
      li.append(link(l.id, l.name));
      if (l.nameAr) li.append(" ", langText("span", l.nameAr, "name-ar"));
      places.append(li);
    }
    if (e.actors.length) root.append(section("Who", actors));
    if (e.locations.length) root.append(section("Where", places));
  } else if (focus.events.length) {
    const list = el("ul", "events");
    for (const e of focus.events.slice(0, 50)) list.append(eventItem(e));
    root.append(section(focus.kind === "claim" ? "About" : "Events", list));
  }

  if (focus.claims.length) {
    const all = new Map(focus.claims.map((c) => [c.id, c]));
    const list = el("ol", "claims");
    for (const c of focus.claims) list.append(claimItem(c, all));
    const sources = new Set(focus.claims.map((c) => c.claimant?.name ?? "unattributed"));
    root.append(
      section(
        `Who says so — ${focus.claims.length} claim${focus.claims.length === 1 ? "" : "s"} from ${sources.size} source${sources.size === 1 ? "" : "s"}`,
        list,
      ),
    );
  }
  if (focus.passages.length) {
    const box = el("div", "passages");
    for (const p of focus.passages) box.append(passageItem(p, context));
    root.append(section("Evidence in the article text", box));
  } else
    root.append(section("Evidence in the article text", el("p", "hint", "No article span supports this directly.")));

  root.addEventListener("click", (e) => {
    const target = (e.target as Element).closest<HTMLElement>("[data-select]");
    if (!target?.dataset.select || target.dataset.select === root.value) return;
    root.value = target.dataset.select;
    root.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return root;
}
