import type { EditableBundle, EventItem, NamedKind } from "../data/bundle.ts";

/**
 * The marks the review puts on what the analyst changed or created:
 * `assertedBy: "ANALYST"` on an item (actor, place, event, role, claim) and,
 * for an event's places, `locationsAssertedBy[placeId]`. They travel in the
 * bundle Accept sends (schema/article-bundle.schema.json's analystMark); the
 * server stores those facts as asserted by the editor key's name.
 */

export const ANALYST = "ANALYST";

/** Marks an item as the analyst's; returns it. */
export function byAnalyst<T extends { assertedBy?: string }>(item: T): T {
  item.assertedBy = ANALYST;
  return item;
}

/** The event's place `id` is the analyst's. */
export function markPlace(e: EventItem, id: string) {
  e.locationsAssertedBy = { ...(e.locationsAssertedBy ?? {}), [id]: ANALYST };
}

/** The event's place `id` is no longer marked (removed, or its link undone); an empty map goes too. */
export function unmarkPlace(e: EventItem, id: string) {
  if (!e.locationsAssertedBy) return;
  delete e.locationsAssertedBy[id];
  if (Object.keys(e.locationsAssertedBy).length === 0) delete e.locationsAssertedBy;
}

/** Marks the roles or places that name `id` as the analyst's; returns how to take back the marks it added. */
export function markTiesTo(bundle: EditableBundle, kind: NamedKind, id: string): () => void {
  const undo: (() => void)[] = [];
  for (const e of bundle.events) {
    if (kind === "actors")
      for (const p of e.participants)
        if (p.actor === id && !p.assertedBy) {
          byAnalyst(p);
          undo.push(() => delete p.assertedBy);
        }
    if (kind === "locations" && e.locations.includes(id) && !e.locationsAssertedBy?.[id]) {
      markPlace(e, id);
      undo.push(() => unmarkPlace(e, id));
    }
  }
  return () => {
    for (const u of undo) u();
  };
}
