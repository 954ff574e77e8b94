import type {
  ClaimItem,
  EditableBundle,
  EventItem,
  ExistingEntity,
  NamedItem,
  NamedKind,
  Span,
} from "../data/bundle.ts";
import { byAnalyst, markPlace, markTiesTo, unmarkPlace } from "./analyst-marks.ts";
import { dedupeRefs, dropRefs, rewriteRefs } from "./bundle-refs.ts";
import { normaliseDates } from "./event-dates.ts";

/**
 * The bundle under review and every edit an editor can make to it. The
 * bundle held here is the one Accept sends: an edit changes it in place and
 * keeps it consistent (removing an actor removes its roles, its claims and its
 * ties; linking to a graph node rewrites every reference to the new id), so
 * what is shown is always a bundle the server can take. Each item an edit
 * changes or creates is marked as the analyst's (review/analyst-marks.ts), so
 * the server stores it as asserted by the editor key's name while untouched
 * items stay the extractor's. Listeners hear `change` after each edit.
 */
export class BundleEditorState extends EventTarget {
  readonly bundle: EditableBundle;
  /** Items linked to a graph node, with what they were before, so "keep as new" can undo the link (marks too). */
  private readonly linked = new Map<string, { before: NamedItem; unmark: () => void }>();
  private added = 0;
  private edits = 0;

  constructor(bundle: EditableBundle) {
    super();
    this.bundle = structuredClone(bundle);
    this.bundle.actors ??= [];
    this.bundle.locations ??= [];
    this.bundle.claims ??= [];
  }

  private changed() {
    this.edits++;
    this.dispatchEvent(new Event("change"));
  }

  /** The text a span points at, so a span's text always matches the article. */
  span(start: number, end: number): Span {
    return { start, end, text: this.bundle.article.text.slice(start, end) };
  }

  named(kind: NamedKind, id: string): NamedItem | undefined {
    return this.bundle[kind].find((x) => x.id === id);
  }

  /** The graph node an item was linked to (by this editor), or undefined for an item kept as new. */
  linkedFrom(id: string): NamedItem | undefined {
    return this.linked.get(id)?.before;
  }

  /** Whether anything was edited since the bundle was shown (closing the dialog would lose it). */
  get edited(): boolean {
    return this.edits > 0;
  }

  removeNamed(kind: NamedKind, id: string) {
    const b = this.bundle;
    b[kind] = b[kind].filter((x) => x.id !== id);
    if (kind === "actors") {
      for (const e of b.events) e.participants = e.participants.filter((p) => p.actor !== id);
      // A claim cannot stand without its claimant.
      const gone = new Set(b.claims.filter((c) => c.claimant === id).map((c) => c.id));
      b.claims = b.claims.filter((c) => !gone.has(c.id));
      for (const c of b.claims) if (c.toldTo === id) delete c.toldTo;
      dropRefs(this.bundle, new Set([id, ...gone]));
    } else {
      for (const e of b.events) {
        e.locations = e.locations.filter((l) => l !== id);
        unmarkPlace(e, id);
      }
      for (const l of b.locations) if (l.within === id) delete l.within;
      dropRefs(this.bundle, new Set([id]));
    }
    this.linked.delete(id);
    this.changed();
  }

  removeEvent(id: string) {
    this.bundle.events = this.bundle.events.filter((e) => e.id !== id);
    dropRefs(this.bundle, new Set([id]));
    this.changed();
  }

  removeClaim(id: string) {
    this.bundle.claims = this.bundle.claims.filter((c) => c.id !== id);
    dropRefs(this.bundle, new Set([id]));
    this.changed();
  }

  rename(kind: NamedKind, id: string, name: string) {
    const item = this.named(kind, id);
    const trimmed = name.trim();
    if (!item || !trimmed || item.name === trimmed) return;
    item.name = trimmed;
    byAnalyst(item);
    this.changed();
  }

  retype(kind: NamedKind, id: string, type: string) {
    const item = this.named(kind, id);
    if (!item || item.kind === type) return;
    item.kind = type;
    byAnalyst(item);
    this.changed();
  }

  /**
   * Makes the item the graph node `to`: it takes the node's id, name and kind
   * (the graph's names win on ingest anyway) and keeps the article's wording
   * as an alias; every reference follows. Two items linked to one node become one.
   * The analyst says which node it is, so the item and the ties that now reach
   * the node (roles, places) are marked as theirs.
   */
  link(kind: NamedKind, id: string, to: ExistingEntity) {
    const item = this.named(kind, id);
    if (!item || id === to.id) return;
    const before = structuredClone(item);
    const aliases = new Set([...(item.aliases ?? []), item.name, ...(item.nameAr ? [item.nameAr] : [])]);
    for (const n of [to.name, to.nameAr]) if (n) aliases.delete(n);
    Object.assign(item, { id: to.id, name: to.name, kind: to.kind, aliases: [...aliases] });
    if (to.nameAr) item.nameAr = to.nameAr;
    else delete item.nameAr;
    rewriteRefs(this.bundle, id, to.id);
    const unmark = markTiesTo(this.bundle, kind, to.id);
    byAnalyst(item);
    const twin = this.bundle[kind].find((x) => x !== item && x.id === to.id);
    if (twin) {
      byAnalyst(twin);
      twin.evidence = [...twin.evidence, ...item.evidence.filter((s) => !twin.evidence.some((t) => sameSpan(s, t)))];
      twin.aliases = [...new Set([...(twin.aliases ?? []), ...(item.aliases ?? [])])];
      this.bundle[kind] = this.bundle[kind].filter((x) => x !== item);
      dedupeRefs(this.bundle, to.id);
    } else this.linked.set(to.id, { before, unmark });
    this.changed();
  }

  /** Undoes a link: the item is new again, with the id and names it had. */
  unlink(kind: NamedKind, id: string) {
    const link = this.linked.get(id);
    const item = this.named(kind, id);
    if (!link || !item) return;
    const { before, unmark } = link;
    this.linked.delete(id);
    unmark();
    const evidence = item.evidence;
    for (const k of Object.keys(item)) delete item[k];
    Object.assign(item, before, { evidence });
    rewriteRefs(this.bundle, id, before.id);
    this.changed();
  }

  event(id: string): EventItem | undefined {
    return this.bundle.events.find((e) => e.id === id);
  }

  setEventType(id: string, type: string) {
    const e = this.event(id);
    if (!e || e.type === type) return;
    e.type = type;
    byAnalyst(e);
    this.changed();
  }

  setEventTitle(id: string, title: string) {
    const e = this.event(id);
    if (!e || !title.trim() || e.title === title.trim()) return;
    e.title = title.trim();
    byAnalyst(e);
    this.changed();
  }

  setEventDates(id: string, dates: { start?: string; end?: string; precision: string }) {
    const e = this.event(id);
    if (!e) return;
    delete e.start;
    delete e.end;
    delete e.edtf;
    Object.assign(e, normaliseDates(dates));
    byAnalyst(e);
    this.changed();
  }

  setParticipant(id: string, index: number, actor: string, role: string) {
    const e = this.event(id);
    if (!e) return;
    if (index >= e.participants.length)
      e.participants.push(byAnalyst<EventItem["participants"][number]>({ actor, role }));
    else byAnalyst(Object.assign(e.participants[index], { actor, role }));
    this.changed();
  }

  removeParticipant(id: string, index: number) {
    const e = this.event(id);
    if (!e) return;
    e.participants.splice(index, 1);
    this.changed();
  }

  setEventPlace(id: string, location: string, on: boolean) {
    const e = this.event(id);
    if (!e || e.locations.includes(location) === on) return;
    e.locations = on ? [...e.locations, location] : e.locations.filter((l) => l !== location);
    if (on) markPlace(e, location);
    else unmarkPlace(e, location);
    this.changed();
  }

  claim(id: string): ClaimItem | undefined {
    return this.bundle.claims.find((c) => c.id === id);
  }

  setClaim(id: string, patch: { claimant?: string; certainty?: string }) {
    const c = this.claim(id);
    if (!c) return;
    byAnalyst(Object.assign(c, patch));
    this.changed();
  }

  /** The event a claim is about: replaces the events in `about` (its actors and places stay). */
  setClaimEvent(id: string, event: string | null) {
    const c = this.claim(id);
    if (!c) return;
    const events = new Set(this.bundle.events.map((e) => e.id));
    c.about = [...(event ? [event] : []), ...c.about.filter((a) => !events.has(a))];
    byAnalyst(c);
    this.changed();
  }

  /** A new actor or place named by the selected text, with that span as its evidence. */
  addNamed(kind: NamedKind, start: number, end: number, type: string): string {
    const span = this.span(start, end);
    const name = (span.text ?? "").trim();
    const prefix = kind === "actors" ? "actor" : "location";
    const id = `${prefix}:review-${slug(name)}-${Date.now().toString(36)}-${++this.added}`;
    const arabic = /[\u0600-\u06ff]/.test(name);
    this.bundle[kind].push(
      byAnalyst<NamedItem>({ id, name, ...(arabic ? { nameAr: name } : {}), kind: type, evidence: [span] }),
    );
    this.changed();
    return id;
  }

  /** The selected text as one more mention (evidence span) of an item already in the bundle. */
  addMention(kind: NamedKind, id: string, start: number, end: number) {
    const item = this.named(kind, id);
    if (!item) return;
    const span = this.span(start, end);
    if (!item.evidence.some((s) => sameSpan(s, span))) item.evidence.push(span);
    this.changed();
  }

  /** The selected text as a claim, verbatim, made by `claimant`. */
  addClaim(start: number, end: number, claimant: string): string {
    const span = this.span(start, end);
    const id = `claim:review-${Date.now().toString(36)}-${++this.added}`;
    this.bundle.claims.push(
      byAnalyst<ClaimItem>({
        id,
        text: span.text ?? "",
        language: this.bundle.article.language,
        certainty: "ASSERTED",
        claimant,
        about: [],
        evidence: [span],
      }),
    );
    this.changed();
    return id;
  }
}

const sameSpan = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/** A readable id part: Latin letters and digits, the rest dashes (an Arabic name gives "item"). */
function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "item"
  );
}
