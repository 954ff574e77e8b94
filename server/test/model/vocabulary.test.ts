import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { type GraphQLEnumType, isEnumType } from "graphql";
import { lanesBy } from "../../../client/src/data/lanes.ts";
import type { Event } from "../../../client/src/data/model.ts";
import { typeColour, typeFamilies } from "../../../client/src/data/palette.ts";
import {
  BUNDLE_SCHEMA_ENUMS,
  bundleSchema,
  contractPath,
  eventTypesFile,
  printSchemaFile,
} from "../../../scripts/contracts.ts";
import { EVENT_TYPES as SYNTHETIC_TYPES } from "../../../seeds/synthetic/pool.ts";
import { TRIGGER_WORDS } from "../../src/extract/events/trigger-words.ts";
import {
  ANALYTIC_TIES,
  BUNDLE_RELATIONS,
  CERTAINTIES,
  CLAIM_LINKS,
  ENTITY_LABELS,
  ENTITY_RELATIONS,
  EVENT_FAMILIES,
  EVENT_TYPE_NAMES,
  EVENT_TYPES,
  GRAPH_RELATIONS,
  LANGUAGES,
  NODE_LABELS,
  PRECISIONS,
  PROVENANCE_EDGES,
  PROVENANCE_OF,
  ROLES,
  STRUCTURAL_TIES,
} from "../../src/model/vocabulary.ts";
import { schema } from "../../src/schema/index.ts";

const checkedIn = (name: string) => readFileSync(contractPath(name), "utf8");
const sorted = (xs: readonly string[]) => [...xs].sort();

function enumValues(name: string, internal = false): string[] {
  const t = schema.getType(name);
  assert.ok(isEnumType(t), `${name} is an enum in the GraphQL schema`);
  return (t as GraphQLEnumType).getValues().map((v) => (internal ? String(v.value) : v.name));
}

/** Every `enum` in a JSON Schema, by the path of keys leading to it. */
function schemaEnums(node: unknown, path: string[] = [], out = new Map<string, unknown[]>()) {
  if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "enum") out.set(path.join("/"), v as unknown[]);
      else schemaEnums(v, [...path, k], out);
    }
  }
  return out;
}

describe("the vocabulary (server/src/model/vocabulary.ts) and every list derived from it", () => {
  it("schema/schema.graphql matches the code (run `npm run schema:print` when this fails)", () => {
    assert.equal(checkedIn("schema.graphql"), printSchemaFile());
  });

  it("schema/article-bundle.schema.json has the vocabulary's enums, and no other enum", () => {
    const doc = JSON.parse(checkedIn("article-bundle.schema.json"));
    assert.deepEqual(doc, bundleSchema(), "run `npm run schema:print`");
    const listed = new Set(BUNDLE_SCHEMA_ENUMS.map(([p]) => p.join("/")));
    for (const path of schemaEnums(doc).keys()) assert.ok(listed.has(path), `${path}: an enum not from the vocabulary`);
  });

  it("schema/event-types.json is the vocabulary's taxonomy with its CAMEO/ACLED crosswalk", () => {
    assert.deepEqual(JSON.parse(checkedIn("event-types.json")), eventTypesFile(), "run `npm run schema:print`");
  });

  it("the GraphQL enums are the vocabulary's lists", () => {
    assert.deepEqual(sorted(enumValues("EventType")), sorted(EVENT_TYPE_NAMES));
    assert.deepEqual(sorted(enumValues("Precision")), sorted(PRECISIONS));
    assert.deepEqual(sorted(enumValues("Role")), sorted(ROLES));
    assert.deepEqual(sorted(enumValues("Certainty")), sorted(CERTAINTIES));
    assert.deepEqual(sorted(enumValues("Language")), sorted(LANGUAGES));
    assert.deepEqual(sorted(enumValues("ClaimLinkType")), sorted(CLAIM_LINKS));
    assert.deepEqual(sorted(enumValues("TieType")), sorted(ANALYTIC_TIES));
    assert.deepEqual(sorted(enumValues("GraphRelation")), sorted(GRAPH_RELATIONS));
    assert.deepEqual(sorted(enumValues("GraphLabel")), sorted(NODE_LABELS));
    assert.deepEqual(sorted(enumValues("SearchKind", true)), sorted(ENTITY_LABELS));
  });

  it("relationship groups partition the graph's relationship types", () => {
    assert.deepEqual(
      sorted(GRAPH_RELATIONS),
      sorted([...STRUCTURAL_TIES, ...CLAIM_LINKS, ...ANALYTIC_TIES, ...PROVENANCE_EDGES]),
    );
    assert.equal(new Set(GRAPH_RELATIONS).size, GRAPH_RELATIONS.length, "no type in two groups");
    assert.deepEqual(sorted(ENTITY_RELATIONS), sorted([...STRUCTURAL_TIES, ...CLAIM_LINKS, ...ANALYTIC_TIES]));
    assert.deepEqual(sorted(BUNDLE_RELATIONS), sorted([...ANALYTIC_TIES, ...CLAIM_LINKS]));
    assert.deepEqual(sorted(Object.keys(PROVENANCE_OF)), sorted(ENTITY_LABELS));
    for (const edge of Object.values(PROVENANCE_OF)) assert.ok(PROVENANCE_EDGES.includes(edge));
    assert.deepEqual(sorted(NODE_LABELS), sorted([...ENTITY_LABELS, "Article"]));
  });

  it("every event type has a family, a label in both languages and a colour", () => {
    for (const t of EVENT_TYPE_NAMES) {
      const info = EVENT_TYPES[t];
      assert.ok(Object.hasOwn(EVENT_FAMILIES, info.family), `${t}: unknown family ${info.family}`);
      assert.ok(info.label && info.labelAr, `${t}: labels`);
      assert.match(typeColour(t), /^#[0-9a-fA-F]{6}$/);
    }
  });

  it("the legend names exactly the timeline's type lanes, each type once", () => {
    const legendNames = typeFamilies.flatMap((f) => f.types);
    assert.equal(new Set(legendNames).size, EVENT_TYPE_NAMES.length, "each type in one legend family");
    const day = new Date("2024-08-22T00:00:00Z");
    const events = EVENT_TYPE_NAMES.map(
      (type) => ({ id: `event:${type}`, type, start: day, end: day, actors: [], locations: [] }) as unknown as Event,
    );
    const laneNames = lanesBy(events, "type").map((l) => l.label);
    assert.deepEqual(sorted(laneNames), sorted(legendNames));
  });

  it("the extractor's trigger words and the synthetic generator use only the vocabulary's types", () => {
    for (const [type] of TRIGGER_WORDS) assert.ok(EVENT_TYPE_NAMES.includes(type), `trigger words for ${type}`);
    for (const type of SYNTHETIC_TYPES) assert.ok(EVENT_TYPE_NAMES.includes(type), `synthetic ${type}`);
  });
});
