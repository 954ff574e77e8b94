import * as q from "../cypher/edits.ts";
import type { Database } from "../db/database.ts";
import { foldedNames } from "../model/search-text.ts";
import { ACTOR_KINDS, LOCATION_KINDS, WIKIDATA_ID } from "../model/vocabulary.ts";
import { audited } from "./audit.ts";
import { EditError, MissingNode } from "./errors.ts";

/**
 * Renaming, re-typing and identifying an actor or a place: name, Arabic
 * name, kind, Wikidata QID (Q123) and GeoNames id (a positive integer). The
 * old name stays findable as an alias. An identifier another node already
 * holds is refused: two nodes with one QID are one thing — merge them.
 */
export interface NamedInput {
  name?: string | null;
  nameAr?: string | null;
  kind?: string | null;
  wikidataId?: string | null;
  geonamesId?: number | null;
}

const labelOf = (id: string) => (id.startsWith("actor:") ? "Actor" : id.startsWith("location:") ? "Location" : null);

export async function updateNamed(db: Database, who: string, id: string, input: NamedInput) {
  const label = labelOf(id);
  if (!label) throw new EditError("id", `"${id}" is not an actor or location id`);
  const has = (k: keyof NamedInput) => Object.hasOwn(input, k);
  const fields = (Object.keys(input) as (keyof NamedInput)[]).filter(has);
  if (fields.length === 0) throw new EditError("input", "give at least one field to change");
  if (has("name") && !input.name?.trim()) throw new EditError("input.name", "must not be empty");
  if (has("name") && (input.name?.length ?? 0) > 300) throw new EditError("input.name", "at most 300 characters");
  const kinds: readonly string[] = label === "Actor" ? ACTOR_KINDS : LOCATION_KINDS;
  if (has("kind") && !kinds.includes(input.kind ?? ""))
    throw new EditError(
      "input.kind",
      `"${input.kind}" is not a kind of ${label.toLowerCase()} (one of ${kinds.join(", ")})`,
    );
  if (input.wikidataId != null && !WIKIDATA_ID.test(input.wikidataId))
    throw new EditError(
      "input.wikidataId",
      `"${input.wikidataId}" is not a Wikidata id (Q followed by digits, e.g. Q794)`,
    );
  if (input.geonamesId != null && !(Number.isInteger(input.geonamesId) && input.geonamesId > 0))
    throw new EditError("input.geonamesId", `${input.geonamesId} is not a GeoNames id (a positive integer)`);
  if (input.geonamesId != null && label !== "Location")
    throw new EditError("input.geonamesId", "only places have a GeoNames id");
  return audited(db, { who, action: "updateEntity", target: id, touches: [{ id, ties: false }] }, async (run) => {
    const row = (await run(q.namedForEdit(label, id))).records[0];
    if (!row) throw new MissingNode(id);
    const held = await run(q.identifierHolders(label, id, input.wikidataId ?? null, input.geonamesId ?? null));
    const other = held.records[0];
    if (other)
      throw new EditError(
        input.wikidataId && other ? "input.wikidataId" : "input.geonamesId",
        `${other.get("id")} ("${other.get("name")}") already has this identifier: merge the two instead`,
      );
    const pick = <K extends keyof NamedInput>(k: K, stored: unknown) => (has(k) ? (input[k] ?? null) : stored);
    const name = (pick("name", row.get("name")) as string).trim();
    const nameAr = (pick("nameAr", row.get("nameAr")) as string | null)?.trim() || null;
    const oldNames = [row.get("name"), row.get("nameAr")].filter((n): n is string => !!n && n !== name && n !== nameAr);
    const aliases = [...new Set([...(row.get("aliases") as string[]), ...oldNames])].filter(
      (a) => a !== name && a !== nameAr,
    );
    await run(
      q.updateNamed(
        label,
        id,
        {
          name,
          nameAr,
          kind: pick("kind", row.get("kind")) as string,
          wikidataId: pick("wikidataId", row.get("wikidataId")) as string | null,
          geonamesId: pick("geonamesId", row.get("geonamesId")) as number | null,
          aliases,
          normNames: foldedNames([name, nameAr, ...aliases]),
          fields,
        },
        who,
      ),
    );
    return { result: { id } };
  });
}
