import { MERGEABLE, type MergeLabel, mergeCandidates, mergeStatements } from "../cypher/merge-entities.ts";
import { labelOfId } from "../cypher/projections.ts";
import { createSplit, moveAssignedTies, moveToSplit, type SplitLabel, splitSource } from "../cypher/split-entity.ts";
import type { Database } from "../db/database.ts";
import { foldedNames } from "../model/search-text.ts";
import { ACTOR_KINDS, LOCATION_KINDS } from "../model/vocabulary.ts";
import { audited } from "./audit.ts";
import { EditError, MissingNode } from "./errors.ts";

/**
 * Merging duplicate actors, places or events, and splitting a wrongly merged
 * actor or place again. Both are audited with every tie of every node
 * involved, so `undo` restores the exact state; the merge also records what
 * each merged node was (its names, kind, identifiers, the articles that named
 * it) on the kept node, so `splitEntity(id, restore: mergedId)` can give it
 * back later, after other edits, without undoing those.
 */
export interface MergePart {
  id: string;
  name: string;
  nameAr: string | null;
  aliases: string[];
  kind: string;
  wikidataId: string | null;
  geonamesId: number | null;
  articles: string[];
}

export async function mergeEntities(db: Database, who: string, keep: string, mergeIds: string[]) {
  const merge = [...new Set(mergeIds)];
  const label = labelOfId(keep);
  if (!label || !MERGEABLE.includes(label as MergeLabel))
    throw new EditError("keep", `only actors, locations and events can be merged (got "${keep}")`);
  if (merge.length === 0 || merge.length > 100) throw new EditError("merge", "give between 1 and 100 ids");
  if (merge.includes(keep)) throw new EditError("merge", "cannot merge a node into itself");
  merge.forEach((id, i) => {
    if (labelOfId(id) !== label) throw new EditError(`merge.${i}`, `"${id}" is not a ${label} like "${keep}"`);
  });
  const touches = [keep, ...merge].map((id) => ({ id, ties: true }));
  return audited(db, { who, action: "mergeEntities", target: [keep, ...merge].join(" "), touches }, async (run) => {
    const found = await run(mergeCandidates(label as MergeLabel, [keep, ...merge]));
    const byId = new Map(found.records.map((r) => [r.get("id") as string, r]));
    for (const id of [keep, ...merge]) if (!byId.has(id)) throw new MissingNode(id);
    // Two different Wikidata (or GeoNames) ids name two different things: never one node.
    for (const key of ["wikidataId", "geonamesId"] as const) {
      const ids = new Set([keep, ...merge].map((id) => byId.get(id)?.get(key)).filter((v) => v != null));
      if (ids.size > 1)
        throw new EditError(
          "merge",
          `these have different ${key === "wikidataId" ? "Wikidata" : "GeoNames"} ids (${[...ids].join(", ")}): they are not one ${label.toLowerCase()}`,
        );
    }
    // Folded forms of every merged name, so the kept node is found by all of them.
    const normNames = foldedNames(
      merge.flatMap((id) => {
        const r = byId.get(id);
        return [r?.get("name"), r?.get("nameAr"), ...(r?.get("aliases") ?? [])];
      }),
    );
    const parts =
      label === "Event"
        ? []
        : merge.map((id) => {
            const r = byId.get(id);
            const part: MergePart = {
              id,
              name: r?.get("name"),
              nameAr: r?.get("nameAr") ?? null,
              aliases: r?.get("aliases") ?? [],
              kind: r?.get("kind"),
              wikidataId: r?.get("wikidataId") ?? null,
              geonamesId: r?.get("geonamesId") ?? null,
              articles: r?.get("articles") ?? [],
            };
            return JSON.stringify(part);
          });
    let tiesMoved = 0;
    const statements = mergeStatements(label as MergeLabel, keep, merge, normNames, parts);
    for (const [i, s] of statements.entries()) {
      const r = await run(s);
      if (i < statements.length - 1) tiesMoved += Number(r.records[0]?.get("moved") ?? 0);
    }
    return { result: { keepId: keep, merged: merge, tiesMoved } };
  });
}

export interface SplitInput {
  /** Give back a node recorded by an earlier merge (its id, names, kind, identifiers and articles). */
  restore?: string | null;
  id?: string | null;
  name?: string | null;
  nameAr?: string | null;
  kind?: string | null;
  /** Names that move to the new node. */
  aliases?: string[] | null;
  /** Articles whose mentions and evidence move to the new node. */
  articles?: string[] | null;
  /**
   * Nodes (events, claims, actors, places) whose every tie with this node
   * moves whole to the new node, with or without evidence: its roles in
   * those events, the claims it made or is named in, its analytic ties, its places.
   */
  ties?: string[] | null;
}

const slug = (s: string) =>
  s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80) || "split";

export async function splitEntity(db: Database, who: string, id: string, input: SplitInput) {
  const label = labelOfId(id);
  if (label !== "Actor" && label !== "Location") throw new EditError("id", `"${id}" is not an actor or location id`);
  const prefix = label.toLowerCase();
  const kinds: readonly string[] = label === "Actor" ? ACTOR_KINDS : LOCATION_KINDS;
  // Read first to fill a restore's choices; the audited transaction below checks again.
  return db.read(splitSource(label, id, input.id ?? input.restore ?? "")).then(async (probe) => {
    const found = probe.records[0];
    const parts = found.get("found") ? (found.get("parts") as string[]) : null;
    if (!parts) throw new MissingNode(id);
    let part: MergePart | null = null;
    if (input.restore) {
      part = parts.map((p) => JSON.parse(p) as MergePart).find((p) => p.id === input.restore) ?? null;
      if (!part) throw new EditError("input.restore", `${id} has no record of merging ${input.restore}`);
    }
    const name = (input.name ?? part?.name ?? "").trim();
    if (!name) throw new EditError("input.name", "the new node needs a name");
    const kind = input.kind ?? part?.kind;
    if (!kind || !kinds.includes(kind))
      throw new EditError("input.kind", `"${kind}" is not a kind of ${prefix} (one of ${kinds.join(", ")})`);
    const newId = input.id ?? part?.id ?? `${prefix}:${slug(name)}`;
    if (!newId.startsWith(`${prefix}:`))
      throw new EditError("input.id", `"${newId}" is not ${label === "Actor" ? "an" : "a"} ${prefix} id`);
    const nameAr = input.nameAr ?? part?.nameAr ?? null;
    const aliases = [...new Set(input.aliases ?? part?.aliases ?? [])].filter((a) => a !== name && a !== nameAr);
    const articles = [...new Set(input.articles ?? part?.articles ?? [])];
    articles.forEach((a, i) => {
      if (!a.startsWith("article:")) throw new EditError(`input.articles.${i}`, `"${a}" is not an article id`);
    });
    const ties = [...new Set(input.ties ?? [])];
    if (articles.length === 0 && aliases.length === 0 && ties.length === 0 && !part)
      throw new EditError("input", "choose the names (aliases), articles or ties that belong to the new node");
    const touches = [{ id, ties: true }];
    return audited(db, { who, action: "splitEntity", target: `${id} ${newId}`, touches }, async (run) => {
      const src = (await run(splitSource(label, id, newId))).records[0];
      if (!src.get("found")) throw new MissingNode(id);
      if (src.get("taken")) throw new EditError("input.id", `${newId} already exists`);
      const mentioned = new Set(src.get("articles") as string[]);
      const stray = articles.find((a) => !mentioned.has(a));
      if (stray) throw new EditError("input.articles", `${stray} does not mention ${id}`);
      const tied = new Set(src.get("tied") as string[]);
      const untied = ties.findIndex((t) => !tied.has(t));
      if (untied >= 0) throw new EditError(`input.ties.${untied}`, `${ties[untied]} has no tie with ${id}`);
      const oldAliases = (src.get("aliases") as string[]).filter(
        (a) => !aliases.includes(a) && a !== name && a !== nameAr,
      );
      const kept = foldedNames([src.get("name"), src.get("nameAr"), ...oldAliases]);
      await run(
        createSplit(
          label as SplitLabel,
          id,
          {
            id: newId,
            name,
            nameAr,
            kind,
            aliases,
            normNames: foldedNames([name, nameAr, ...aliases]),
            wikidataId: part?.wikidataId ?? null,
            geonamesId: part?.geonamesId ?? null,
          },
          kept,
          who,
        ),
      );
      let moved = 0;
      for (const s of moveToSplit(label as SplitLabel, id, newId, articles))
        moved += Number((await run(s)).records[0]?.get("moved") ?? 0);
      for (const s of moveAssignedTies(label as SplitLabel, id, newId, ties))
        moved += Number((await run(s)).records[0]?.get("moved") ?? 0);
      return { result: { id, newId, tiesMoved: moved }, created: [{ id: newId, ties: true }] };
    });
  });
}
