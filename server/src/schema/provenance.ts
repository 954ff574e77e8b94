import { builder } from "../builder.ts";
import type { ProvenanceRow } from "../cypher/rows.ts";
import { AssertedBy } from "./scalars.ts";

/**
 * Who asserted a node or a tie and when: the extractor (with its version),
 * an analyst (the editor key's name) or an import; and, for a node an analyst
 * corrected later, who corrected it and when. Null fields: the fact predates
 * provenance (stored before it was kept).
 */
export const Provenance = builder.objectRef<ProvenanceRow>("Provenance").implement({
  description: "Who asserted a fact (EXTRACTOR with its version, ANALYST with the key's name, IMPORT) and when",
  fields: (t) => ({
    assertedBy: t.field({ type: AssertedBy, nullable: true, resolve: (p) => p.by }),
    asserter: t.string({
      nullable: true,
      description: "the extractor's version, the analyst's key name or the importing tool",
      resolve: (p) => p.name,
    }),
    assertedAt: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.at }),
    correctedBy: t.string({
      nullable: true,
      description: "the analyst who last corrected it",
      resolve: (p) => p.correctedBy,
    }),
    correctedAt: t.field({ type: "DateTime", nullable: true, resolve: (p) => p.correctedAt }),
  }),
});

const none: ProvenanceRow = { by: null, name: null, at: null, correctedBy: null, correctedAt: null };

/** The provenance field every node and tie type carries. */
export const provenanceField = <T extends { provenance?: ProvenanceRow }>(
  // biome-ignore lint/suspicious/noExplicitAny: Pothos' field builder is generic over the parent shape.
  t: any,
) =>
  t.field({
    type: Provenance,
    description: "who asserted this and when",
    resolve: (x: T) => x.provenance ?? none,
  });
