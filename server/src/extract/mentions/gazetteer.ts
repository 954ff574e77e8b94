import { readFileSync } from "node:fs";
import type { ActorKind, LocationKind } from "../../bundle/types.ts";
import type { KnownEntity } from "../types.ts";

/** An actor or place Rasd can recognise by name, from the gazetteer or the graph. */
export interface EntityEntry {
  id: string;
  label: "actor" | "location";
  name: string;
  nameAr?: string;
  aliases: string[];
  kind: ActorKind | LocationKind;
  point?: { latitude: number; longitude: number } | null;
  countryCode?: string;
  /** ACLED-style: 1 the place itself, 2 near it / its region, 3 only its country. */
  geoPrecision?: 1 | 2 | 3;
  geonamesId?: number;
  wikidataId?: string;
  within?: string;
  /** A country or capital used as an agent ("Washington said") stands for this actor. */
  stateActor?: string;
  /** A government entry: the country whose bare "the government" it is. */
  governmentOf?: string;
  affiliatedWith?: string;
  /** Titles naming the holder without a name ("Iraqi prime minister"). */
  roles?: string[];
  /** Found in this article by a name pattern, not known beforehand. */
  discovered?: boolean;
  /** "Possibly the same as" candidates: known entities a discovered one may be (never merged silently). */
  candidates?: string[];
}

const GAZETTEER_DIR = new URL("../../../../seeds/gazetteer/", import.meta.url);
let cached: EntityEntry[] | undefined;

/** The gazetteer, read from seeds/gazetteer once per process. */
export function gazetteer(): EntityEntry[] {
  if (cached) return cached;
  const actors = JSON.parse(readFileSync(new URL("actors.json", GAZETTEER_DIR), "utf8")).actors as EntityEntry[];
  const locations = JSON.parse(readFileSync(new URL("locations.json", GAZETTEER_DIR), "utf8"))
    .locations as EntityEntry[];
  cached = [
    ...actors.map((a) => ({ ...a, label: "actor" as const })),
    ...locations.map((l) => ({ ...l, label: "location" as const })),
  ];
  return cached;
}

/**
 * Gazetteer plus what the graph already knows. A graph entity with a
 * gazetteer id adds its aliases to that entry; a new id becomes an entry of
 * its own, so names stored by earlier ingests (or editors) are recognised.
 */
export function entityEntries(known: KnownEntity[] = [], hand = true): EntityEntry[] {
  if (known.length === 0 && hand) return gazetteer();
  const byId = new Map((hand ? gazetteer() : []).map((e) => [e.id, { ...e, aliases: [...e.aliases] }]));
  for (const k of known) {
    const names = [k.name, k.nameAr, ...k.aliases].filter((n): n is string => !!n);
    const existing = byId.get(k.id);
    if (existing) {
      for (const n of names) if (!existing.aliases.includes(n)) existing.aliases.push(n);
      continue;
    }
    byId.set(k.id, {
      id: k.id,
      label: k.label === "Actor" ? "actor" : "location",
      name: k.name,
      nameAr: k.nameAr,
      aliases: names,
      kind: k.kind as ActorKind | LocationKind,
      point: k.point ?? undefined,
    });
  }
  return [...byId.values()];
}
