import type { EditableBundle } from "../data/bundle.ts";

/**
 * The references between a bundle's items (roles, places, claimants, claims'
 * `about`, relations), kept whole as the review editor removes, links and
 * joins items. Each function changes the bundle in place.
 */

/** Claims' `about` lists and relations lose every reference to removed ids. */
export function dropRefs(b: EditableBundle, ids: Set<string>) {
  for (const c of b.claims) c.about = c.about.filter((a) => !ids.has(a));
  if (b.relations) b.relations = b.relations.filter((r) => !ids.has(r.from) && !ids.has(r.to));
}

/** Every reference to `from` now names `to` (an item took a graph node's id, or got its own back). */
export function rewriteRefs(b: EditableBundle, from: string, to: string) {
  const swap = (x: string) => (x === from ? to : x);
  for (const e of b.events) {
    for (const p of e.participants) p.actor = swap(p.actor);
    e.locations = e.locations.map(swap);
    const marked = e.locationsAssertedBy?.[from];
    if (marked && e.locationsAssertedBy) {
      delete e.locationsAssertedBy[from];
      e.locationsAssertedBy[to] = marked;
    }
  }
  for (const c of b.claims) {
    c.claimant = swap(c.claimant);
    if (c.toldTo) c.toldTo = swap(c.toldTo);
    c.about = c.about.map(swap);
  }
  for (const l of b.locations) if (typeof l.within === "string") l.within = swap(l.within);
  for (const r of b.relations ?? []) {
    r.from = swap(r.from);
    r.to = swap(r.to);
  }
}

/** After two items became one (`id`), lists that named both name it once, and it has no tie to itself. */
export function dedupeRefs(b: EditableBundle, id: string) {
  for (const e of b.events) {
    e.locations = [...new Set(e.locations)];
    const seen = new Set<string>();
    e.participants = e.participants.filter((p) => {
      const key = `${p.actor} ${p.role}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }
  for (const c of b.claims) c.about = [...new Set(c.about)];
  if (b.relations) b.relations = b.relations.filter((r) => r.from !== r.to || r.from !== id);
}
