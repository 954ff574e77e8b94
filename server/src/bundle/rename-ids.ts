import type { ArticleBundle, BundleActor, BundleLocation } from "./types.ts";

/**
 * The same bundle with some actor and location ids replaced (resolution found
 * them in the graph under another id) and every reference rewritten. Two
 * items that become one id become one item: the first one's names and kind,
 * everyone's aliases and evidence.
 */
export function renameEntityIds(bundle: ArticleBundle, rename: Map<string, string>): ArticleBundle {
  if (rename.size === 0) return bundle;
  const to = (id: string) => rename.get(id) ?? id;
  const toOpt = (id: string | undefined) => (id === undefined ? undefined : to(id));
  return {
    ...bundle,
    actors: collapse(
      bundle.actors.map((a) => ({
        ...a,
        id: to(a.id),
        possiblySameAs: a.possiblySameAs?.map(to).filter((x) => x !== to(a.id)),
      })),
    ),
    locations: collapse(bundle.locations.map((l) => ({ ...l, id: to(l.id), within: toOpt(l.within) }))).map((l) =>
      l.within === l.id ? { ...l, within: undefined } : l,
    ),
    events: bundle.events.map((e) => ({
      ...e,
      participants: e.participants.map((p) => ({ ...p, actor: to(p.actor) })),
      locations: [...new Set(e.locations.map(to))],
      ...(e.locationsAssertedBy && {
        locationsAssertedBy: Object.fromEntries(Object.entries(e.locationsAssertedBy).map(([l, by]) => [to(l), by])),
      }),
    })),
    claims: bundle.claims.map((c) => ({
      ...c,
      claimant: to(c.claimant),
      toldTo: toOpt(c.toldTo),
      about: [...new Set(c.about.map(to))],
    })),
    relations: bundle.relations?.map((r) => ({ ...r, from: to(r.from), to: to(r.to) })).filter((r) => r.from !== r.to),
  };
}

function collapse<T extends BundleActor | BundleLocation>(items: T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    const first = byId.get(item.id);
    if (!first) {
      byId.set(item.id, item);
      continue;
    }
    const names = [item.name, item.nameAr, ...(item.aliases ?? [])].filter(
      (n): n is string => !!n && n !== first.name && n !== first.nameAr,
    );
    byId.set(item.id, {
      ...first,
      // One of the two was the analyst's: so is the one they become.
      ...((first.assertedBy ?? item.assertedBy) && { assertedBy: first.assertedBy ?? item.assertedBy }),
      aliases: [...new Set([...(first.aliases ?? []), ...names])],
      evidence: [...first.evidence, ...item.evidence],
    });
  }
  return [...byId.values()];
}
